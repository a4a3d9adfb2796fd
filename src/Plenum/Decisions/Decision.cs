using Plenum.Counting.Proposals;
using Plenum.Privacy;

namespace Plenum.Decisions;

public enum DecisionStatus { Open, Closed }

/// <summary>What kind of ballot a decision has; each is counted by Plenum.Counting.</summary>
public enum DecisionType
{
    /// <summary>Agree / abstain / disagree (/ stand aside / block), decided by the class's rule.</summary>
    Proposal,
    /// <summary>Choose one or several options (plurality, or approval with min/max).</summary>
    Poll,
    /// <summary>Rank the options; instant-runoff picks one.</summary>
    RankedChoice,
    /// <summary>Rank the options; Schulze's Condorcet method picks one.</summary>
    Condorcet,
    /// <summary>Rank the candidates; single transferable vote (Meek) fills the seats.</summary>
    Election,
    /// <summary>Yes / if need be / no for each proposed time; the best time becomes an event (.ics).</summary>
    TimePoll,
    /// <summary>Score each option from 0 to <see cref="Decision.Points"/>; the highest total wins.</summary>
    Score,
    /// <summary>Spread <see cref="Decision.Points"/> dots over the options; the most dots win.</summary>
    DotVote,
    /// <summary>Agree / abstain / disagree to take the temperature; binds nothing and enters no register.</summary>
    SenseCheck,
    /// <summary>Everyone answers in words; nothing is counted but the answers.</summary>
    QuestionRound,
    /// <summary>"I'm in" or not; it goes ahead when <see cref="Decision.Points"/> people are in.</summary>
    SignUp,
}

/// <summary>A proposal put to a group, decided under one class of its rulebook.</summary>
public sealed class Decision
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid? AuthorId { get; set; }
    public Accounts.User? Author { get; set; }
    public required string ClassKey { get; set; }
    public DecisionType Type { get; set; }
    /// <summary>The agreement this decision would replace if it passes.</summary>
    public Guid? ReplacesAgreementId { get; set; }
    /// <summary>Months after adoption that the agreement comes up for review; 0 for no review date.</summary>
    public int ReviewAfterMonths { get; set; } = 12;
    /// <summary>The last day the agreement holds, for one that is meant to lapse (e.g. a trial); null for open-ended.</summary>
    public DateOnly? ValidUntil { get; set; }
    /// <summary>The discussion the proposal grew out of, if any.</summary>
    public Guid? DiscussionId { get; set; }
    /// <summary>The options (or candidates) of a poll, ranking or election, one per line.</summary>
    [Sensitive] public string? Options { get; set; }
    /// <summary>Seats for an election; for a poll, the most options a voter may choose (1 = choose one).</summary>
    public int Seats { get; set; } = 1;
    public int MaxChoices { get; set; } = 1;
    /// <summary>Score: the highest score; dot vote: the dots each voter spreads; sign-up: the people needed.</summary>
    public int Points { get; set; } = 5;
    /// <summary>For a time poll: the IANA time zone its times are given in.</summary>
    public string? TimeZone { get; set; }
    /// <summary>The full count (Plenum.Counting's result as JSON) once closed, for the results page and recounts.</summary>
    public string? CountJson { get; set; }
    public int RulebookVersion { get; set; }
    [Sensitive] public required string Title { get; set; }
    [Sensitive] public required string Text { get; set; }
    public bool Secret { get; set; }
    /// <summary>For a decision of class "rulebook": the template the group would adopt if it passes.</summary>
    public string? ProposedRulebookTemplate { get; set; }
    /// <summary>For a rulebook amendment: the classes (JSON, as in <see cref="Rulebook"/>) the group would adopt if it passes.</summary>
    public string? ProposedClassesJson { get; set; }
    /// <summary>The meeting where it is decided live, if any.</summary>
    public Guid? MeetingId { get; set; }
    /// <summary>1 for a first proposal; n for the n-th attempt at the same matter after failed rounds.</summary>
    public int Round { get; set; } = 1;
    /// <summary>The failed decision this round follows, if it is not the first.</summary>
    public Guid? PreviousRoundId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    public DecisionStatus Status { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public ProposalResult? Result { get; set; }
    /// <summary>The declared outcome, line by line, with the rule that applied.</summary>
    public string? OutcomeExplanation { get; set; }
    /// <summary>Members eligible when the decision closed (for quorum and the eligible base).</summary>
    public int? EligibleAtClose { get; set; }

    public IReadOnlyList<string> OptionList => (Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
