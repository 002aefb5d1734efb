using System.Text;
using PodConformance.Adapters.KubernetesClient.Worker;

// The worker: `ready` once warm, then one answer line per request line (an escaped input). It exits at the end of
// stdin, and on its own when the process that started it is gone (argument: its pid), so a worker is never left
// running after a crashed parent.
if (args.Length == 1 && int.TryParse(args[0], out int parent))
{
    var watchdog = new Thread(() =>
    {
        while (true)
        {
            Thread.Sleep(1000);
            if (!ParentAlive(parent))
            {
                Environment.Exit(3);
            }
        }
    })
    {
        IsBackground = true,
        Name = "parent watchdog",
    };
    watchdog.Start();
}

var utf8 = new UTF8Encoding(false);
using var input = new StreamReader(Console.OpenStandardInput(), utf8);
using var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n", AutoFlush = false };

// Load and JIT every path before the first timed call, including the first throw of each exception type
// (resource lookup and stack trace cost ~100 ms of CPU once).
foreach (string warm in (string[])["1.5Gi", "1e3", "x", "1KB", "1ee3", "1000E", "1e2147483648", "1e-2147483648", "-1"])
{
    _ = LibraryAnswer.Of(warm);
}

output.WriteLine("ready");
output.Flush();
while (input.ReadLine() is { } line)
{
    string? text = LineCodec.Unescape(line);
    output.WriteLine(text is null ? "bad request" : LibraryAnswer.Of(text).ToLine());
    output.Flush();
}

return 0;

static bool ParentAlive(int pid)
{
    try
    {
        using var p = System.Diagnostics.Process.GetProcessById(pid);
        return !p.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
    catch (InvalidOperationException)
    {
        return false;
    }
}
