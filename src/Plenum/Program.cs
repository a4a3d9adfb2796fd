using Plenum.Cli;

var parse = PlenumCommandLine.Build().Parse(args);
if (parse.Errors.Count > 0)
{
    // One plain line, and exit 2 (bad input), rather than the whole help text.
    Console.Error.WriteLine($"plenum: {string.Join(' ', parse.Errors[0].Message.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries))} (see --help)");
    return 2;
}
return await parse.InvokeAsync();
