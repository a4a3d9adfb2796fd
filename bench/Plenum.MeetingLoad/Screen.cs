using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;

namespace Plenum.MeetingLoad;

/// <summary>
/// One participant's phone on the meeting page, doing what wwwroot/js/live-meeting.js does: a hub
/// connection signed in by the browser's cookie, Watch(meeting), and on each change a fetch of the
/// page (one in flight and at most one more after it), from which it reads the vote count shown; a
/// message that carries the count itself is shown in place.
/// </summary>
sealed partial class Screen(HttpClient http, Uri server, string cookie, string slug, Guid meetingId, int votes)
{
    /// <summary>When this screen first showed at least k votes, per k (0: not yet).</summary>
    public long[] ShownAt { get; } = new long[votes + 1];
    /// <summary>When each live message arrived.</summary>
    public List<long> Messages { get; } = [];
    public int Shown { get; private set; } = -1;
    public int FailedFetches { get; private set; }
    public bool Busy { get { lock (gate) return fetching; } }
    readonly Lock gate = new();
    bool fetching, fetchAgain;
    HubConnection? connection;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/meetings"), options => options.Cookies.Add(new Cookie("plenum", cookie, "/", server.Host)))
            .Build();
        connection.On<Guid>("MeetingChanged", id =>
        {
            Arrived();
            if (id == meetingId) Changed();
        });
        connection.On<Guid, Guid, int>("VotersChanged", (id, _, voters) =>
        {
            Arrived();
            if (id != meetingId) return;
            Show(voters);
            lock (gate) if (fetching) fetchAgain = true;
        });
        await connection.StartAsync(cancellationToken);
        await connection.InvokeAsync("Watch", meetingId, cancellationToken);
        Changed(); // anything that happened between drawing the page and listening
    }

    public ValueTask CloseAsync() => connection?.DisposeAsync() ?? ValueTask.CompletedTask;

    void Arrived()
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate) Messages.Add(now);
    }

    void Changed()
    {
        lock (gate)
        {
            if (fetching) { fetchAgain = true; return; }
            fetching = true;
        }
        _ = RefreshUntilCurrentAsync();
    }

    async Task RefreshUntilCurrentAsync()
    {
        while (true)
        {
            try { await RefreshAsync(); }
            catch (Exception) { FailedFetches++; }
            lock (gate)
            {
                if (!fetchAgain) { fetching = false; return; }
                fetchAgain = false;
            }
        }
    }

    async Task RefreshAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, $"/groups/{slug}/meetings/{meetingId}"));
        request.Headers.Add("Cookie", $"plenum={cookie}");
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode) { FailedFetches++; return; }
        var count = VotersShown().Match(await response.Content.ReadAsStringAsync());
        if (count.Success) Show(int.Parse(count.Groups[1].Value));
        else FailedFetches++;
    }

    void Show(int voters)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            for (var k = Math.Max(Shown + 1, 1); k <= Math.Min(voters, votes); k++) ShownAt[k] = now;
            Shown = Math.Max(Shown, voters);
        }
    }

    [GeneratedRegex("data-testid=\"meeting-voters\"[^>]*>(\\d+) voted")]
    private static partial Regex VotersShown();
}
