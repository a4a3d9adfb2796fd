using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Plenum.Data;

/// <summary>
/// Per-connection SQLite settings. secure_delete: deleted rows' bytes would stay in free pages until
/// reused; zeroed at once, a copied database file does not hold what was deleted (expired data,
/// reshuffled ballots). synchronous=FULL: a committed (acknowledged) write is on disk, even after power loss.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    static void Apply(DbConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA secure_delete=ON; PRAGMA synchronous=FULL;";
        pragma.ExecuteNonQuery();
    }
}
