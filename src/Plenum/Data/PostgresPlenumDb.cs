using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Plenum.Privacy;

namespace Plenum.Data;

/// <summary>For larger deployments. Its migrations are under Data/Migrations/Postgres.</summary>
public sealed class PostgresPlenumDb(DbContextOptions<PostgresPlenumDb> options, FieldEncryption encryption)
    : PlenumDb(options, encryption);

/// <summary>Lets `dotnet ef` build the PostgreSQL model without a server.</summary>
public sealed class PostgresPlenumDbFactory : IDesignTimeDbContextFactory<PostgresPlenumDb>
{
    public PostgresPlenumDb CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresPlenumDb>().UseNpgsql("Host=localhost").Options,
        new FieldEncryption(new byte[32]));
}
