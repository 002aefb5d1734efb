using System.Diagnostics;
using System.Globalization;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// SIGTERM/SIGINT to a running <c>podconf run</c>: the adapter is disposed (its processes, pods, objects removed) and podconf
/// exits as a signalled program does (143/130). Run as a real process: signals cannot be sent to an in-process run.
/// </summary>
public sealed class InterruptionTests : IDisposable
{
    /// <summary>An adapter that starts a daemon in a session of its own, says hello, then hangs on its first case.</summary>
    private const string Hanger = """
        setsid sleep 600 &
        echo $! > "$1.daemon"
        read hello
        echo '{"type":"hello","protocol":"podconf.adapter/v1","name":"hanger","version":"0","capabilities":["quantity"],"kubernetesVersions":["1.37"]}'
        read line
        echo started > "$1.case"
        sleep 600
        """;

    private readonly string dir = Directory.CreateTempSubdirectory("podconf-interrupt-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task A_signal_disposes_the_adapter_and_exits_as_signalled(string signal, int exitCode)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/sh") || !File.Exists("/usr/bin/env"))
        {
            return; // POSIX signals, sh and GNU env
        }

        string script = Path.Combine(dir, "hanger.sh");
        File.WriteAllText(script, Hanger);
        string mark = Path.Combine(dir, "mark");
        string podconf = Path.Combine(AppContext.BaseDirectory, "podconf.dll");
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileName(host) == "dotnet" ? host : "dotnet";

        // A shell without job control starts background commands with SIGINT ignored, and children inherit that (CI runs
        // this suite so): GNU env resets both signals to their default before it execs podconf, as a terminal would have.
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in (string[])["--default-signal=INT,TERM", dotnet, podconf, "run", "--adapter", "process:/bin/sh " + script + " " + mark, "--rules", "P-QTY-*", "--count", "1"])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CI"] = "true";
        using var run = Process.Start(start)!;
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        try
        {
            // The event: the adapter has the first case (generous bound for a loaded machine).
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (!File.Exists(mark + ".case") && !run.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.True(File.Exists(mark + ".case"), "the adapter never got a case; stderr: " + (run.HasExited ? await stderr : "(running)"));
            int daemon = int.Parse(File.ReadAllText(mark + ".daemon").Trim(), CultureInfo.InvariantCulture);
            Assert.True(Running(daemon));

            using (var kill = Process.Start("kill", ["-" + signal, run.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            Assert.True(run.WaitForExit(TimeSpan.FromMinutes(3)), "podconf did not exit after SIG" + signal);
            Assert.Equal(exitCode, run.ExitCode);
            Assert.Contains("podconf: interrupted; removed what the run had created", await stderr, StringComparison.Ordinal);
            Assert.False(Running(daemon), "the adapter's daemon survived the interrupted run");
            _ = await stdout;
        }
        finally
        {
            if (!run.HasExited)
            {
                run.Kill(entireProcessTree: true);
            }
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            string stat = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
