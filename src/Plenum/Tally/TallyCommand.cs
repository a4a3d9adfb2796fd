using System.CommandLine;

namespace Plenum.Tally;

/// <summary>`plenum tally`: counts ballots from files with Plenum.Counting.</summary>
public static class TallyCommand
{
    public static Command Create()
    {
        var command = new Command("tally", "Count ballots from files (filled in by the counting issue).");
        command.SetAction(_ => 0);
        return command;
    }
}
