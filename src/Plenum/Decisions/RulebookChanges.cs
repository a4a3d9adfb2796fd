namespace Plenum.Decisions;

/// <summary>What an amendment changes, setting by setting, so voters see exactly what they adopt.</summary>
public static class RulebookChanges
{
    /// <summary>Each setting a class has, as the rulebook page words it.</summary>
    public static readonly IReadOnlyList<(string Setting, Func<DecisionClass, string> Value)> Settings =
    [
        ("name", c => c.Name),
        ("rule", c => c.Describe()),
        ("stand-aside limit", c => c.StandAsideLimit?.ToString() ?? "none"),
        ("block needs a reason", c => c.BlocksAllowed && c.BlockNeedsReason ? "yes" : "no"),
        ("reasons", c => c.Reasons.ToString()),
        ("discussion before voting", c => $"{c.MinDiscussionHours} h"),
        ("voting period", c => $"{c.MinVotingHours} h to {c.MaxVotingHours} h"),
        ("who may propose", c => c.ProposerMinDays == 0 ? "any member" : $"members of {c.ProposerMinDays}+ days"),
        ("ballot", c => c.SecretBallot.ToString()),
        ("elections", c => c.Elections == StvMethod.Scottish ? "Scottish STV" : "Meek STV"),
        ("at meetings, quorum from those present", c => c.QuorumOfPresent ? "yes" : "no"),
        ("at meetings, absent members vote too", c => c.AbsentMembersVote ? "yes" : "no"),
        ("in a federation, who votes", c => c.MemberVotes switch { FederationVoting.GroupVotes => "one vote per member group", FederationVoting.DoubleMajority => "double majority of groups and people", _ => "delegates" }),
        ("in a federation, endorsements to reach the agenda", c => $"{c.EscalationNumerator}/{c.EscalationDenominator} of member groups"),
        ("spending without a vote", c => c.SpendWithoutVoteUpTo == 0 ? "none" : $"up to {c.SpendWithoutVoteUpTo} whole units of the fund's currency"),
        ("kinds of ballot", c => c.AllowedTypes.Count == 0 ? "all" : string.Join(", ", c.AllowedTypes.Select(DecisionText.Type))),
    ];

    /// <summary>One line per added, removed or changed class setting; empty when nothing changes.</summary>
    public static IReadOnlyList<string> Between(IReadOnlyList<DecisionClass> before, IReadOnlyList<DecisionClass> after)
    {
        var lines = new List<string>();
        foreach (var removed in before.Where(b => after.All(a => a.Key != b.Key))) lines.Add($"Class \"{removed.Name}\" is removed.");
        foreach (var added in after.Where(a => before.All(b => b.Key != a.Key))) lines.Add($"Class \"{added.Name}\" is added: {added.Describe()}.");
        foreach (var old in before)
        {
            if (after.FirstOrDefault(a => a.Key == old.Key) is not { } changed) continue;
            foreach (var (setting, value) in Settings)
                if (value(old) != value(changed)) lines.Add($"{old.Name}, {setting}: {value(old)} → {value(changed)}.");
        }
        return lines;
    }
}
