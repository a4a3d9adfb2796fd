namespace Plenum.Counting.Federations;

/// <summary>How a federation counts its member groups.</summary>
public enum FederationCounting
{
    /// <summary>One vote per member group, as its own rulebook decided.</summary>
    GroupVotes,
    /// <summary>Passes only with a majority of the groups and a majority of all individuals voting in them.</summary>
    DoubleMajority,
}
