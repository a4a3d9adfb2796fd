namespace Plenum.Decisions;

public enum AgreementStatus { InForce, Superseded, Expired, UnderReview }

/// <summary>An entry in the group's register of agreements: what a passed decision settled.</summary>
public sealed class Agreement
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public Guid DecisionId { get; set; }
    [Privacy.Sensitive] public required string Title { get; set; }
    [Privacy.Sensitive] public required string Text { get; set; }
    public AgreementStatus Status { get; set; }
    public DateTimeOffset AdoptedAt { get; set; }
    public DateOnly? ReviewOn { get; set; }
    /// <summary>After this day the agreement no longer holds and is marked expired.</summary>
    public DateOnly? ExpiresOn { get; set; }
    public Guid? ReplacesId { get; set; }
}
