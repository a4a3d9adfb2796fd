using System.CommandLine;
using Plenum.Accounts;
using Plenum.Data;
using Plenum.Infrastructure;

namespace Plenum.Cli;

public static class ServeCommand
{
    public const string DefaultUrl = "http://localhost:5000";

    public static Option<string> UrlsOption() => new("--urls") { Description = "Addresses to listen on, separated by ';'.", DefaultValueFactory = _ => DefaultUrl };

    public static Command Create(HostOptions hostOptions, Option<string> urls)
    {
        var command = new Command("serve", "Run the web app (the default when no command is given).");
        command.Options.Add(urls);
        hostOptions.AddTo(command);
        command.SetAction((parse, cancellationToken) => RunAsync(hostOptions.Resolve(parse), parse.GetValue(urls)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(PlenumOptions options, string urls, CancellationToken cancellationToken)
    {
        var listen = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var app = PlenumApp.Build(options, listen);
        string? invitePath;
        using (var scope = app.Services.CreateScope())
        {
            await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlenumDb>(), cancellationToken);
            invitePath = await FirstAdminInvite.CreateIfNoAccountsAsync(scope.ServiceProvider, cancellationToken);
        }
        await app.StartAsync(cancellationToken);
        var baseUrl = (options.PublicUrl ?? listen[0]).TrimEnd('/');
        Console.WriteLine($"Plenum is running at {baseUrl}");
        if (invitePath is not null)
            Console.WriteLine($"First-admin invite (one use, valid 7 days): {baseUrl}{invitePath}");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
