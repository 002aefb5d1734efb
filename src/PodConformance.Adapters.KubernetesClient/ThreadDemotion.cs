using System.Runtime.InteropServices;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>
/// Moves an abandoned, still-spinning thread to Linux's idle scheduling class (or, failing that, nice 19),
/// so hung library calls only use CPU nobody else wants. Best effort: elsewhere, or if the calls fail, it
/// does nothing.
/// </summary>
internal static partial class ThreadDemotion
{
    private const int SchedIdle = 5;
    private const int PrioProcess = 0;

    /// <summary>The kernel thread id of the calling thread, or 0 where unknown.</summary>
    public static int CurrentThreadId()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        try
        {
            return GetTid();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return 0;
        }
    }

    /// <summary>CPU time a thread of this process has used (<c>/proc/self/task/TID/schedstat</c>), or null where unknown.</summary>
    public static TimeSpan? CpuTime(int tid)
    {
        if (tid <= 0 || !OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            string text = File.ReadAllText("/proc/self/task/" + tid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/schedstat");
            int space = text.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 && long.TryParse(text.AsSpan(0, space), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long ns)
                ? TimeSpan.FromTicks(ns / 100)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void Demote(int tid)
    {
        if (tid <= 0 || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            int priority = 0;
            if (SchedSetScheduler(tid, SchedIdle, ref priority) != 0)
            {
                _ = SetPriority(PrioProcess, tid, 19);
            }
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not demoted: the thread still ends with the process.
        }
    }

    [LibraryImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int GetTid();

    [LibraryImport("libc", EntryPoint = "sched_setscheduler")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SchedSetScheduler(int pid, int policy, ref int param);

    [LibraryImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int SetPriority(int which, int who, int prio);
}
