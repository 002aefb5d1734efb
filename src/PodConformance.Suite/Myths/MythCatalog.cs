using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Eviction;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Limits;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Myths;

/// <summary>The claims <c>podconf myths</c> checks. Each searches the model; none stores its answer.</summary>
public static partial class MythCatalog
{
    public static IReadOnlyList<Myth> All(Profile profile) =>
    [
        EvictionByQos(profile),
        RestartPolicyForAll(profile),
        AllExitZeroIsSucceeded(profile),
        GuaranteedNeedsRequests(profile),
        EqualRequestsMakeGuaranteed(profile),
        CpuOverLimitKills(),
        QuantitiesStoredAsWritten(),
        BinaryAndDecimalDiffer(),
        ReadyCountsEveryContainer(profile),
        FailedInitFailsThePod(profile),
    ];

    private static string Yaml(Pod pod) => PodManifestWriter.ToYaml(pod);

    /// <summary>pods-module.md "Eviction Priority": BestEffort first, then Burstable, then Guaranteed.</summary>
    private static Myth EvictionByQos(Profile profile) => new()
    {
        Id = "eviction-by-qos",
        Claim = "Under memory pressure the kubelet evicts BestEffort pods first, then Burstable, then Guaranteed.",
        Source = "pods-module.md, \"Eviction Priority\"",
        Rules = ValueList.Of("EVICT-002", "EVICT-003", "EVICT-004"),
        Check = (seed, budget) => MythSearch.Find(EvictionCases.Cases, EvictionCases.Shrink,
            c => EvictionCases.RankedByClass(c, profile), EvictionCases.Show,
            c => EvictionCases.Explain(c, profile), seed, budget),
    };

    /// <summary>pods-module.md "Restart Policy": restartPolicy applies to ALL containers in the Pod.</summary>
    private static Myth RestartPolicyForAll(Profile profile) => new()
    {
        Id = "restart-policy-for-all",
        Claim = "restartPolicy applies to all containers in the Pod; you can't set different policies per container.",
        Source = "pods-module.md, \"Restart Policy\" (Gotcha)",
        Rules = ValueList.Of("PHASE-013", "PHASE-003"),
        Check = (seed, budget) => MythSearch.Find(
            from pod in PodGen.Valid
            from policy in Gen.Elements("Always", "OnFailure", "Never")
            select pod with { Spec = pod.Spec with { RestartPolicy = policy } },
            pod => PodShrinker.Shrink(pod, profile).Select(p => p with { Spec = p.Spec with { RestartPolicy = pod.Spec.RestartPolicy } }),
            pod => pod.Spec.InitContainers.Concat(pod.Spec.Containers).All(c => Restarts(c, pod, profile) == PodPolicyRestarts(pod.Spec.RestartPolicy)),
            Yaml,
            pod =>
            {
                var c = pod.Spec.InitContainers.Concat(pod.Spec.Containers).First(c => Restarts(c, pod, profile) != PodPolicyRestarts(pod.Spec.RestartPolicy));
                return $"Container \"{c.Name}\" restarts after exit code 1 = {Restarts(c, pod, profile)} although restartPolicy is {pod.Spec.RestartPolicy}: "
                    + (c.IsSidecarPolicy ? "an init container with restartPolicy: Always is a sidecar and is always restarted" : "its own restartPolicy decides (ContainerRestartRules)");
            },
            seed, budget),
    };

    /// <summary>Whether the kubelet restarts <paramref name="c"/> after exit code 1, with fields of disabled gates dropped as the API server drops them.</summary>
    private static bool Restarts(Container c, Pod pod, Profile profile)
    {
        bool isInit = pod.Spec.InitContainers.Contains(c);
        if (isInit && c.IsSidecarPolicy && profile.IsEnabled(FeatureGateNames.SidecarContainers))
        {
            return true;
        }

        bool ownPolicy = isInit ? false : profile.IsEnabled(FeatureGateNames.ContainerRestartRules);
        return ContainerRestartPolicy.ShouldRestart(ownPolicy ? c : c with { RestartPolicy = null, RestartPolicyRules = default }, pod.Spec, 1, profile);
    }

    private static bool PodPolicyRestarts(string policy) => policy != "Never";

