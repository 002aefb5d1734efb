using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Simulation;

/// <summary>
/// What the simulator (or any adapter) is asked to run besides the Pod manifests: the nodes, the images,
/// what each container does, and for how long. Format: spec/scenario.md.
/// </summary>
public sealed record Scenario
{
    public static readonly TimeSpan DefaultUntil = TimeSpan.FromMinutes(10);

    public TimeSpan Until { get; init; } = DefaultUntil;

    /// <summary>Empty means one default node (<see cref="DefaultNode"/>).</summary>
    public ValueList<Node> Nodes { get; init; }

    public ImageCatalog Images { get; init; } = new();

    /// <summary>Behaviour per pod name; the key <c>*</c> applies to pods not named.</summary>
    public ValueMap<PodScript> Pods { get; init; }

    /// <summary>ConfigMaps, Secrets and Services in the cluster from the start (spec/scenario.md, <c>objects</c>).</summary>
    public ValueList<ClusterObject> Objects { get; init; }

    /// <summary>What clients do during the run, in time order (spec/scenario.md, <c>steps</c>).</summary>
    public ValueList<ScenarioStep> Steps { get; init; }

    public static Node DefaultNode { get; } = new()
    {
        Name = "node-1",
        Capacity = ValueMap.Of(("cpu", Quantity.Parse("4")), ("memory", Quantity.Parse("8Gi")), ("pods", Quantity.Parse("110"))),
        Addresses = ValueList.Of("10.0.0.1"),
    };

    public IReadOnlyList<Node> EffectiveNodes => Nodes.IsEmpty ? [DefaultNode] : Nodes;

    /// <summary>
    /// The pod IPs the runtime gives pod number <paramref name="index"/> (creation order) when the scenario names none
    /// (SIM-003, ENV-015): 10.244.0.(10 + index), a stand-in in kubeadm's default pod CIDR, not a Kubernetes constant.
    /// </summary>
    public static string DefaultPodIp(int index) => PodSimulator.PodIp(index);

    /// <summary>The runtime's pod IPs for <paramref name="podName"/>: the scenario's <c>podIPs</c>, else the default for <paramref name="index"/>.</summary>
    public ValueList<string> PodIPsFor(string podName, int index = 0)
    {
        var script = ScriptFor(podName);
        Coverage.RuleCoverage.Hit(ContainerEnv.EnvRules.DefaultPodIps);
        return script.PodIPs.IsEmpty ? ValueList.Of(DefaultPodIp(index)) : script.PodIPs;
    }

    public PodScript ScriptFor(string podName) =>
        Pods.TryGetValue(podName, out var script) ? script : Pods.TryGetValue("*", out var any) ? any : PodScript.Default;
}

/// <summary>Which images exist and how long pulls take.</summary>
public sealed record ImageCatalog
{
    public TimeSpan PullDuration { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Images that cannot be pulled (ErrImagePull, then ImagePullBackOff).</summary>
    public ValueList<string> Missing { get; init; }

    /// <summary>Images already on every node: with IfNotPresent they are not pulled.</summary>
    public ValueList<string> Present { get; init; }

    public bool IsMissing(string image) => Contains(Missing, image);

    public bool IsPresent(string image) => Contains(Present, image);

    private static bool Contains(ValueList<string> list, string image)
    {
        foreach (string s in list)
        {
            if (string.Equals(s, image, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What one pod's containers do, and whether the pod is deleted during the run.</summary>
public sealed record PodScript
{
    public static PodScript Default { get; } = new();

    /// <summary>Behaviour per container name; containers not listed follow <see cref="ContainerRun"/> defaults.</summary>
    public ValueMap<ContainerScript> Containers { get; init; }

    /// <summary>When to delete the pod (graceful deletion), measured from creation; null: never.</summary>
    public TimeSpan? DeleteAfter { get; init; }

    /// <summary>The IPs the runtime gives the pod's sandbox (status.podIPs before sorting); empty: the simulator's default.</summary>
    public ValueList<string> PodIPs { get; init; }
}

/// <summary>
/// The successive runs of one container: run n follows <c>Runs[min(n, last)]</c>, so a single entry
/// describes every run and a list describes "crash twice, then succeed".
/// </summary>
public sealed record ContainerScript(ValueList<ContainerRun> Runs)
{
    public ContainerRun RunAt(int attempt) => Runs.IsEmpty ? ContainerRun.Default : Runs[Math.Min(attempt, Runs.Count - 1)];
}

/// <summary>
/// One run of a container. <see cref="ExitCode"/> null means it runs until stopped. Memory allocated
/// above the container's limit at <see cref="After"/> gets it OOM-killed instead of exiting.
/// </summary>
public sealed record ContainerRun
{
    public static ContainerRun Default { get; } = new();

    public int? ExitCode { get; init; }

    /// <summary>When the run ends (exit) or allocates, measured from its start.</summary>
    public TimeSpan After { get; init; }

    /// <summary>When it reports ready (regular containers) or started (sidecars), from its start.</summary>
    public TimeSpan ReadyAfter { get; init; }

    public bool NeverReady { get; init; }

    public Quantity? AllocateMemory { get; init; }

    public Quantity? UseCpu { get; init; }

    /// <summary>Default for an init container that is not a sidecar: exits 0 after 1s.</summary>
    public static ContainerRun DefaultInit { get; } = new() { ExitCode = 0, After = TimeSpan.FromSeconds(1) };
}
