namespace Plenum.Decisions;

/// <summary>
/// How a choice is written in a stored ballot's Position: a poll as chosen option numbers
/// ("0,2"), a ranking as option numbers best first ("2>0>1"). Numbers index the decision's options.
/// </summary>
public static class ChoiceBallots
{
    public static string Poll(IEnumerable<int> chosen) => string.Join(',', chosen.Order());

    public static string Ranking(IEnumerable<int> bestFirst) => string.Join('>', bestFirst);

    public static int[] Read(string position) =>
        position.Split([',', '>'], StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();

    /// <summary>Checks a choice against the decision; returns its stored form, or throws with the reason.</summary>
    public static string Validate(Decision decision, IReadOnlyList<int> choice)
    {
        var count = decision.OptionList.Count;
        if (choice.Any(c => c < 0 || c >= count)) throw new DecisionRuleException("Choose among the options on the ballot.");
        if (choice.Distinct().Count() != choice.Count) throw new DecisionRuleException("Each option may be chosen or ranked once.");
        if (choice.Count == 0) throw new DecisionRuleException(decision.Type == DecisionType.Poll ? "Choose an option." : "Rank at least one option.");
        if (decision.Type == DecisionType.Poll)
        {
            if (choice.Count > decision.MaxChoices) throw new DecisionRuleException($"Choose at most {decision.MaxChoices} option(s).");
            return Poll(choice);
        }
        return Ranking(choice);
    }
}
