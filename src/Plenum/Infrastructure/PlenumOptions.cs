namespace Plenum.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// Instance settings, read from appsettings.json, PLENUM_* environment variables and command-line options.
/// </summary>
public sealed class PlenumOptions
{
    /// <summary>Folder for the SQLite database and the key files; created on first run.</summary>
    public string DataDir { get; set; } = "data";
    public DatabaseKind Database { get; set; } = DatabaseKind.Sqlite;
    /// <summary>Connection string; for SQLite defaults to DataDir/plenum.db.</summary>
    public string? ConnectionString { get; set; }
    /// <summary>The address people use to reach this instance, for links in invitations.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Login and two-factor attempts one client may make per minute, on top of per-account lockout.</summary>
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Calendar feed fetches one client may make per minute (apps poll every few minutes or hours).</summary>
    public int CalendarFeedFetchesPerMinute { get; set; } = 30;

    /// <summary>Requests one client may make per minute to the mutual aid pages open without an account (asking for help, following a request).</summary>
    public int AidRequestsPerMinute { get; set; } = 30;

    /// <summary>Requests one client may make per minute to the public alert report form, its follow page and API: few, so a flood cannot drown the verifiers.</summary>
    public int AlertReportsPerMinute { get; set; } = 5;

    /// <summary>How many hours before an event's date those who answered going or maybe are reminded.</summary>
    public int EventReminderHours { get; set; } = 24;

    public Mail.MailOptions Mail { get; set; } = new();
    public Discussions.AttachmentOptions Attachments { get; set; } = new();

    public string FullDataDir => Path.GetFullPath(DataDir);
    public string KeysDir => Path.Combine(FullDataDir, "keys");

    public string EffectiveConnectionString => ConnectionString is { Length: > 0 } given
        ? given
        : Database == DatabaseKind.Sqlite
            ? $"Data Source={Path.Combine(FullDataDir, "plenum.db")}"
            : throw new InvalidOperationException("PostgreSQL needs a connection string (--connection or PLENUM_CONNECTIONSTRING).");
}
