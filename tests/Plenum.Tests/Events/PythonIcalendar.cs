using System.Diagnostics;
using System.Text.Json;

namespace Plenum.Tests.Events;

/// <summary>
/// A second, independent iCalendar reader: Python's icalendar library (Debian's python3-icalendar,
/// which ./test.sh installs), run on read_ics.py, which prints what it read as JSON.
/// </summary>
public static class PythonIcalendar
{
    /// <summary>Debian's own interpreter, where python3-icalendar installs; another python3 first on the PATH may lack it.</summary>
    static string Interpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static JsonElement Read(string ics)
    {
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Events", "read_ics.py"));
        using var process = Process.Start(start)!;
        process.StandardInput.Write(ics);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException("read_ics.py did not finish."); }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"Python's icalendar could not read the calendar (is python3-icalendar installed? ./test.sh installs it):\n{error.Result}");
        return JsonDocument.Parse(output.Result).RootElement.Clone();
    }

    public static JsonElement SingleEvent(JsonElement read) => Assert.Single(read.GetProperty("events").EnumerateArray().ToList());
}
