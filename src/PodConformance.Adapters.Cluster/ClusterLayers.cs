namespace PodConformance.Adapters.Cluster;

/// <summary>Which layers a run exercises: dry-run admission is cheap and safe; lifecycle starts real Pods.</summary>
[Flags]
public enum ClusterLayers
{
    None = 0,

    /// <summary>Server-side dry-run creates: defaulting, validation, status.qosClass. Nothing is persisted.</summary>
    Admission = 1,

    /// <summary>Real Pods in the run's namespace, observed by watch.</summary>
    Lifecycle = 2,

    All = Admission | Lifecycle,
}
