using System.CommandLine;
using System.Reflection;
using Plenum.Tally;

namespace Plenum.Cli;

/// <summary>The `plenum` command line: one executable serves the web app and runs admin tasks.</summary>
public static class PlenumCommandLine
{
    public static RootCommand Build()
    {
        var hostOptions = new HostOptions();
        var urls = ServeCommand.UrlsOption();
        var root = new RootCommand("Plenum: self-hosted tools for groups that organize without bosses.");
        // With no command, serve: `dotnet run --project src/Plenum` is all a newcomer types.
        root.Options.Add(urls);
        hostOptions.AddTo(root);
        root.SetAction((parse, cancellationToken) => ServeCommand.RunAsync(hostOptions.Resolve(parse), parse.GetValue(urls)!, cancellationToken));
        root.Subcommands.Add(ServeCommand.Create(new HostOptions(), ServeCommand.UrlsOption()));
        root.Subcommands.Add(AdminCommand.Create(new HostOptions()));
        root.Subcommands.Add(BackupCommand.Create(new HostOptions()));
        root.Subcommands.Add(VersionCommand());
        root.Subcommands.Add(TallyCommand.Create());
        root.Subcommands.Add(Roles.DrawCommand.Create());
        return root;
    }

    static Command VersionCommand()
    {
        var command = new Command("version", "Print Plenum's version.");
        command.SetAction(_ => Console.WriteLine(
            typeof(PlenumCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]));
        return command;
    }
}
