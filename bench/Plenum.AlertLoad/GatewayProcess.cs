using System.Diagnostics;
using System.Net.Http.Json;

namespace Plenum.AlertLoad;

/// <summary>The stand-in gateway (<see cref="Gateway"/>) started as a process of its own, and its figures.</summary>
sealed class GatewayProcess : IDisposable
{
    readonly Process process;
    readonly HttpClient http;

    GatewayProcess(Process process, string url)
    {
        this.process = process;
        http = new HttpClient { BaseAddress = new Uri(new Uri(url).GetLeftPart(UriPartial.Authority)) };
    }

    /// <summary>Starts this program again in gateway mode and waits until it listens.</summary>
    public static async Task<GatewayProcess> StartAsync(string url, string secretFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(GatewayProcess).Assembly.Location);
        foreach (var arg in new[] { "gateway", url, secretFile }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        while (await process.StandardOutput.ReadLineAsync() is { } line && line != "ready") { }
        if (process.HasExited) throw new InvalidOperationException("The gateway did not start.");
        return new GatewayProcess(process, url);
    }

    public async Task<Gateway.Tally> TallyAsync() => (await http.GetFromJsonAsync<Gateway.Tally>("/_bench/tally"))!;
    public async Task<long[]> ArrivalsAsync() => (await http.GetFromJsonAsync<long[]>("/_bench/arrivals"))!;
    public Task ClearAsync() => http.PostAsync("/_bench/clear", null);

    public void Dispose()
    {
        process.Kill();
        process.WaitForExit();
        process.Dispose();
        http.Dispose();
    }
}
