using System.Text;
using Plenum.Decisions;

namespace Plenum.Assemblies;

/// <summary>The minutes of a meeting: the note-taker's notes per item, with what was decided written in by Plenum.</summary>
public static class Minutes
{
    public static string Write(Meeting meeting, IReadOnlyDictionary<Guid, Decision> decisions, IEnumerable<string> present)
    {
        var names = present.ToList();
        var text = new StringBuilder($"Minutes of {meeting.Title}, {meeting.StartsAt:yyyy-MM-dd HH:mm} UTC.\n{(names.Count == 0 ? "Nobody checked in." : $"Present: {string.Join(", ", names)}.")}\n");
        foreach (var item in meeting.Items.OrderBy(i => i.Position))
        {
            text.Append($"\n{item.Position}. {item.Title}\n");
            if (item.Notes is { } notes) text.Append(notes).Append('\n');
            if (item.DecisionId is { } id && decisions.GetValueOrDefault(id) is { } decision)
                text.Append(decision.Status == DecisionStatus.Closed
                    ? $"Decided: \"{decision.Title}\" {DecisionText.Result(decision.Result)}. {decision.OutcomeExplanation?.Replace('\n', ' ')}\n"
                    : $"Vote on \"{decision.Title}\" still open until {decision.ClosesAt:yyyy-MM-dd HH:mm} UTC.\n");
        }
        return text.ToString();
    }
}
