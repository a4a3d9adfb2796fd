using Npgsql;
using Plenum.Infrastructure;

namespace Plenum.Tests.Infrastructure;

/// <summary>
/// Which database the app tests run against: ./test.sh runs them once with PLENUM_TEST_DATABASE=sqlite
/// and once with postgres (PLENUM_TEST_POSTGRES names the server it started). Each server gets a fresh database.
/// </summary>
public static class TestDatabase
{
    public static DatabaseKind Kind =>
        Environment.GetEnvironmentVariable("PLENUM_TEST_DATABASE")?.ToLowerInvariant() == "postgres" ? DatabaseKind.Postgres : DatabaseKind.Sqlite;

    public static async Task<PlenumOptions> CreateAsync(string dataDir)
    {
        // Every test logs in from 127.0.0.1, so the per-client login limit is raised; lockout per account still applies.
        var options = new PlenumOptions { DataDir = dataDir, Database = Kind, LoginAttemptsPerMinute = 1000 };
        options.Mail.PickupDirectory = Path.Combine(dataDir, "..", "mail");
        if (Kind == DatabaseKind.Postgres)
        {
            var server = Environment.GetEnvironmentVariable("PLENUM_TEST_POSTGRES")
                ?? throw new InvalidOperationException("PLENUM_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");
            var name = "plenum_test_" + Guid.NewGuid().ToString("N")[..16];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
            // Test classes run side by side, each with its own server and pool, against one PostgreSQL
            // with 100 connections: small pools that wait rather than fail keep them all within it.
            options.ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 15, Timeout = 60 }.ConnectionString;
        }
        return options;
    }

    /// <summary>
    /// Drops a test server's PostgreSQL database once it has stopped. FORCE ends the idle connections its pool
    /// still holds: left open, they add up over the run until PostgreSQL refuses new clients.
    /// </summary>
    public static async Task DropAsync(PlenumOptions options)
    {
        if (options.Database != DatabaseKind.Postgres) return;
        var name = new NpgsqlConnectionStringBuilder(options.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("PLENUM_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
