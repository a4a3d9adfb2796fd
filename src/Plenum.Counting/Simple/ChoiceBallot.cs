namespace Plenum.Counting.Simple;

/// <summary>A ballot marking a set of candidates (by index): one for single-choice plurality, any number for approval.</summary>
public sealed record ChoiceBallot(IReadOnlySet<int> Choices, long Weight = 1) : IWeightedBallot
{
    public static ChoiceBallot Of(long weight, params int[] choices) => new(choices.ToHashSet(), weight);
}
