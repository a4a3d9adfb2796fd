using Microsoft.EntityFrameworkCore;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Discussions;

/// <summary>
/// A server with small attachment limits (so refusals and the request cap are reached with small
/// files) that also logs every SQL command, so tests can see what a page asked of the database.
/// </summary>
public sealed class AttachmentServerFixture : ServerFixture
{
    public const long MaxFileBytes = 64 * 1024;

    protected override Task<PlenumServer> StartServerAsync() => PlenumServer.StartAsync(
        options => options.Attachments.MaxFileBytes = MaxFileBytes,
        builder => builder.Logging.AddFilter<CapturedLogs>(DbLoggerCategory.Database.Command.Name, LogLevel.Information));
}