    /// <summary>pods-module.md "Pod Phases": Succeeded — all containers exited with 0.</summary>
    private static Myth AllExitZeroIsSucceeded(Profile profile) => new()
    {
        Id = "all-exit-zero-is-succeeded",
        Claim = "A Pod whose containers all exit with code 0 is Succeeded.",
        Source = "pods-module.md, \"Pod Phases\"",
        Rules = ValueList.Of("PHASE-010", "PHASE-017"),
        Check = (seed, budget) => MythSearch.Find(
            from pod in PodGen.Valid
            from policy in Gen.Elements("Always", "OnFailure", "Never")
            select pod with { Spec = pod.Spec with { RestartPolicy = policy, InitContainers = ValueList<Container>.Empty } },
            pod => PodShrinker.Shrink(pod, profile).Select(p => p with { Spec = p.Spec with { RestartPolicy = pod.Spec.RestartPolicy, InitContainers = ValueList<Container>.Empty } }),
            pod => FinalPhase(pod, profile) == "Succeeded",
            pod => Yaml(pod) + "# every container exits 0 after 2s\n",
            pod => $"With restartPolicy: {pod.Spec.RestartPolicy} the kubelet restarts containers that exit 0; after 60s the phase is {FinalPhase(pod, profile)}, not Succeeded.",
            seed, Math.Min(budget, 40)),
    };

