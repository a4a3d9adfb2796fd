namespace Plenum.Counting.Simple;

public enum ScoreVariant
{
    /// <summary>Total score. A candidate left unscored on an otherwise scored ballot gets the range minimum.</summary>
    Sum,
    /// <summary>
    /// Mean of the scores given; unscored means "no opinion" and is left out. A candidate no one
    /// scored has no mean and ranks below all others.
    /// </summary>
    Mean,
}
