using Plenum.Counting.Proposals;

namespace Plenum.Decisions;

/// <summary>Words shown for decision states.</summary>
public static class DecisionText
{
    /// <summary>The positions a ballot offers, for the kinds answered by position rather than by choosing options.</summary>
    public static IReadOnlyList<string> PositionsFor(Decision decision, DecisionClass rules) => decision.Type switch
    {
        DecisionType.SenseCheck => [ProposalPositions.Agree, ProposalPositions.Abstain, ProposalPositions.Disagree],
        DecisionType.QuestionRound => [Answer],
        DecisionType.SignUp => [In, Out],
        _ => rules.Positions,
    };

    public const string Answer = "answer";
    public const string In = "I'm in";
    public const string Out = "not this time";

    /// <summary>A title Plenum composes (e.g. "Our position for …"), cut to the 200 characters a title may have.</summary>
    public static string ShortTitle(string title) => title.Length <= 200 ? title : title[..199] + "…";

    /// <summary>
    /// Whether a ballot takes written words: a question round's answer always; otherwise by the rulebook,
    /// where even with reasons off a block may need one.
    /// </summary>
    public static bool TakesReason(Decision decision, DecisionClass rules, string? position = null) =>
        decision.Type == DecisionType.QuestionRound || rules.Reasons != ReasonRule.Off
        || (rules.BlocksAllowed && rules.BlockNeedsReason && position is null or Counting.Proposals.ProposalPositions.Block);

    public static bool IsByPosition(DecisionType type) =>
        type is DecisionType.Proposal or DecisionType.SenseCheck or DecisionType.QuestionRound or DecisionType.SignUp;

    public static string Result(ProposalResult? result) => result switch
    {
        ProposalResult.Passed => "passed",
        ProposalResult.Failed => "did not pass",
        ProposalResult.NoQuorum => "no quorum",
        ProposalResult.TieAwaitingChair => "tied, awaiting the chair",
        _ => "open",
    };

    public static string Type(DecisionType type) => type switch
    {
        DecisionType.Proposal => "Proposal",
        DecisionType.Poll => "Poll",
        DecisionType.RankedChoice => "Ranked choice (instant-runoff)",
        DecisionType.Condorcet => "Ranked choice (Condorcet, Schulze)",
        DecisionType.Election => "Election of people (STV)",
        DecisionType.TimePoll => "Meeting time poll",
        DecisionType.Score => "Score the options",
        DecisionType.DotVote => "Dot vote",
        DecisionType.SenseCheck => "Sense check (not binding)",
        DecisionType.QuestionRound => "Question round (answers in words)",
        _ => "Sign-up with a target",
    };
}
