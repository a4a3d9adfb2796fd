using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Plenum.MeetingLoad;

// One meeting, every participant's phone on its page: votes are cast one by one through the API, and
// for each the time is taken from sending the vote to every screen showing the new count.
// Usage: Plenum.MeetingLoad BASE_URL PARTICIPANTS_TSV SLUG MEETING DECISION VOTES [VOTES_PER_SECOND]
//   VOTES_PER_SECOND 0 (the default): each vote waits until every screen shows the one before.
var server = new Uri(args[0]);
var participants = (await File.ReadAllLinesAsync(args[1])).Select(line => line.Split('\t')).ToArray();
var (slug, meetingId, decisionId, votes) = (args[2], Guid.Parse(args[3]), Guid.Parse(args[4]), int.Parse(args[5]));
var rate = args.Length > 6 ? double.Parse(args[6]) : 0;
if (votes >= participants.Length) throw new ArgumentException("Each vote is cast by a different member (not the facilitator): fewer votes than participants.");
var patience = TimeSpan.FromMinutes(10); // before live votes carried their count, a vote in a hall of 500 took minutes to reach every screen here
ThreadPool.SetMinThreads(200, 200); // this client must not be what is slow to notice an update
using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = patience };
static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

// Baseline, same run, before any load: the server's cheapest answer, and one meeting page alone.
async Task<Percentiles> TimeAsync(int times, Func<HttpRequestMessage> request)
{
    var durations = new List<double>();
    for (var i = 0; i < times + 20; i++)
    {
        using var message = request();
        var start = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(message);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        if (i >= 20) durations.Add(Ms(start, Stopwatch.GetTimestamp()));
    }
    return new Percentiles(durations);
}
var health = await TimeAsync(200, () => new HttpRequestMessage(HttpMethod.Get, new Uri(server, "/healthz")));
var onePage = await TimeAsync(50, () =>
{
    var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, $"/groups/{slug}/meetings/{meetingId}"));
    request.Headers.Add("Cookie", $"plenum={participants[0][0]}");
    return request;
});
Console.WriteLine($"baseline GET /healthz: {health}");
Console.WriteLine($"one meeting page alone: {onePage}");

var screens = participants.Select(p => new Screen(http, server, p[0], slug, meetingId, votes)).ToArray();
var opening = Stopwatch.StartNew();
await Parallel.ForEachAsync(screens, new ParallelOptions { MaxDegreeOfParallelism = 25 }, async (screen, token) => await screen.OpenAsync(token));
async Task<bool> UntilAsync(Func<bool> done, TimeSpan within)
{
    var deadline = Stopwatch.StartNew();
    while (!done()) { if (deadline.Elapsed > within) return false; await Task.Delay(2); }
    return true;
}
if (!await UntilAsync(() => screens.All(s => s.Shown == 0 && !s.Busy) || screens.Any(s => s.FailedFetches > 0), patience) || screens.Any(s => s.Shown != 0))
    throw new InvalidOperationException($"Not every screen showed the meeting with 0 votes: {screens.Count(s => s.Shown != 0)} did not; failed fetches {screens.Sum(s => s.FailedFetches)}.");
Console.WriteLine($"{screens.Length} screens listening and drawn in {opening.Elapsed.TotalSeconds:F1} s");

var sent = new long[votes + 1];
var acknowledged = new List<double>();
var refused = 0;
var pending = new List<Task>();
var pace = Stopwatch.StartNew();
for (var k = 1; k <= votes; k++)
{
    if (rate > 0) { var due = TimeSpan.FromSeconds((k - 1) / rate); if (due > pace.Elapsed) await Task.Delay(due - pace.Elapsed); }
    var voter = participants[k][1];
    var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"/api/v1/groups/{slug}/decisions/{decisionId}/votes"))
    {
        Content = new StringContent("{\"position\":\"agree\"}", Encoding.UTF8, "application/json"),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", voter);
    sent[k] = Stopwatch.GetTimestamp();
    var cast = CastAsync(request, sent[k]);
    if (rate > 0) { pending.Add(cast); continue; }
    await cast;
    var vote = k;
    if (!await UntilAsync(() => screens.All(s => s.ShownAt[vote] != 0), patience)) Console.WriteLine($"vote {k}: not every screen showed it within {patience.TotalMinutes} min");
}
await Task.WhenAll(pending);
await UntilAsync(() => screens.All(s => s.ShownAt[votes] != 0), patience);

async Task CastAsync(HttpRequestMessage request, long start)
{
    using (request)
    using (var response = await http.SendAsync(request))
    {
        var end = Stopwatch.GetTimestamp();
        lock (acknowledged) { if (response.IsSuccessStatusCode) acknowledged.Add(Ms(start, end)); else refused++; }
    }
}

var allScreens = new List<double>();
var missing = 0;
for (var k = 1; k <= votes; k++)
{
    if (screens.Any(s => s.ShownAt[k] == 0)) { missing++; continue; }
    allScreens.Add(Ms(sent[k], screens.Max(s => s.ShownAt[k])));
}
var everyScreen = new Percentiles(screens.SelectMany(s => Enumerable.Range(1, votes).Where(k => s.ShownAt[k] != 0).Select(k => Ms(sent[k], s.ShownAt[k]))));
// The first live message a connection received after each vote was sent (exact when votes go one at a time).
var delivery = new Percentiles(screens.SelectMany(s => Enumerable.Range(1, votes)
    .Select(k => s.Messages.FirstOrDefault(m => m >= sent[k])).Zip(Enumerable.Range(1, votes)).Where(p => p.First != 0).Select(p => Ms(sent[p.Second], p.First))));
var all = new Percentiles(allScreens);
var ack = new Percentiles(acknowledged);
var mode = rate > 0 ? $"{rate} votes/s" : "one at a time";
Console.WriteLine($"votes cast: {votes} ({mode}), refused {refused}; vote acknowledged: {ack}");
Console.WriteLine($"vote -> all {screens.Length} screens show the new count: {all}; votes some screen never showed: {missing}");
Console.WriteLine($"vote -> one screen shows it (each screen, each vote): {everyScreen}");
Console.WriteLine($"vote -> live message received (each connection, each vote): {delivery}");
Console.WriteLine($"failed page fetches: {screens.Sum(s => s.FailedFetches)}");
await Parallel.ForEachAsync(screens, async (screen, _) => await screen.CloseAsync());
Console.WriteLine($"| {screens.Length} screens, {votes} votes {mode} | {all.P50:F0} ms | {all.P95:F0} ms ({all.P95 / health.P95:F0} × /healthz's {health.P95:F2} ms) | {all.Max:F0} ms "
    + $"| {everyScreen.P95:F0} ms | {delivery.P95:F0} ms | {ack.P95:F0} ms | {onePage.P95:F1} ms |");
return missing == 0 && refused == 0 ? 0 : 1;
