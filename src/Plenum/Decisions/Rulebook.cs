using System.Text.Json;

namespace Plenum.Decisions;

/// <summary>
/// One version of a group's rulebook. Versions are never edited: a change adds a new version, and
/// every decision records the version that governed it.
/// </summary>
public sealed class Rulebook
{
    public Guid Id { get; set; }
    public Guid GroupId { get; set; }
    public int Version { get; set; }
    public required string TemplateName { get; set; }
    public DateTimeOffset AdoptedAt { get; set; }
    public required string ClassesJson { get; set; }

    /// <summary>Read once per loaded version: a version never changes, and lists ask it for every decision.</summary>
    public IReadOnlyList<DecisionClass> Classes => _classes ??= JsonSerializer.Deserialize<List<DecisionClass>>(ClassesJson, Json) ?? [];
    IReadOnlyList<DecisionClass>? _classes;

    public DecisionClass? Class(string key) => Classes.FirstOrDefault(c => c.Key == key);

    public static string Serialize(IEnumerable<DecisionClass> classes) => JsonSerializer.Serialize(classes.ToList(), Json);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
