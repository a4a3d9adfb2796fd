namespace Plenum.Counting.Stv;

/// <summary>
/// A published order of candidates used to settle ties (e.g. drawn by lot before the count):
/// among tied candidates, the one listed first is the one defeated. Unlisted candidates come after
/// listed ones, in candidate order, so every tie has an answer.
/// </summary>
internal sealed class TieBreakOrder
{
    private readonly int[] _position;

    public TieBreakOrder(int candidates, IReadOnlyList<int>? order)
    {
        _position = new int[candidates];
        for (var c = 0; c < candidates; c++) _position[c] = int.MaxValue / 2 + c;
        if (order is null)
        {
            for (var c = 0; c < candidates; c++) _position[c] = c;
            return;
        }
        for (var i = 0; i < order.Count; i++)
        {
            var c = order[i];
            if (c < 0 || c >= candidates)
                throw new CountingException($"the tie-break order names candidate {c + 1}, but there are {candidates} candidates");
            _position[c] = Math.Min(_position[c], i);
        }
    }

    public const string Rule = "tie-break order (the candidate listed first is defeated)";

    /// <summary>The candidate to lose among <paramref name="tied"/>.</summary>
    public int Loser(IEnumerable<int> tied) => tied.MinBy(c => _position[c]);
}
