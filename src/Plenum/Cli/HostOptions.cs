using System.CommandLine;
using Plenum.Infrastructure;

namespace Plenum.Cli;

/// <summary>The options every command that opens the database shares; they override appsettings.json and PLENUM_* variables.</summary>
public sealed class HostOptions
{
    public Option<string?> DataDir { get; } = new("--data-dir") { Description = "Folder for the SQLite database and key files (default ./data)." };
    public Option<DatabaseKind?> Database { get; } = new("--database") { Description = "sqlite (default) or postgres." };
    public Option<string?> Connection { get; } = new("--connection") { Description = "Database connection string (required for postgres)." };

    public void AddTo(Command command)
    {
        command.Options.Add(DataDir);
        command.Options.Add(Database);
        command.Options.Add(Connection);
    }

    /// <summary>appsettings.json, then PLENUM_* environment variables, then the command line.</summary>
    public PlenumOptions Resolve(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("PLENUM_")
            .Build();
        var options = configuration.Get<PlenumOptions>() ?? new PlenumOptions();
        if (parse.GetValue(DataDir) is { } dataDir) options.DataDir = dataDir;
        if (parse.GetValue(Database) is { } database) options.Database = database;
        if (parse.GetValue(Connection) is { } connection) options.ConnectionString = connection;
        return options;
    }
}