    private static string FinalPhase(Pod pod, Profile profile)
    {
        var scripts = new List<(string, PodScript)>();
        var containers = pod.Spec.Containers.Select(c => (c.Name, new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 0, After = TimeSpan.FromSeconds(2) })))).ToArray();
        var scenario = new Scenario { Until = TimeSpan.FromSeconds(60), Pods = ValueMap.Of((pod.Metadata.Name, new PodScript { Containers = ValueMap.Of(containers) })) };
        var result = PodSimulator.Run([pod], scenario, profile);
        return result.For(pod.Metadata.Name).LastOrDefault()?.Pod.Status?.Phase ?? "";
    }

    /// <summary>pods-module.md "QoS": Guaranteed — every container has CPU and memory requests equal to limits.</summary>
    private static Myth GuaranteedNeedsRequests(Profile profile) => new()
    {
        Id = "guaranteed-needs-requests",
        Claim = "A Guaranteed pod must set its CPU and memory requests (equal to the limits) in every container.",
        Source = "pods-module.md, \"Quality of Service (QoS) Classes\"",
        Rules = ValueList.Of("DEF-001", "QOS-003"),
        Check = (seed, budget) => MythSearch.Find(PodGen.Valid, pod => PodShrinker.Shrink(pod, profile),
            pod => QosCalculator.ComputePodQos(PodDefaulter.Apply(pod, profile).Spec, profile) != QosClass.Guaranteed
                   || pod.Spec.InitContainers.Concat(pod.Spec.Containers).All(c => c.Resources.Requests.ContainsKey("cpu") && c.Resources.Requests.ContainsKey("memory")),
            Yaml,
            _ => "The API server copies limits into missing requests when it creates the Pod (DEF-001), so limits alone make it Guaranteed.",
            seed, budget),
    };

    private static Myth EqualRequestsMakeGuaranteed(Profile profile) => new()
    {
        Id = "equal-requests-make-guaranteed",
        Claim = "If every container's requests equal its limits, the pod is Guaranteed.",
        Source = "common lore (\"set requests == limits to get Guaranteed\")",
        Rules = ValueList.Of("QOS-003"),
        Check = (seed, budget) => MythSearch.Find(
            PodGen.Valid.Select(p => p with { Spec = p.Spec with { InitContainers = ValueList<Container>.Empty } }),
            pod => PodShrinker.Shrink(pod, profile),
            pod => !pod.Spec.Containers.All(c => !c.Resources.Limits.IsEmpty && c.Resources.Limits.Count == c.Resources.Requests.Count
                                                && c.Resources.Limits.All(kv => c.Resources.Requests.TryGetValue(kv.Key, out var r) && r.Equals(kv.Value)))
                   || QosCalculator.ComputePodQos(pod.Spec, profile) == QosClass.Guaranteed,
            Yaml,
            pod => "Only cpu and memory count, and both must be set: " + QosCalculator.Explain(pod, profile).Reason,
            seed, budget),
    };

    private static Myth CpuOverLimitKills() => new()
    {
        Id = "cpu-over-limit-kills",
        Claim = "A container that uses more CPU than its limit is killed.",
        Source = "common lore (the tutorial states it correctly: throttled)",
        Rules = ValueList.Of("LIMIT-002"),
        Check = (seed, budget) => MythSearch.Find(
            from limit in Gen.Elements(100, 250, 500, 1000, 2000)
            from over in Gen.Elements(1, 50, 300, 1000)
            select (limit, demand: limit + over),
            t => t.limit > 100 ? [(100, 100 + (t.demand - t.limit))] : [],
            t => ResourceLimits.Evaluate(CpuContainer(t.limit), null, Quantity.FromMilli(t.demand, QuantityFormat.DecimalSI)).Killed,
            t => $"limits.cpu: {t.limit}m, the process wants {t.demand}m",
            _ => "The CFS quota throttles the container to its limit; it keeps running (LIMIT-002).",
            seed, budget),
    };

    private static Container CpuContainer(int milli) => new()
    {
        Name = "app",
        Image = "app",
        Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.FromMilli(milli, QuantityFormat.DecimalSI))) },
    };

    private static Myth QuantitiesStoredAsWritten() => new()
    {
        Id = "quantities-stored-as-written",
        Claim = "Kubernetes stores and prints a resource quantity exactly as you wrote it.",
        Source = "common lore",
        Rules = ValueList.Of("QTY-020", "QTY-021", "DEF-017"),
        Check = (seed, budget) => MythSearch.Find(QuantityGen.NonNegativeText, QuantityShrinker.Shrink,
            text => !Quantity.TryParse(text, out var q) || q.RoundUp(-3).ToString() == text,
            text => $"resources.requests.cpu: \"{text}\"",
            text => $"The API server stores it as \"{Quantity.Parse(text).RoundUp(-3)}\": canonical form (QTY-021) after rounding up to 1m (DEF-017).",
            seed, budget),
    };

    private static Myth BinaryAndDecimalDiffer() => new()
    {
        Id = "binary-and-decimal-differ",
        Claim = "nMi and nM are different amounts for every n > 0 (128Mi != 128M).",
        Source = "pods-module.md, \"CPU and Memory Units\" (Tip)",
        Rules = ValueList.Of("QTY-005", "QTY-034"),
        Check = (seed, budget) => MythSearch.Find(Gen.Choose(1, 1_000_000), n => n > 1 ? [n / 2, 1] : [],
            n => !Quantity.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Mi").Equals(Quantity.Parse(n.ToString(System.Globalization.CultureInfo.InvariantCulture) + "M")),
            n => $"{n}Mi vs {n}M", _ => "", seed, budget),
    };

    private static Myth ReadyCountsEveryContainer(Profile profile) => new()
    {
        Id = "ready-counts-every-container",
        Claim = "kubectl's READY column counts every container of the Pod.",
        Source = "common lore",
        Rules = ValueList.Of("PRINT-002"),
        Check = (seed, budget) => MythSearch.Find(PodGen.Valid, pod => PodShrinker.Shrink(pod, profile),
            pod => PodPrinter.Row(pod, SimulationTiming.DefaultStart).TotalContainers == pod.Spec.InitContainers.Count + pod.Spec.Containers.Count,
            Yaml,
            pod => $"READY counts regular containers and sidecars only: {PodPrinter.Row(pod, SimulationTiming.DefaultStart).TotalContainers} of {pod.Spec.InitContainers.Count + pod.Spec.Containers.Count} (regular init containers are not counted).",
            seed, budget),
    };

    private static Myth FailedInitFailsThePod(Profile profile) => new()
    {
        Id = "failed-init-fails-the-pod",
        Claim = "If an init container fails, the Pod fails.",
        Source = "common lore (the tutorial's Gotcha says it correctly)",
        Rules = ValueList.Of("PHASE-005", "PHASE-002"),
        Check = (seed, budget) => MythSearch.Find(
            from policy in Gen.Elements("Always", "OnFailure", "Never")
            select policy,
            p => p == "OnFailure" ? ["Always"] : [],
            policy => PodPhaseCalculator.GetPhase(InitPod(policy).Spec, [FailedInit()], [WaitingApp()], false, false, profile) == "Failed",
            policy => Yaml(InitPod(policy)) + "# status: init container exited 1, app waiting\n",
            policy => $"With restartPolicy: {policy} the kubelet restarts the init container; the phase stays Pending (PHASE-005).",
            seed, budget),
    };

    private static Pod InitPod(string policy) => new()
    {
        Metadata = new ObjectMeta { Name = "init-fails" },
        Spec = new PodSpec
        {
            RestartPolicy = policy,
            InitContainers = [new Container { Name = "setup", Image = "busybox" }],
            Containers = [new Container { Name = "app", Image = "nginx" }],
        },
    };

    private static ContainerStatus FailedInit() => new() { Name = "setup", State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, Reason = "Error" } } };

    private static ContainerStatus WaitingApp() => new() { Name = "app", State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "PodInitializing" } } };
}
