using Plenum.Cli;

return await PlenumCommandLine.Build().Parse(args).InvokeAsync();
