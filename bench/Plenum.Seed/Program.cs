using Microsoft.Extensions.DependencyInjection;
using Plenum.Data;
using Plenum.Infrastructure;
using Plenum.Seed;

// Seeds a data folder for the load benchmarks:
//   Plenum.Seed DATA_DIR MEMBERS DECISIONS [postgres CONNECTION]     for bench/decisions-load.sh
//   Plenum.Seed DATA_DIR meeting PARTICIPANTS [postgres CONNECTION]  for bench/meeting-load.sh
//   Plenum.Seed DATA_DIR aid NEEDS [postgres CONNECTION]             for bench/aid-board-load.sh
//   Plenum.Seed DATA_DIR alerts RESPONDERS [postgres CONNECTION]     for bench/alert-fanout.sh
//   Plenum.Seed DATA_DIR deliveries INCIDENT [postgres CONNECTION]   after it: the incident's deliveries by state
var dataDir = args[0];
var options = new PlenumOptions { DataDir = dataDir };
if (args.Length > 4) (options.Database, options.ConnectionString) = (DatabaseKind.Postgres, args[4]);

await using var app = PlenumApp.Build(options, ["http://127.0.0.1:0"]);
using var scope = app.Services.CreateScope();
await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlenumDb>());
Console.WriteLine(args[1] switch
{
    "meeting" => await MeetingSeed.RunAsync(scope.ServiceProvider, dataDir, int.Parse(args[2])),
    "alerts" => await AlertSeed.RunAsync(scope.ServiceProvider, dataDir, int.Parse(args[2])),
    "deliveries" => await AlertSeed.DeliveriesAsync(scope.ServiceProvider.GetRequiredService<PlenumDb>(), Guid.Parse(args[2])),
    "aid" => await AidSeed.RunAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<PlenumDb>(), int.Parse(args[2])),
    _ => await DecisionsSeed.RunAsync(scope.ServiceProvider, dataDir, int.Parse(args[1]), int.Parse(args[2])),
});
