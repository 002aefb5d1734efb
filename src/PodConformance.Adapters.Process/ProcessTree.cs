using System.Globalization;

namespace PodConformance.Adapters.Process;

/// <summary>
/// The descendants of a process, read from <c>/proc</c> on Linux. <see cref="System.Diagnostics.Process.Kill(bool)"/>
/// kills the tree of a live process, but once the adapter itself has exited its children are re-parented and
/// unreachable; a snapshot taken before asking it to exit lets podconf still find and stop them. Elsewhere
/// the snapshot is empty and only the live tree is killed.
/// </summary>
internal static class ProcessTree
{
    /// <summary>(pid, start time in clock ticks) of every descendant; the start time guards against pid reuse.</summary>
    public static IReadOnlyList<(int Pid, long StartTime)> Descendants(int root)
    {
        if (!OperatingSystem.IsLinux())
        {
            return [];
        }

        var children = new Dictionary<int, List<(int, long)>>();
        foreach (string dir in SafeEnumerate())
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid))
            {
                continue;
            }

            if (ReadStat(pid) is { } stat)
            {
                if (!children.TryGetValue(stat.Ppid, out var list))
                {
                    children[stat.Ppid] = list = [];
                }

                list.Add((pid, stat.StartTime));
            }
        }

        var result = new List<(int, long)>();
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            if (children.TryGetValue(queue.Dequeue(), out var list))
            {
                foreach (var child in list)
                {
                    result.Add(child);
                    queue.Enqueue(child.Item1);
                }
            }
        }

        return result;
    }

    /// <summary>Kills each still-running snapshot process that is still the same process (same start time).</summary>
    public static void KillSurvivors(IEnumerable<(int Pid, long StartTime)> snapshot)
    {
        foreach (var (pid, start) in snapshot)
        {
            if (ReadStat(pid) is { } stat && stat.StartTime == start && stat.State is not ('Z' or 'X'))
            {
                try
                {
                    using var p = System.Diagnostics.Process.GetProcessById(pid);
                    p.Kill(entireProcessTree: true);
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // Gone in the meantime, or not ours to kill: nothing more to do.
                }
            }
        }
    }

    /// <summary>True while the process exists and is not a zombie (a zombie holds no resources and runs nothing).</summary>
    public static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return ReadStat(pid) is { } stat && stat.State is not ('Z' or 'X');
        }

        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static IEnumerable<string> SafeEnumerate()
    {
        try
        {
            return Directory.GetDirectories("/proc");
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static (int Ppid, char State, long StartTime)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // pid (comm) state ppid ... ; comm may contain spaces and parentheses, so split after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 20
            || !int.TryParse(fields[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int ppid)
            || !long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long start))
        {
            return null;
        }

        return (ppid, fields[0].Length > 0 ? fields[0][0] : '?', start);
    }
}
