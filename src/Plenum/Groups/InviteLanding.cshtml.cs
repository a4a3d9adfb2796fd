using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Plenum.Accounts;

namespace Plenum.Groups;

/// <summary>Where an invite link leads: join the group, creating an account first if needed.</summary>
public sealed class InviteLandingModel(InviteLinks links, GroupMembership membership, UserManager<User> users, SignInManager<User> signIn) : PageModel
{
    [FromRoute] public string Secret { get; set; } = "";
    public Invitation? Invitation { get; private set; }
    public bool SignedIn => signIn.IsSignedIn(User);
    public string Heading => Invitation?.Group is { } g ? $"You are invited to {g.Name}" : "You are invited to run this Plenum instance";

    [BindProperty, Required(ErrorMessage = "Choose a pseudonym."), RegularExpression(Pseudonyms.Pattern, ErrorMessage = Pseudonyms.Rule)]
    public string Pseudonym { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), StringLength(200, MinimumLength = 10, ErrorMessage = "The password must be at least 10 characters.")]
    public string Password { get; set; } = "";

    public async Task OnGetAsync() => Invitation = await links.FindUsableAsync(Secret);

    public async Task<IActionResult> OnPostJoinAsync()
    {
        Invitation = await links.FindUsableAsync(Secret);
        if (Invitation is null) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        return await JoinAsync(user);
    }

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        Invitation = await links.FindUsableAsync(Secret);
        if (Invitation is null || !ModelState.IsValid) return Page();
        var user = new User { Id = Guid.NewGuid(), UserName = Pseudonym.Trim(), CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
                ModelState.AddModelError(error.Code.Contains("Password") ? nameof(Password) : nameof(Pseudonym), Pseudonyms.Explain(error));
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return await JoinAsync(user);
    }

    async Task<IActionResult> JoinAsync(User user)
    {
        try
        {
            await membership.JoinWithInvitationAsync(Invitation!, user);
        }
        catch (GroupRuleException refusal)
        {
            ModelState.AddModelError("", refusal.Message);
            return Page();
        }
        if (Invitation!.Group is { } group)
        {
            TempData["Notice"] = $"Welcome to {group.Name}.";
            return Redirect($"/groups/{group.Slug}");
        }
        TempData["Notice"] = "You are now an administrator of this instance. Create the first groups.";
        return Redirect("/groups/new");
    }
}
