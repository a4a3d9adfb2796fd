using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Aid;

/// <summary>
/// A server whose anonymous aid pages are not rate limited in practice: every test client comes from
/// 127.0.0.1, one bucket, and a class of tests asks and follows more than a person would in a minute.
/// The limit itself is tested by <see cref="AidRateLimitTests"/>.
/// </summary>
public sealed class AidServerFixture : ServerFixture
{
    protected override Task<PlenumServer> StartServerAsync() => PlenumServer.StartAsync(options => options.AidRequestsPerMinute = 100_000);
}
