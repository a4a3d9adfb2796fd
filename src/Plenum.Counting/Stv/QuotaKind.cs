namespace Plenum.Counting.Stv;

/// <summary>How the number of votes needed for election is derived from the votes cast.</summary>
public enum QuotaKind
{
    /// <summary>votes ÷ (seats + 1): the smallest quota that cannot elect more candidates than seats.</summary>
    Droop,

    /// <summary>votes ÷ seats: the "fair share" quota, favouring smaller groups of voters.</summary>
    Hare,
}
