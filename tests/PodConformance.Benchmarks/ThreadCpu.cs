using System.Globalization;

namespace PodConformance.Benchmarks;

/// <summary>
/// CPU of a process's threads by name, from <c>/proc/PID/task/*/stat</c> (Linux only; elsewhere empty): which of the
/// runtime's threads (the main one, thread-pool workers, the tiered JIT's, the background GC's…) a probe row's CPU went
/// to. Clock ticks (usually 10 ms), so only rows summed over many cases say anything.
/// </summary>
internal sealed class ThreadCpu
{
    private readonly Dictionary<string, long> _byName = new(StringComparer.Ordinal);

    /// <summary>Ticks per thread id (with its name) now.</summary>
    public static Dictionary<int, (string Name, long Ticks)> Snapshot(int pid)
    {
        var result = new Dictionary<int, (string, long)>();
        string dir = "/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/task";
        if (!Directory.Exists(dir))
        {
            return result;
        }

        foreach (string task in Directory.EnumerateDirectories(dir))
        {
            try
            {
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                int open = stat.IndexOf('(', StringComparison.Ordinal);
                int close = stat.LastIndexOf(')');
                string name = stat[(open + 1)..close];
                string[] fields = stat[(close + 2)..].Split(' ');
                long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                result[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = (name, ticks);
            }
            catch (IOException)
            {
                // The thread ended meanwhile.
            }
        }

        return result;
    }

    /// <summary>Adds what each thread used between <paramref name="before"/> and <paramref name="after"/>, by name.</summary>
    public void Add(Dictionary<int, (string Name, long Ticks)> before, Dictionary<int, (string Name, long Ticks)> after)
    {
        foreach (var (tid, (name, ticks)) in after)
        {
            long used = ticks - (before.TryGetValue(tid, out var b) ? b.Ticks : 0);
            _byName[name] = _byName.GetValueOrDefault(name) + used;
        }
    }

    /// <summary>"name µs/case, …", largest first, for <paramref name="cases"/> cases.</summary>
    public string Describe(double cases)
    {
        double perTick = 1_000_000.0 / 100; // USER_HZ is 100 on Linux
        var parts = _byName.Where(p => p.Value > 0).OrderByDescending(p => p.Value)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value * perTick / cases:F0}"));
        return string.Join(", ", parts);
    }
}
