using Microsoft.Data.Sqlite;
using Plenum.Tests.Infrastructure;

namespace Plenum.Tests.Cli;

/// <summary>Runs the real `plenum` executable as a person would.</summary>
public sealed class CommandLineTests
{
    static (int Exit, string Out, string Err) Run(params string[] args) => PlenumProcess.Run(args);

    [Fact]
    public void Version_prints_the_version()
    {
        var (exit, output, _) = Run("version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+\s*$", output);
    }

    [Fact]
    public void Admin_invite_and_backup_work_on_a_fresh_sqlite_data_folder()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "plenum-cli-" + Guid.NewGuid().ToString("N"));
        var invite = Run("admin", "invite", "--data-dir", dataDir);
        Assert.Equal(0, invite.Exit);
        Assert.Matches(@"http://localhost:5000/invite/[A-Za-z0-9_-]{20,}", invite.Out);

        var noAccount = Run("admin", "reset-link", "nobody-here", "--data-dir", dataDir);
        Assert.Equal(2, noAccount.Exit);
        Assert.Contains("No account has that pseudonym", noAccount.Err);

        var backupFile = Path.Combine(dataDir, "backup.db");
        var backup = Run("backup", backupFile, "--data-dir", dataDir);
        Assert.Equal(0, backup.Exit);
        using var connection = new SqliteConnection($"Data Source={backupFile};Mode=ReadOnly");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Invitations";
        Assert.Equal(1L, count.ExecuteScalar());

        var again = Run("backup", backupFile, "--data-dir", dataDir);
        Assert.Equal(2, again.Exit);
        Assert.Contains("already exists", again.Err);
        Assert.DoesNotContain("   at ", again.Err);
    }
}
