namespace Plenum.Counting.Simple;

public enum BordaVariant
{
    /// <summary>n−1 points for first, n−2 for second, … 0 for last: a candidate gets one point per continuing candidate ranked strictly below it.</summary>
    Standard,
    /// <summary>Dowdall (Nauru): 1 for first, 1/2 for second, 1/3 for third, …; counted exactly as fractions, never rounded.</summary>
    Dowdall,
}
