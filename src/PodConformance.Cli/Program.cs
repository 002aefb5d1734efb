namespace PodConformance.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        bool ci = CliConsole.IsCiValue(Environment.GetEnvironmentVariable("CI"));
        return Podconf.Run(args, new CliConsole(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected)
        {
            Ci = ci,
            Status = !ci && !Console.IsErrorRedirected ? Console.Error : null,
        });
    }
}
