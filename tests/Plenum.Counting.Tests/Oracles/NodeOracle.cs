using System.ComponentModel;
using System.Diagnostics;

namespace Plenum.Counting.Tests.Oracles;

/// <summary>
/// Runs the independent JavaScript implementations in tests/oracle with Node. A missing Node or
/// missing node_modules fails the test with how to fix it: an oracle test that quietly skipped
/// would look like agreement.
/// </summary>
public static class NodeOracle
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>PLENUM_ORACLE_DIR (set by ./test.sh), else tests/oracle of the repository holding this build.</summary>
    public static string Directory { get; } = FindDirectory();

    /// <summary>Runs <c>node script args</c> in the oracle folder with <paramref name="stdin"/> as input; returns stdout.</summary>
    public static string Run(string script, string stdin, params string[] args)
    {
        RequireInstalled();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(script);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var node = StartNode(start);
        // read both streams while writing, so a full pipe cannot block either side
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        node.StandardInput.Write(stdin);
        node.StandardInput.Close();
        if (!node.WaitForExit(Limit))
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"node {script} did not finish within {Limit.TotalSeconds} s");
        }
        if (node.ExitCode != 0)
            Assert.Fail($"node {script} exited with code {node.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"Node.js is needed for the oracle tests but 'node' could not be started ({e.Message}). "
                        + "Install Node.js (./test.sh installs it with npm), then run: cd tests/oracle && npm ci");
            throw; // not reached: Assert.Fail throws
        }
    }

    private static void RequireInstalled()
    {
        foreach (var package in new[] { "meeks-prf-js", "votes" })
        {
            if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", package)))
                Assert.Fail($"The oracle package '{package}' is not installed in {Directory}/node_modules. "
                            + $"Run: cd {Directory} && npm ci   (./test.sh does this)");
        }
    }

    private static string FindDirectory()
    {
        if (Environment.GetEnvironmentVariable("PLENUM_ORACLE_DIR") is { Length: > 0 } configured)
            return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Plenum.sln")))
                return Path.Combine(dir.FullName, "tests", "oracle");
        }
        // reported by RequireInstalled with the path it looked for, instead of failing every test class's setup
        return Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "tests", "oracle"));
    }
}
