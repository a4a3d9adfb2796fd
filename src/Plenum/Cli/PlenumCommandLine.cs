using System.CommandLine;
using Plenum.Tally;

namespace Plenum.Cli;

/// <summary>The `plenum` command line: one executable serves the web app and runs admin tasks.</summary>
public static class PlenumCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Plenum: self-hosted tools for groups that organize without bosses.");
        root.Subcommands.Add(TallyCommand.Create());
        return root;
    }
}
