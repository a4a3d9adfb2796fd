using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Plenum.Infrastructure;

namespace Plenum.Tests.Infrastructure;

/// <summary>What a thief with only the database would see: the SQLite file's bytes, or every PostgreSQL table dumped as text.</summary>
public static class RawDatabase
{
    /// <summary>
    /// SQLite bytes are read as Latin-1, so text and stored files appear as they are; PostgreSQL shows a
    /// bytea column as hex, so search a file's content with <see cref="Hex"/> as well.
    /// </summary>
    public static async Task<string> TextAsync(PlenumServer server)
    {
        using var scope = server.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Plenum.Data.PlenumDb>();
        if (server.Options.Database == DatabaseKind.Sqlite)
        {
            var path = new SqliteConnectionStringBuilder(server.Options.EffectiveConnectionString).DataSource;
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(FULL);");
            var bytes = new List<byte>();
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer);
                bytes.AddRange(buffer.ToArray());
            }
            return Encoding.Latin1.GetString(bytes.ToArray());
        }
        var text = new StringBuilder();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var dump = connection.CreateCommand();
            dump.CommandText = $"SELECT t::text FROM \"{table}\" t";
            await using var reader = await dump.ExecuteReaderAsync();
            while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
        }
        return text.ToString();
    }

    /// <summary>How PostgreSQL prints these bytes inside a bytea value.</summary>
    public static string Hex(string text) => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(text));
}
