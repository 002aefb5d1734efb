using System.Globalization;
using System.Text;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Podman;

/// <summary>
/// A container's scripted runs (spec/scenario.md) as one busybox <c>sh -c</c> command. podman reruns the same
/// command on every restart, and the container's root filesystem survives restarts, so a counter file in it
/// selects run n. Memory is allocated by <c>head -c N /dev/zero | tail</c> (busybox tail keeps a line without
/// newline whole in memory); above the cgroup limit the kernel kills tail and the shell exits with its 137.
/// CPU use is not reproduced (it only throttles, and would load the shared machine): such runs just sleep.
/// </summary>
public static class ContainerShell
{
    /// <summary>The file counting starts of the container, kept in its own writable layer.</summary>
    public const string CounterFile = "/.podconf-runs";

    public static string For(ContainerScript script, PodmanOptions options)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        if (script.Runs.Count <= 1)
        {
            return Run(script.RunAt(0), options);
        }

        var sb = new StringBuilder();
        sb.Append("n=$(cat ").Append(CounterFile).Append(" 2>/dev/null || echo 0); echo $((n+1)) > ").Append(CounterFile).Append("; case $n in ");
        for (int i = 0; i < script.Runs.Count; i++)
        {
            sb.Append(i == script.Runs.Count - 1 ? "*" : i.ToString(CultureInfo.InvariantCulture)).Append(") ").Append(Run(script.Runs[i], options)).Append(";; ");
        }

        return sb.Append("esac").ToString();
    }

    /// <summary>One run: wait, maybe allocate, then exit with its code or sleep for a day (runs forever).</summary>
    public static string Run(ContainerRun run, PodmanOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var parts = new List<string>();
        var wait = options.ToReal(run.After);
        if (wait > TimeSpan.Zero)
        {
            parts.Add("sleep " + wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        }

        if (run.AllocateMemory is { } memory && memory.Sign > 0)
        {
            parts.Add("head -c " + memory.Value().ToString(CultureInfo.InvariantCulture) + " /dev/zero | tail >/dev/null || exit $?");
        }

        parts.Add(run.ExitCode is { } code ? "exit " + code.ToString(CultureInfo.InvariantCulture) : "exec sleep 1d");
        return string.Join("; ", parts);
    }
}
