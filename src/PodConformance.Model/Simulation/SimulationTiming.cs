namespace PodConformance.Model.Simulation;

/// <summary>
/// The simulator's fixed latencies, chosen to be deterministic rather than measured (spec/simulator.md):
/// the real values vary with the node; the order of what happens does not.
/// </summary>
public static class SimulationTiming
{
    /// <summary>Virtual time zero: pods are created at this instant unless told otherwise.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 1, 31, 10, 0, 0, TimeSpan.Zero);

    /// <summary>From binding to the kubelet's first sync with a ready sandbox.</summary>
    public static readonly TimeSpan SandboxStartup = TimeSpan.FromSeconds(1);

    /// <summary>PLEG relist period: how long after a container exits the kubelet syncs the pod.</summary>
    public static readonly TimeSpan PlegRelist = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The pod worker's requeue after a sync error (backOffPeriod 10 s, jitter dropped); a crash-loop backoff that
    /// expires sooner is waited for exactly (newer kubelets requeue at the earliest backoff expiry).
    /// </summary>
    public static readonly TimeSpan SyncErrorRequeue = TimeSpan.FromSeconds(10);
}
