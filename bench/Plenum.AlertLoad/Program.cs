using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Plenum.AlertLoad;
using Plenum.MeetingLoad;

// One verified alert fanned out to every responder on call: half have the live alert page open, half are
// reached through the network's gateway (this program plays it too, in a process of its own on 127.0.0.1). The second verifier's
// confirmation is the moment t0; each responder's time is from t0 to their alert arriving.
// Usage: Plenum.AlertLoad BASE_URL GATEWAY_URL DATA_DIR SLUG GROUP INCIDENT
//        Plenum.AlertLoad gateway GATEWAY_URL SECRET_FILE   (the gateway alone; the first form starts it so)
if (args is ["gateway", var ownUrl, var ownSecretFile])
{
    await Gateway.RunAsync(ownUrl, await File.ReadAllTextAsync(ownSecretFile));
    return 0;
}
var server = new Uri(args[0]);
var gatewayUrl = args[1];
var dataDir = args[2];
var (slug, groupId, incidentId) = (args[3], Guid.Parse(args[4]), Guid.Parse(args[5]));
var verifiers = await File.ReadAllLinesAsync(Path.Combine(dataDir, "verifiers.txt"));
var live = (await File.ReadAllLinesAsync(Path.Combine(dataDir, "live.tsv"))).Select(line => line.Split('\t')[1]).ToArray();
var secretFile = Path.Combine(dataDir, "gateway-secret.txt");
var secret = await File.ReadAllTextAsync(secretFile);
var webhookPeople = int.Parse((await File.ReadAllTextAsync(Path.Combine(dataDir, "gateway-people.txt"))).Trim());
var patience = TimeSpan.FromSeconds(90);
ThreadPool.SetMinThreads(200, 200); // this client must not be what is slow to notice an alert
using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { Timeout = patience };
static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

using var gateway = await GatewayProcess.StartAsync(gatewayUrl, secretFile);

// Baselines, same run, before any load: the server's cheapest answer, and this client alone sending as
// many signed gateway messages as the fan-out does, 64 at once like the server, to its own gateway.
var health = new List<double>();
for (var i = 0; i < 220; i++)
{
    var start = Stopwatch.GetTimestamp();
    using var response = await http.GetAsync(new Uri(server, "/healthz"));
    response.EnsureSuccessStatusCode();
    if (i >= 20) health.Add(Ms(start, Stopwatch.GetTimestamp()));
}
var healthz = new Percentiles(health);
Console.WriteLine($"baseline GET /healthz: {healthz}");
var rawStart = Stopwatch.GetTimestamp();
await Parallel.ForEachAsync(Enumerable.Range(0, live.Length + webhookPeople), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, token) =>
{
    var body = Encoding.UTF8.GetBytes($$"""{"kind":"Alert","text":"A raw gateway message, signed as Plenum signs them","recipients":[{"to":"baseline-{{i}}"}]}""");
    var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();
    using var request = new HttpRequestMessage(HttpMethod.Post, gatewayUrl) { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    request.Headers.Add("X-Plenum-Timestamp", timestamp);
    request.Headers.Add("X-Plenum-Signature", "sha256=" + Gateway.Sign(secret, timestamp, body));
    using var response = await http.SendAsync(request, token);
    response.EnsureSuccessStatusCode();
});
var raw = Ms(rawStart, Stopwatch.GetTimestamp());
await gateway.ClearAsync();
Console.WriteLine($"baseline: {live.Length + webhookPeople:N0} signed gateway POSTs from this client, 64 at once: {raw:F0} ms");

var screens = live.Select(cookie => new LiveScreen(server, cookie, groupId)).ToArray();
var opening = Stopwatch.StartNew();
// The server drops a page silent for 30 s: the pages opened first ping while the others open, and all of them once
// more when they are, which carries them past the fan-out (a ping round during it would only add to the load).
using (var opened = new CancellationTokenSource())
{
    var pinging = Task.Run(async () =>
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), opened.Token);
                foreach (var screen in screens) await screen.PingAsync();
            }
        }
        catch (OperationCanceledException) { }
    });
    await Parallel.ForEachAsync(screens, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (screen, token) => await screen.OpenAsync(token));
    opened.Cancel();
    await pinging;
    foreach (var screen in screens) await screen.PingAsync();
}
Console.WriteLine($"{screens.Length:N0} live pages listening in {opening.Elapsed.TotalSeconds:F1} s");
await Task.Delay(TimeSpan.FromSeconds(5)); // the server's sweep sends the verifiers' notice of the report; let it pass

async Task<double> VerifyAsync(string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, $"/api/v1/groups/{slug}/alerts/incidents/{incidentId}/verifications"))
    {
        Content = new StringContent("""{"confirms":true,"method":"CalledReporter"}""", Encoding.UTF8, "application/json"),
    };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var start = Stopwatch.GetTimestamp();
    using var response = await http.SendAsync(request);
    var end = Stopwatch.GetTimestamp();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"The verification was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    return Ms(start, end);
}
await VerifyAsync(verifiers[1]);
var t0 = Stopwatch.GetTimestamp();
var acknowledged = await VerifyAsync(verifiers[0]);
var everyone = screens.Length + webhookPeople;
var waiting = Stopwatch.StartNew();
async Task<int> ArrivedAsync() => screens.Count(s => s.ArrivedAt != 0) + (await gateway.TallyAsync()).Arrived;
while (await ArrivedAsync() < everyone && waiting.Elapsed < patience) await Task.Delay(10);
var settling = Stopwatch.StartNew(); // the live pages' receipts, sent as each alert showed
while (screens.Sum(s => s.Confirmed) < screens.Count(s => s.ArrivedAt != 0) && settling.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);

var liveTimes = new Percentiles(screens.Where(s => s.ArrivedAt != 0).Select(s => Ms(t0, s.ArrivedAt)));
var webhookTimes = new Percentiles((await gateway.ArrivalsAsync()).Select(at => Ms(t0, at)));
var tally = await gateway.TallyAsync();
var all = new Percentiles(liveTimes.Values.Concat(webhookTimes.Values));
var perSecond = all.Count / (all.Max / 1000);
Console.WriteLine($"second verification acknowledged by the API in {acknowledged:F0} ms");
Console.WriteLine($"live pages: {liveTimes}; receipts confirmed {screens.Sum(s => s.Confirmed):N0}; repeated {screens.Sum(s => s.Repeated)}");
Console.WriteLine($"gateway:    {webhookTimes}; forged {tally.Forged}; repeated {tally.Repeated}");
Console.WriteLine($"everyone:   {all}; {all.Count:N0} of {everyone:N0} arrived; {perSecond:F0} deliveries/s");
await Parallel.ForEachAsync(screens, async (screen, _) => await screen.CloseAsync());
Console.WriteLine($"| {everyone:N0} ({screens.Length:N0} live, {webhookPeople:N0} gateway) | {all.Count:N0} | {all.P50:F0} ms | {all.P95:F0} ms | {all.Max:F0} ms "
    + $"| {perSecond:N0} | {acknowledged:F0} ms | {healthz.P95:F1} ms ({all.P95 / healthz.P95:F1} ×) | {raw:F0} ms ({all.Max / raw:F2} ×) |");
return all.Count == everyone && tally.Forged == 0 ? 0 : 1;

