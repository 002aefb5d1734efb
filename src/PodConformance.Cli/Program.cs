namespace PodConformance.Cli;

public static class Program
{
    public static int Main(string[] args) =>
        Podconf.Run(args, new CliConsole(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected));
}
