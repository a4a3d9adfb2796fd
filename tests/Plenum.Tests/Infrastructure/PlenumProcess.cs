using System.Diagnostics;

namespace Plenum.Tests.Infrastructure;

/// <summary>Runs the real `plenum` executable as a person would, and collects what it printed.</summary>
public static class PlenumProcess
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "plenum.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new TimeoutException(string.Join(' ', args)); }
        return (process.ExitCode, output.Result, error.Result);
    }
}
