using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;

namespace Plenum.Accounts;

/// <summary>Turning TOTP two-factor login on and off, and recovery codes.</summary>
public sealed class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn) : AccountPageModel(users)
{
    public const int RecoveryCodeCount = 10;

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }

    public string? SetupKey { get; private set; }
    public string? QrSvg { get; private set; }
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        await LoadAsync();
        if (Me.TwoFactorEnabled) return RedirectToPage();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (!await Users.VerifyTwoFactorTokenAsync(Me, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Codes change every 30 seconds; check your phone's clock.");
            return Page();
        }
        await Users.SetTwoFactorEnabledAsync(Me, true);
        NewRecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(Me, RecoveryCodeCount) ?? []];
        await signIn.RefreshSignInAsync(Me);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        await LoadAsync();
        if (!Me.TwoFactorEnabled) return RedirectToPage();
        NewRecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(Me, RecoveryCodeCount) ?? []];
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        await LoadAsync();
        if (!Me.TwoFactorEnabled) return RedirectToPage();
        if (!await Users.CheckPasswordAsync(Me, Password ?? ""))
        {
            ModelState.AddModelError(nameof(Password), "That is not your password.");
            return Page();
        }
        await Users.SetTwoFactorEnabledAsync(Me, false);
        // A fresh key, so the old phone's entry is useless if two-factor is turned on again.
        await Users.ResetAuthenticatorKeyAsync(Me);
        await signIn.RefreshSignInAsync(Me);
        TempData["Notice"] = "Two-factor login is off.";
        return RedirectToPage();
    }

    async Task LoadAsync()
    {
        await LoadMeAsync();
        if (Me.TwoFactorEnabled)
        {
            RecoveryCodesLeft = await Users.CountRecoveryCodesAsync(Me);
            return;
        }
        var key = await Users.GetAuthenticatorKeyAsync(Me);
        if (string.IsNullOrEmpty(key))
        {
            await Users.ResetAuthenticatorKeyAsync(Me);
            key = await Users.GetAuthenticatorKeyAsync(Me);
        }
        SetupKey = key;
        var uri = $"otpauth://totp/Plenum:{Uri.EscapeDataString(Me.UserName ?? "")}?secret={key}&issuer=Plenum&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(4);
    }

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    public string GroupedKey => string.Join(' ', (SetupKey ?? "").ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
