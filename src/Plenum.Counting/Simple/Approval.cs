using Plenum.Counting.Condorcet;
using Plenum.Counting.Exact;
using Plenum.Counting.Lots;
using Plenum.Counting.Results;

namespace Plenum.Counting.Simple;

/// <summary>
/// Approval voting: each valid ballot gives one vote to every candidate it marks; the most
/// approvals win. Limits apply to the marks as cast (a mark for a withdrawn candidate still counts
/// towards the limit, since the voter made it under the rules they were given).
/// </summary>
public static class Approval
{
    public static CountResult Run(SimpleElection<ChoiceBallot> election, ApprovalLimits? limits = null, TieBreaking? ties = null)
    {
        limits ??= ApprovalLimits.None;
        if (limits.MinChoices < 0 || limits.MaxChoices < limits.MinChoices)
            throw new CountingException($"approval limits {limits.MinChoices}..{limits.MaxChoices} are not a range");
        var continuing = ElectionChecks.Continuing(election.Candidates, election.Seats, election.Withdrawn);
        var approvals = continuing.ToDictionary(c => c, _ => 0L);
        var invalid = new InvalidTally();
        for (var index = 0; index < election.Ballots.Count; index++)
        {
            var ballot = election.Ballots[index];
            ElectionChecks.CheckWeight(ballot.Weight, index);
            foreach (var choice in ballot.Choices) ElectionChecks.CheckCandidate(choice, election.Candidates.Count, index);
            if (ballot.Choices.Count < limits.MinChoices) { invalid.Add(InvalidBallot.TooFewChoices, ballot.Weight); continue; }
            if (ballot.Choices.Count > limits.MaxChoices) { invalid.Add(InvalidBallot.TooManyChoices, ballot.Weight); continue; }
            foreach (var choice in ballot.Choices.Where(approvals.ContainsKey))
                approvals[choice] = checked(approvals[choice] + ballot.Weight);
        }

        var tallies = approvals.ToDictionary(kv => kv.Key, kv => (Rational)kv.Value);
        var details = new Dictionary<string, object>
        {
            ["minChoices"] = limits.MinChoices,
            ["maxChoices"] = (object?)limits.MaxChoices ?? "no limit",
        };
        return TopN.Result("approval", election.Candidates, election.Seats, continuing, tallies, c => tallies[c],
            invalid, ties ?? TieBreaking.Default, details,
            [$"Ballots marking fewer than {limits.MinChoices} or more than {limits.MaxChoices?.ToString() ?? "any number of"} candidates are invalid."]);
    }
}
