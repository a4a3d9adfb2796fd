using Microsoft.EntityFrameworkCore;
using Plenum.Data;
using Plenum.Groups;

namespace Plenum.Discussions;

/// <summary>
/// Who can be @mentioned in a group: its people, longest pseudonym first so "@Rosa Park" wins over
/// "@Rosa" (pseudonyms may contain spaces, so a mention cannot simply end at the next space).
/// </summary>
public sealed record MentionTargets(string GroupSlug, IReadOnlyList<(string Name, Guid UserId)> Members)
{
    public static readonly MentionTargets None = new("", []);

    public static async Task<MentionTargets> ForGroupAsync(PlenumDb db, Group group, CancellationToken cancellationToken = default)
    {
        var members = await db.Memberships.Where(m => m.GroupId == group.Id && m.UserId != null && m.User!.DeletedAt == null)
            .Select(m => new { m.User!.UserName, m.User.Id }).ToListAsync(cancellationToken);
        return new(group.Slug, members.Where(m => m.UserName is not null)
            .Select(m => (m.UserName!, m.Id)).OrderByDescending(m => m.Item1.Length).ToList());
    }

    public string LinkTo(Guid userId) => $"/groups/{GroupSlug}/members#member-{userId}";

    /// <summary>Every "@name" of a member in <paramref name="text"/>, left to right.</summary>
    public IEnumerable<(int Start, int Length, Guid UserId)> FindIn(string text)
    {
        var at = text.IndexOf('@');
        while (at >= 0)
        {
            var next = at + 1;
            // "rosa@example.org" is an address, not a mention.
            if (at == 0 || !IsNameChar(text[at - 1]))
                foreach (var (name, userId) in Members)
                {
                    var end = at + 1 + name.Length;
                    if (end > text.Length || string.Compare(text, at + 1, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
                    if (end < text.Length && IsNameChar(text[end])) continue;
                    yield return (at, end - at, userId);
                    next = end;
                    break;
                }
            at = next < text.Length ? text.IndexOf('@', next) : -1;
        }
    }

    static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';
}
