using System.CommandLine;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

namespace Plenum.Cli;

public static class AdminCommand
{
    public static Command Create(HostOptions hostOptions)
    {
        var invite = new Command("invite", "Print a new one-time invite link that makes its user an instance administrator.");
        hostOptions.AddTo(invite);
        invite.SetAction(async (parse, cancellationToken) =>
        {
            var options = hostOptions.Resolve(parse);
            var app = PlenumApp.Build(options, [ServeCommand.DefaultUrl]);
            using var scope = app.Services.CreateScope();
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlenumDb>(), cancellationToken);
            var path = await FirstAdminInvite.CreateAsync(scope.ServiceProvider, cancellationToken);
            Console.WriteLine($"Admin invite (one use, valid 7 days): {(options.PublicUrl ?? ServeCommand.DefaultUrl).TrimEnd('/')}{path}");
            return 0;
        });
        var admin = new Command("admin", "Instance administration.");
        admin.Subcommands.Add(invite);
        return admin;
    }
}
