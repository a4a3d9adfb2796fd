namespace Plenum.Counting.Stv;

internal enum CandidateState
{
    Hopeful,
    Elected,
    Defeated,
    Withdrawn,
}
