namespace Plenum.Counting.Simple;

/// <summary>A ballot, or a group of identical ballots counted <see cref="Weight"/> times.</summary>
public interface IWeightedBallot
{
    long Weight { get; }
}
