using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Plenum.Privacy;

namespace Plenum.Data;

/// <summary>The embedded default. Its migrations are under Data/Migrations/Sqlite.</summary>
public sealed class SqlitePlenumDb(DbContextOptions<SqlitePlenumDb> options, FieldEncryption encryption)
    : PlenumDb(options, encryption)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        // SQLite cannot order or compare DateTimeOffset; UTC ticks keep both exact and sortable.
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets `dotnet ef` build the SQLite model without running the app.</summary>
public sealed class SqlitePlenumDbFactory : IDesignTimeDbContextFactory<SqlitePlenumDb>
{
    public SqlitePlenumDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqlitePlenumDb>().UseSqlite("Data Source=design.db").Options,
        new FieldEncryption(new byte[32]));
}
