using System.CommandLine;
using Plenum.Counting;
using Plenum.Counting.Lots;

namespace Plenum.Roles;

/// <summary>`plenum draw`: redoes a published draw by lot from its seed and volunteers, so anyone can check it.</summary>
public static class DrawCommand
{
    public static Command Create()
    {
        var seed = new Option<string>("--seed") { Description = "The seed Plenum published after the draw (16 hex digits).", Required = true };
        var count = new Option<int>("--count") { Description = "How many people the draw selected.", Required = true };
        var file = new Argument<FileInfo>("volunteers") { Description = "The published volunteers, one name per line." };
        var command = new Command("draw", "Check a draw by lot: prints the seed's commitment and the people selected.");
        command.Options.Add(seed);
        command.Options.Add(count);
        command.Arguments.Add(file);
        command.SetAction(parse =>
        {
            var volunteers = parse.GetValue(file)!;
            if (!volunteers.Exists)
            {
                Console.Error.WriteLine($"{volunteers.Name}: no such file");
                return 2;
            }
            try
            {
                var value = Sortition.Parse(parse.GetValue(seed) ?? "");
                var selected = Sortition.Draw(File.ReadAllLines(volunteers.FullName), parse.GetValue(count), value);
                Console.WriteLine($"commitment: {Sortition.Commitment(value)}");
                foreach (var person in selected) Console.WriteLine(person);
                return 0;
            }
            catch (CountingException refusal)
            {
                Console.Error.WriteLine($"{volunteers.Name}: {refusal.Message}");
                return 2;
            }
        });
        return command;
    }
}
