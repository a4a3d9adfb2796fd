using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Plenum.Groups;

/// <summary>What a person fills in to create or change a group, with its validation, shared by pages and API.</summary>
public sealed partial class GroupForm
{
    [Required(ErrorMessage = "Give the group a name.")]
    [StringLength(120, MinimumLength = 2, ErrorMessage = "The name must be 2 to 120 characters.")]
    public string Name { get; set; } = "";

    [StringLength(4000, ErrorMessage = "The description must be at most 4000 characters.")]
    public string? Description { get; set; }

    public GroupKind Kind { get; set; } = GroupKind.AffinityGroup;
    public JoinPolicy JoinPolicy { get; set; } = JoinPolicy.InviteOnly;
    public InvitePermission WhoMayInvite { get; set; } = InvitePermission.AnyMember;

    [Range(1, 50, ErrorMessage = "Vouches required must be between 1 and 50.")]
    public int VouchesRequired { get; set; } = 1;

    [Range(2, 100000, ErrorMessage = "The member cap must be between 2 and 100000.")]
    public int? MemberCap { get; set; }

    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>Slug of the group this one sits inside, if any.</summary>
    public string? Parent { get; set; }

    public Group ToGroup(Guid? parentId) => new()
    {
        Name = Name.Trim(), Slug = SlugFor(Name), Description = Description?.Trim() ?? "", Kind = Kind,
        JoinPolicy = JoinPolicy, WhoMayInvite = WhoMayInvite, VouchesRequired = VouchesRequired,
        MemberCap = MemberCap, EndsAt = EndsAt?.ToUniversalTime(), ParentId = parentId,
    };

    public static GroupForm From(Group g) => new()
    {
        Name = g.Name, Description = g.Description, Kind = g.Kind, JoinPolicy = g.JoinPolicy, WhoMayInvite = g.WhoMayInvite,
        VouchesRequired = g.VouchesRequired, MemberCap = g.MemberCap, EndsAt = g.EndsAt,
    };

    /// <summary>Changes a group's settings; its address (slug) stays, so links keep working.</summary>
    public void ApplyTo(Group g)
    {
        var changed = ToGroup(g.ParentId);
        g.Name = changed.Name;
        g.Description = changed.Description;
        g.Kind = changed.Kind;
        g.JoinPolicy = changed.JoinPolicy;
        g.WhoMayInvite = changed.WhoMayInvite;
        g.VouchesRequired = changed.VouchesRequired;
        g.MemberCap = changed.MemberCap;
        g.EndsAt = changed.EndsAt;
    }

    /// <summary>Rules that span fields; returns messages keyed by field.</summary>
    public IEnumerable<(string Field, string Message)> CheckRules(DateTimeOffset now)
    {
        if (Kind == GroupKind.AffinityGroup && JoinPolicy != JoinPolicy.InviteOnly)
            yield return (nameof(JoinPolicy), "Affinity groups are closed: people join by invitation only.");
        if (EndsAt is { } end && end <= now)
            yield return (nameof(EndsAt), "The end date must be in the future.");
        if (Kind != GroupKind.AffinityGroup && (MemberCap is not null || EndsAt is not null))
            yield return (nameof(MemberCap), "A member cap and an end date are for affinity groups.");
        if (SlugFor(Name ?? "").Count(char.IsLetterOrDigit) < 2)
            yield return (nameof(Name), "The name needs at least two letters or digits.");
    }

    /// <summary>A readable URL name: lower-case letters and digits joined by dashes.</summary>
    public static string SlugFor(string name)
    {
        var slug = NonSlug().Replace(name.Normalize().ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 60 ? slug[..60].TrimEnd('-') : slug;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonSlug();
}
