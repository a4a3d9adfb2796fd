namespace Plenum.Counting.Simple;

/// <summary>How many candidates a ballot must and may approve; outside these, the ballot is invalid.</summary>
public sealed record ApprovalLimits(int MinChoices = 0, int? MaxChoices = null)
{
    public static ApprovalLimits None { get; } = new();
}
