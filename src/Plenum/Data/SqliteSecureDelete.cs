using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Plenum.Data;

/// <summary>
/// SQLite keeps deleted rows' bytes in free pages until they are reused; with secure_delete they are
/// zeroed at once, so a copied database file does not hold what was deleted (expired data, reshuffled ballots).
/// </summary>
public sealed class SqliteSecureDelete : DbConnectionInterceptor
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
        pragma.CommandText = "PRAGMA secure_delete=ON;";
        pragma.ExecuteNonQuery();
    }
}
