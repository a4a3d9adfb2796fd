using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Plenum.Infrastructure;

namespace Plenum.Data;

public static class DatabaseSetup
{
    public static IServiceCollection AddPlenumDatabase(this IServiceCollection services, PlenumOptions options)
    {
        var connection = options.EffectiveConnectionString;
        // A list in a query ("these 10,000 people") goes as one array parameter, not one parameter per item (EF's
        // default): an alert to a whole network otherwise builds and binds statements with thousands of parameters.
        // The options are built once, not per request (EF's default): each build costs more than the context itself,
        // and thousands of live pages confirming an alert at once are thousands of requests.
        if (options.Database == DatabaseKind.Sqlite)
            services.AddDbContext<PlenumDb, SqlitePlenumDb>(db => db
                .UseSqlite(connection, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                .AddInterceptors(new SqlitePragmas()).UseFieldKeyCache(), optionsLifetime: ServiceLifetime.Singleton);
        else
            services.AddDbContext<PlenumDb, PostgresPlenumDb>(db => db
                .UseNpgsql(connection, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)).UseFieldKeyCache(),
                optionsLifetime: ServiceLifetime.Singleton);
        return services;
    }

    static DbContextOptionsBuilder UseFieldKeyCache(this DbContextOptionsBuilder builder) =>
        builder.ReplaceService<IModelCacheKeyFactory, ModelCacheKeyPerFieldKey>();

    /// <summary>Applies committed migrations; on SQLite also turns on write-ahead logging with full sync, so an acknowledged write survives a crash.</summary>
    public static async Task MigrateAsync(PlenumDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// On SQLite, moves the write-ahead log into the database file and empties it. Until the log is
    /// reused it still holds pages as they were before recent writes (a file before it was encrypted);
    /// secure_delete cannot reach those.
    /// </summary>
    public static async Task DropEarlierPageVersionsAsync(PlenumDb db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
    }
}
