using System.CommandLine;
using Microsoft.Data.Sqlite;
using Plenum.Infrastructure;

namespace Plenum.Cli;

public static class BackupCommand
{
    public static Command Create(HostOptions hostOptions)
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the backup (must not exist yet)." };
        var command = new Command("backup", "Write a consistent copy of the SQLite database while Plenum keeps running.");
        command.Arguments.Add(file);
        hostOptions.AddTo(command);
        command.SetAction(parse =>
        {
            var options = hostOptions.Resolve(parse);
            var target = parse.GetValue(file)!;
            if (options.Database == DatabaseKind.Postgres)
            {
                Console.Error.WriteLine("For PostgreSQL use its own tool, e.g.: pg_dump --format=custom --file=plenum.dump <database>");
                Console.Error.WriteLine("Also back up the key folder (data/keys): without it encrypted fields cannot be read.");
                return 2;
            }
            if (target.Exists)
            {
                Console.Error.WriteLine($"{target.FullName} already exists; choose a new file.");
                return 2;
            }
            using var source = new SqliteConnection(options.EffectiveConnectionString + ";Mode=ReadOnly");
            source.Open();
            // SQLite's online backup copies a consistent snapshot even while the server writes.
            using var destination = new SqliteConnection($"Data Source={target.FullName}");
            source.BackupDatabase(destination);
            Console.WriteLine($"Backed up to {target.FullName}. Keep a copy of {options.KeysDir} too: without it encrypted fields cannot be read.");
            return 0;
        });
        return command;
    }
}
