namespace Plenum.Alerts;

/// <summary>One line of a roll-call: how many people with a skill the alert asks for.</summary>
public sealed record RollCallNeed(string Skill, int Count)
{
    /// <summary>A plain alert asks for anyone at all.</summary>
    public const string Anyone = "anyone";
}

/// <summary>An alert's roll-call, written "legal observer:3,interpreter:1", and whether the people going fill it.</summary>
public static class RollCall
{
    public const int MaxPerSkill = 100;

    public static IReadOnlyList<RollCallNeed> Parse(string? text)
    {
        var needs = new List<RollCallNeed>();
        foreach (var part in AlertText.SplitList(text))
        {
            var colon = part.LastIndexOf(':');
            var skill = (colon < 0 ? part : part[..colon]).Trim();
            if (!int.TryParse(colon < 0 ? "1" : part[(colon + 1)..].Trim(), out var count) || count < 1 || count > MaxPerSkill || skill.Length == 0)
                throw new AlertRuleException($"\"{part}\" is not a roll-call line: write a skill and how many, like \"legal observer:3\".");
            needs.Add(new RollCallNeed(skill, count));
        }
        return needs.Count == 0 ? [new RollCallNeed(RollCallNeed.Anyone, 1)] : needs;
    }

    public static string Write(IEnumerable<RollCallNeed> needs) =>
        string.Join(",", needs.Where(n => n.Skill != RollCallNeed.Anyone).Select(n => $"{n.Skill}:{n.Count}"));

    /// <summary>
    /// How many of each need the people going fill: each person counts once, for the first still-open need
    /// they have the skill for, so one interpreter is not counted as both the interpreter and a driver.
    /// </summary>
    public static IReadOnlyList<(RollCallNeed Need, int Filled)> Fill(IReadOnlyList<RollCallNeed> needs, IEnumerable<IReadOnlyList<string>> goingSkills)
    {
        var filled = new int[needs.Count];
        foreach (var skills in goingSkills)
            for (var i = 0; i < needs.Count; i++)
                if (filled[i] < needs[i].Count && HasSkill(skills, needs[i].Skill)) { filled[i]++; break; }
        return needs.Select((n, i) => (n, filled[i])).ToList();
    }

    public static bool IsFilled(IReadOnlyList<RollCallNeed> needs, IEnumerable<IReadOnlyList<string>> goingSkills) =>
        Fill(needs, goingSkills).All(f => f.Filled >= f.Need.Count);

    public static bool HasSkill(IReadOnlyList<string> skills, string skill) =>
        skill == RollCallNeed.Anyone || skills.Contains(skill, StringComparer.OrdinalIgnoreCase);
}
