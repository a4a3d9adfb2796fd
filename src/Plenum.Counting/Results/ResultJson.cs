using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Plenum.Counting.Results;

/// <summary>A count result as JSON: camelCase names, decimals as exact JSON numbers, no nulls.</summary>
public static class ResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Candidate names are data, not markup: keep them readable ("O'Brien", "Müller").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(CountResult result) => JsonSerializer.Serialize(result, Options);

    public static void Write(Stream output, CountResult result) => JsonSerializer.Serialize(output, result, Options);
}
