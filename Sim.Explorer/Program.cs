using Sim.Explorer.Cli;

var interactive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
return SimCli.Run(args, new CliContext(Console.Out, Console.Error, interactive));
