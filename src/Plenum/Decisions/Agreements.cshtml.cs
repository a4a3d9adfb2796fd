using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Decisions;

/// <summary>The register of agreements: every passed decision, browsable and exportable as the group's book.</summary>
public sealed class AgreementsModel(PlenumDb db, UserManager<User> users) : GroupPageModel(db, users)
{
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? format)
    {
        var denied = await LoadAsync(membersOnly: true);
        if (denied is not null) return denied;
        Agreements = await Db.Agreements.Where(a => a.GroupId == Group.Id).OrderByDescending(a => a.AdoptedAt).ToListAsync();
        return format switch
        {
            "json" => new JsonResult(Agreements.Select(a => new { a.Id, a.Title, a.Text, Status = a.Status.ToString(), a.AdoptedAt, a.ReviewOn, a.ExpiresOn, a.DecisionId, a.ReplacesId })),
            "md" => File(Encoding.UTF8.GetBytes(Markdown()), "text/markdown; charset=utf-8", $"{Group.Slug}-agreements.md"),
            _ => Page(),
        };
    }

    string Markdown()
    {
        var book = new StringBuilder($"# Agreements of {Group.Name}\n");
        foreach (var a in Agreements)
            book.Append($"\n## {a.Title}\n\n*{a.Status}, adopted {a.AdoptedAt:yyyy-MM-dd}{(a.ReviewOn is { } review ? $", review by {review:yyyy-MM-dd}" : "")}{(a.ExpiresOn is { } expires ? $", holds until {expires:yyyy-MM-dd}" : "")}*\n\n{a.Text}\n");
        return book.ToString();
    }
}
