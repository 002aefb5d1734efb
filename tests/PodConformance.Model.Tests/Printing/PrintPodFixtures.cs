using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Printing;

namespace PodConformance.Model.Tests.Printing;

/// <summary>Terse builders for the ported printer tables; <see cref="Now"/> stands in for Go's time.Now().</summary>
internal static class PrintPodFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ContainerState Running => new() { Running = new ContainerStateRunning() };

    public static ContainerState Waiting(string reason = "") => new() { Waiting = new ContainerStateWaiting { Reason = reason } };

    public static ContainerState Terminated(string reason = "", int exitCode = 0, int signal = 0) =>
        new() { Terminated = new ContainerStateTerminated { Reason = reason, ExitCode = exitCode, Signal = signal } };

    /// <summary>A lastState that finished <paramref name="ago"/> before <see cref="Now"/>.</summary>
    public static ContainerState FinishedAgo(TimeSpan ago) => new() { Terminated = new ContainerStateTerminated { FinishedAt = Now - ago } };

    public static ValueList<Container> Unnamed(int n)
    {
        var items = new Container[n];
        for (int i = 0; i < n; i++)
        {
            items[i] = new Container();
        }

        return items;
    }

    public static Container Sidecar(string name) => new() { Name = name, RestartPolicy = "Always" };

    public static PodCondition Condition(string type, string status, string reason = "") => new() { Type = type, Status = status, Reason = reason };

    public static Pod Pod(string name, PodSpec spec, PodStatus status, DateTimeOffset? deletion = null) =>
        new() { Metadata = new ObjectMeta { Name = name, DeletionTimestamp = deletion }, Spec = spec, Status = status };

    public static Pod Pod(string name, int containers, PodStatus status, DateTimeOffset? deletion = null) =>
        Pod(name, new PodSpec { Containers = Unnamed(containers) }, status, deletion);

    public static string[] Cells(PodRow row, bool wide = false) => row.Cells(wide);
}
