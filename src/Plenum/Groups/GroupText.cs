namespace Plenum.Groups;

/// <summary>How group settings read to people.</summary>
public static class GroupText
{
    public static string Kind(GroupKind kind) => kind switch
    {
        GroupKind.AffinityGroup => "affinity group",
        GroupKind.Assembly => "assembly",
        GroupKind.Federation => "federation",
        _ => kind.ToString(),
    };

    public static string JoinPolicy(JoinPolicy policy) => policy switch
    {
        Groups.JoinPolicy.InviteOnly => "invite only",
        Groups.JoinPolicy.Open => "open to all",
        Groups.JoinPolicy.ByRequest => "by request, with vouches",
        _ => policy.ToString(),
    };

    public static string WhoMayInvite(InvitePermission permission) => permission switch
    {
        InvitePermission.AnyMember => "any member",
        InvitePermission.Coordinators => "coordinators only",
        _ => permission.ToString(),
    };
}
