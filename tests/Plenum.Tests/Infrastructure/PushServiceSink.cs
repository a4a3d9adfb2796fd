using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Plenum.Notifications.Push;

namespace Plenum.Tests.Infrastructure;

/// <summary>
/// A stand-in push service on 127.0.0.1, over HTTPS with a certificate of its own (real push services
/// are HTTPS only, and so is Plenum). It keeps every message; paths under /gone/ answer 410 Gone, as a
/// push service does for a browser that unsubscribed. <see cref="Trust"/> lets the app's push client accept it.
/// </summary>
public sealed class PushServiceSink : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly X509Certificate2 _certificate;
    readonly List<Message> _received = [];

    public sealed record Message(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);
    public Uri BaseAddress { get; }

    PushServiceSink(WebApplication app, X509Certificate2 certificate, Uri baseAddress) => (_app, _certificate, BaseAddress) = (app, certificate, baseAddress);

    public static async Task<PushServiceSink> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        PushServiceSink? sink = null;
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            lock (sink!._received) sink._received.Add(new Message(request.Path, headers, body.ToArray()));
            return request.Path.StartsWithSegments("/gone") ? Results.StatusCode(StatusCodes.Status410Gone) : Results.Created();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return sink = new PushServiceSink(app, certificate, new Uri(address));
    }

    /// <summary>An endpoint for one pretend browser.</summary>
    public string Endpoint(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>The messages received for one endpoint so far, in order of arrival.</summary>
    public IReadOnlyList<Message> To(string path)
    {
        lock (_received) return [.. _received.Where(m => m.Path == path)];
    }

    /// <summary>Waits until an endpoint has received at least <paramref name="count"/> messages (delivery runs in the background).</summary>
    public async Task<IReadOnlyList<Message>> WaitForAsync(string path, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (To(path) is var received && received.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{path} received {received.Count} push messages, not {count}.");
            await Task.Delay(50);
        }
        return To(path);
    }

    /// <summary>Makes the app's push client accept this sink's certificate, and only it.</summary>
    public void Trust(IServiceCollection services) =>
        services.AddHttpClient(PushSender.ClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == _certificate.GetCertHashString() },
        });

    static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
