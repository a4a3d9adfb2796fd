namespace Plenum.Counting;

/// <summary>Input that cannot be counted: carries where and why, never a partial result.</summary>
public sealed class CountingException(string message, string? file = null, int? line = null) : Exception(message)
{
    public string? File { get; } = file;
    public int? Line { get; } = line;

    public string Describe() => (File, Line) switch
    {
        (not null, not null) => $"{File}:{Line}: {Message}",
        (not null, null) => $"{File}: {Message}",
        _ => Message,
    };
}
