using System.Globalization;
using System.Text;

namespace PodConformance.Adapters.Process;

/// <summary>
/// Every process an adapter started, however it started it (PROTO-040). The adapter runs in a session and process
/// group of its own (started through <c>setsid</c>), and its environment carries <see cref="Variable"/> set to a value
/// unique to this start, which every descendant inherits. On Linux the family is found in <c>/proc</c>: every live
/// process in the adapter's session, or whose environment holds the token. That also finds children that outlived a
/// crashed adapter (re-parented, out of reach of a process-tree walk) and daemons that double-forked and even started
/// a session of their own. Elsewhere only the live tree of the adapter is reachable.
/// </summary>
internal sealed class ProcessFamily
{
    /// <summary>The environment variable that marks an adapter's processes; its value is unique per start.</summary>
    public const string Variable = "PODCONF_ADAPTER_INSTANCE";

    private const int MaxRounds = 50;

    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];

    private readonly byte[] _marker;
    private int _leader;
    private long _leaderStart = -1;

    public ProcessFamily()
    {
        Token = Guid.NewGuid().ToString("N");
        _marker = Encoding.ASCII.GetBytes(Variable + "=" + Token + "\0");
    }

    public string Token { get; }

    /// <summary>Whether the adapter was started in a session of its own (Linux with util-linux' setsid).</summary>
    public bool OwnSession { get; private set; }

    /// <summary>The setsid program, when this system has one (Linux).</summary>
    public static string? Setsid { get; } = OperatingSystem.IsLinux() ? SetsidCandidates.FirstOrDefault(File.Exists) : null;

    /// <summary>Records the adapter's process, started through <see cref="Setsid"/> (its pid leads the session) or not.</summary>
    public void Started(int pid, bool ownSession)
    {
        _leader = pid;
        OwnSession = ownSession;
        _leaderStart = ReadStat(pid)?.StartTime ?? -1;
    }

    /// <summary>The live members now (zombies excluded: they run nothing and hold nothing but a pid).</summary>
    public IReadOnlyList<int> Members()
    {
        var members = new List<int>();
        if (!OperatingSystem.IsLinux())
        {
            return members;
        }

        int self = Environment.ProcessId;
        foreach (string dir in SafeEnumerate())
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || pid == self)
            {
                continue;
            }

            if (ReadStat(pid) is not { } stat || stat.State is 'Z' or 'X')
            {
                continue;
            }

            bool inSession = OwnSession && _leaderStart >= 0 && stat.Session == _leader && stat.StartTime >= _leaderStart;
            if (inSession || CarriesToken(pid))
            {
                members.Add(pid);
            }
        }

        return members;
    }

    /// <summary>
    /// Kills every member (SIGKILL), round after round until none is left, since a member may fork while it is being
    /// killed. Returns how many processes were killed.
    /// </summary>
    public int KillAll()
    {
        int killed = 0;
        for (int round = 0; round < MaxRounds; round++)
        {
            var members = Members();
            if (members.Count == 0)
            {
                break;
            }

            foreach (int pid in members)
            {
                try
                {
                    using var p = System.Diagnostics.Process.GetProcessById(pid);
                    p.Kill();
                    killed++;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
                {
                    // Gone meanwhile, or not ours to kill: the next round sees.
                }
            }

            if (round > 0)
            {
                // A member that keeps forking: give the kills a moment to land before looking again.
                Thread.Sleep(10);
            }
        }

        return killed;
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

    private bool CarriesToken(int pid)
    {
        byte[] environ;
        try
        {
            environ = File.ReadAllBytes("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        // Entries are NUL-terminated: the marker must start at the beginning or right after a NUL.
        var span = environ.AsSpan();
        for (int at = span.IndexOf(_marker); at >= 0;)
        {
            if (at == 0 || span[at - 1] == 0)
            {
                return true;
            }

            int next = span[(at + 1)..].IndexOf(_marker);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
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

    private static (char State, int Session, long StartTime)? ReadStat(int pid)
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

        // pid (comm) state ppid pgrp session ... starttime(22nd field); comm may hold spaces and ')', so split after the last ')'.
        int close = text.LastIndexOf(')');
        if (close < 0 || close + 2 > text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ');
        if (fields.Length < 20
            || !int.TryParse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int session)
            || !long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long start))
        {
            return null;
        }

        return (fields[0].Length > 0 ? fields[0][0] : '?', session, start);
    }
}
