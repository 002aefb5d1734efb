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
        CpuOverLimitKills(profile),
        QuantitiesStoredAsWritten(profile),
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
        Rules = ValueList.Of("EVICT-001", "EVICT-004", "DEF-001"),
        Check = (seed, budget) => MythSearch.Find(EvictionCases.Cases, EvictionCases.Shrink,
            c => EvictionCases.EvictedByClass(c, profile), EvictionCases.Show,
            c => EvictionCases.Explain(c, profile), seed, budget, EvictionCases.Evidence),
    };

    /// <summary>
    /// A pod the simulator will run to the end: no resources (so it always fits the node) and default pull policies
    /// (so every image is pulled), as <see cref="ScenarioGen.RestartPolicyCase"/> makes them.
    /// </summary>
    private static Pod Runnable(Pod pod) => pod with
    {
        Spec = pod.Spec with
        {
            Resources = null,
            InitContainers = pod.Spec.InitContainers.Select(c => c with { Resources = ResourceRequirements.Empty, ImagePullPolicy = "" }).ToValueList(),
            Containers = pod.Spec.Containers.Select(c => c with { Resources = ResourceRequirements.Empty, ImagePullPolicy = "" }).ToValueList(),
        },
    };

    private static ValueList<Container> AllContainers(Pod pod) => pod.Spec.InitContainers.Concat(pod.Spec.Containers).ToValueList();

    /// <summary>The scenario in which <paramref name="container"/> exits 1 after 2 s once and then runs; every other container keeps its defaults.</summary>
    private static Scenario ExitsOnce(Pod pod, string container) => new()
    {
        Until = TimeSpan.FromSeconds(60),
        Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
        {
            Containers = ValueMap.Of((container, new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(2) }, new ContainerRun())))),
        })),
    };

    /// <summary>What <c>podconf simulate</c> shows: the pod's timeline (empty when the API server rejects it).</summary>
    private static IReadOnlyList<PodSnapshot> Simulate(Pod pod, Scenario scenario, Profile profile) => [.. PodSimulator.Run([pod], scenario, profile).For(pod.Metadata.Name)];

    /// <summary>The restart count of <paramref name="container"/> at the end of the simulated timeline.</summary>
    private static int RestartsAfterExit1(Pod pod, string container, Profile profile)
    {
        var last = Simulate(pod, ExitsOnce(pod, container), profile).LastOrDefault()?.Pod.Status;
        var status = last?.InitContainerStatuses.Concat(last.ContainerStatuses).FirstOrDefault(s => s.Name == container);
        return status?.RestartCount ?? 0;
    }

    /// <summary>The container whose restart after exit 1 disagrees with the pod's policy, or null (also when the API server rejects the pod).</summary>
    private static Container? Disagreeing(Pod pod, Profile profile) =>
        !PodGen.IsAdmitted(pod, profile) ? null
        : AllContainers(pod).FirstOrDefault(c => RestartsAfterExit1(pod, c.Name, profile) > 0 != PodPolicyRestarts(pod.Spec.RestartPolicy));

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
            select Runnable(pod with { Spec = pod.Spec with { RestartPolicy = policy } }),
            pod => PodShrinker.Shrink(pod, profile).Select(p => Runnable(p with { Spec = p.Spec with { RestartPolicy = pod.Spec.RestartPolicy } })),
            pod => Disagreeing(pod, profile) is null,
            pod => Yaml(pod) + "# container \"" + Disagreeing(pod, profile)!.Name + "\" exits 1 after 2s, once\n",
            pod =>
            {
                var c = Disagreeing(pod, profile)!;
                return $"Container \"{c.Name}\" is restarted {RestartsAfterExit1(pod, c.Name, profile)} time(s) after exiting 1 although restartPolicy is {pod.Spec.RestartPolicy}: "
                    + (c.IsSidecarPolicy ? "an init container with restartPolicy: Always is a sidecar and is always restarted" : "its own restartPolicy decides (ContainerRestartRules)");
            },
            seed, Math.Min(budget, 60),
            pod =>
            {
                var c = Disagreeing(pod, profile)!;
                string policy = pod.Spec.RestartPolicy;
                return Simulated(pod, ExitsOnce(pod, c.Name), last => MythEvidenceJson.RestartCount(last, c.Name) > 0 == PodPolicyRestarts(policy));
            }),
    };

    /// <summary><c>podconf simulate -f pod.yaml --scenario scenario.yaml -o json</c>, the claim judged on the last object.</summary>
    private static MythEvidence Simulated(Pod pod, Scenario scenario, Func<System.Text.Json.JsonElement, bool> claimHoldsOnLast) =>
        MythEvidence.Single(
            new VerbCall(["simulate", "-f", "pod.yaml", "--scenario", "scenario.yaml", "-o", "json"],
                new Dictionary<string, string>(StringComparer.Ordinal) { ["pod.yaml"] = Yaml(pod), ["scenario.yaml"] = Reports.CaseText.Scenario(scenario) }),
            timeline => claimHoldsOnLast(MythEvidenceJson.LastObject(timeline)));

    private static bool PodPolicyRestarts(string policy) => policy != "Never";

    /// <summary>pods-module.md "Pod Phases": Succeeded — all containers exited with 0.</summary>
    private static Myth AllExitZeroIsSucceeded(Profile profile) => new()
    {
        Id = "all-exit-zero-is-succeeded",
        Claim = "A Pod whose containers all exit with code 0 is Succeeded.",
        Source = "pods-module.md, \"Pod Phases\"",
        Rules = ValueList.Of("PHASE-010", "PHASE-011", "PHASE-017"),
        Check = (seed, budget) => MythSearch.Find(
            from pod in PodGen.Valid
            from policy in Gen.Elements("Always", "OnFailure", "Never")
            select Runnable(pod with { Spec = pod.Spec with { RestartPolicy = policy, InitContainers = ValueList<Container>.Empty } }),
            pod => PodShrinker.Shrink(pod, profile).Select(p => Runnable(p with { Spec = p.Spec with { RestartPolicy = pod.Spec.RestartPolicy, InitContainers = ValueList<Container>.Empty } })),
            pod => !PodGen.IsAdmitted(pod, profile) || FinalPhase(pod, profile) == "Succeeded",
            pod => Yaml(pod) + "# every container exits 0 after 2s\n",
            pod => $"With restartPolicy: {pod.Spec.RestartPolicy} the kubelet restarts containers that exit 0; after 60s the phase is {FinalPhase(pod, profile)}, not Succeeded.",
            seed, Math.Min(budget, 40),
            pod => Simulated(pod, AllExitZero(pod), last => MythEvidenceJson.Phase(last) == "Succeeded")),
    };

    private static Scenario AllExitZero(Pod pod) => new()
    {
        Until = TimeSpan.FromSeconds(60),
        Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
        {
            Containers = ValueMap.Of([.. pod.Spec.Containers.Select(c => (c.Name, new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 0, After = TimeSpan.FromSeconds(2) }))))]),
        })),
    };

    private static string FinalPhase(Pod pod, Profile profile) => Simulate(pod, AllExitZero(pod), profile).LastOrDefault()?.Pod.Status?.Phase ?? "";

    /// <summary><c>podconf qos -f pod.yaml -o json</c>, the claim judged on the class it prints.</summary>
    private static MythEvidence Qos(Pod pod, Func<string, bool> claimHoldsForClass) =>
        MythEvidence.Single(VerbCall.Of("pod.yaml", Yaml(pod), "qos", "-f", "pod.yaml", "-o", "json"),
            json => claimHoldsForClass(MythEvidenceJson.First(json).GetProperty("status").GetProperty("qosClass").GetString()!));

    private static bool SetsCpuAndMemoryRequests(Pod pod) =>
        AllContainers(pod).All(c => c.Resources.Requests.ContainsKey("cpu") && c.Resources.Requests.ContainsKey("memory"));

    /// <summary>The class <c>podconf qos</c> prints: computed on the pod as the API server stores it (defaulted).</summary>
    private static QosClass StoredQos(Pod pod, Profile profile) => QosCalculator.ComputePodQos(PodDefaulter.Apply(pod, profile).Spec, profile);

    /// <summary>pods-module.md "QoS": Guaranteed — every container has CPU and memory requests equal to limits.</summary>
    private static Myth GuaranteedNeedsRequests(Profile profile) => new()
    {
        Id = "guaranteed-needs-requests",
        Claim = "A Guaranteed pod must set its CPU and memory requests (equal to the limits) in every container.",
        Source = "pods-module.md, \"Quality of Service (QoS) Classes\"",
        Rules = ValueList.Of("DEF-001", "QOS-003"),
        Check = (seed, budget) => MythSearch.Find(PodGen.Valid, pod => PodShrinker.Shrink(pod, profile),
            pod => StoredQos(pod, profile) != QosClass.Guaranteed || SetsCpuAndMemoryRequests(pod),
            Yaml,
            _ => "The API server copies limits into missing requests when it creates the Pod (DEF-001), so limits alone make it Guaranteed.",
            seed, budget,
            pod => Qos(pod, cls => cls != "Guaranteed" || SetsCpuAndMemoryRequests(pod))),
    };

    private static bool RequestsEqualLimits(Pod pod) =>
        pod.Spec.Containers.All(c => !c.Resources.Limits.IsEmpty && c.Resources.Limits.Count == c.Resources.Requests.Count
                                     && c.Resources.Limits.All(kv => c.Resources.Requests.TryGetValue(kv.Key, out var r) && r.Equals(kv.Value)));

    private static Myth EqualRequestsMakeGuaranteed(Profile profile) => new()
    {
        Id = "equal-requests-make-guaranteed",
        Claim = "If every container's requests equal its limits, the pod is Guaranteed.",
        Source = "common lore (\"set requests == limits to get Guaranteed\")",
        Rules = ValueList.Of("QOS-003"),
        Check = (seed, budget) => MythSearch.Find(
            PodGen.Valid.Select(p => p with { Spec = p.Spec with { InitContainers = ValueList<Container>.Empty } }),
            pod => PodShrinker.Shrink(pod, profile),
            pod => !RequestsEqualLimits(pod) || StoredQos(pod, profile) == QosClass.Guaranteed,
            Yaml,
            pod => "Only cpu and memory count, and both must be set: " + QosCalculator.Explain(PodDefaulter.Apply(pod, profile), profile).Reason,
            seed, budget,
            pod => Qos(pod, cls => !RequestsEqualLimits(pod) || cls == "Guaranteed")),
    };

    /// <summary>A pod whose one container has a CPU limit and, in the scenario, wants more CPU than that.</summary>
    private static (Pod Pod, Scenario Scenario) CpuHungry(int limitMilli, int demandMilli)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "cpu-hungry" },
            Spec = new PodSpec { Containers = [CpuContainer(limitMilli)] },
        };
        var scenario = new Scenario
        {
            Until = TimeSpan.FromSeconds(60),
            Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
            {
                Containers = ValueMap.Of(("app", new ContainerScript(ValueList.Of(new ContainerRun { UseCpu = Quantity.FromMilli(demandMilli, QuantityFormat.DecimalSI) })))),
            })),
        };
        return (pod, scenario);
    }

    private static bool KilledOverCpu(int limitMilli, int demandMilli, Profile profile)
    {
        var (pod, scenario) = CpuHungry(limitMilli, demandMilli);
        return Simulate(pod, scenario, profile).Any(s => s.Pod.Status?.ContainerStatuses.Any(c => c.State.Terminated is not null) == true);
    }

    private static Myth CpuOverLimitKills(Profile profile) => new()
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
            t => KilledOverCpu(t.limit, t.demand, profile),
            t => Yaml(CpuHungry(t.limit, t.demand).Pod) + $"# the process wants {t.demand}m\n",
            _ => "The CFS quota throttles the container to its limit; it keeps running (LIMIT-002).",
            seed, Math.Min(budget, 40),
            t =>
            {
                var (pod, scenario) = CpuHungry(t.limit, t.demand);
                return Simulated(pod, scenario, last => MythEvidenceJson.Terminated(last, "app"));
            }),
    };

    private static Container CpuContainer(int milli) => new()
    {
        Name = "app",
        Image = "app",
        Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.FromMilli(milli, QuantityFormat.DecimalSI))) },
    };

    /// <summary>A pod whose container requests <paramref name="text"/> of CPU, as written.</summary>
    private static Pod RequestingCpu(string text) => new()
    {
        Metadata = new ObjectMeta { Name = "written" },
        Spec = new PodSpec { Containers = [new Container { Name = "app", Image = "app", Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Quantity.Parse(text))) } }] },
    };

    /// <summary>What the API server stores for <paramref name="text"/> (the defaulted pod <c>podconf simulate</c> shows), or null when it rejects the pod.</summary>
    private static string? Stored(string text, Profile profile)
    {
        if (!Quantity.TryParse(text, out _))
        {
            return null;
        }

        var pod = RequestingCpu(text);
        return PodGen.IsAdmitted(pod, profile) ? PodDefaulter.Apply(pod, profile).Spec.Containers[0].Resources.Requests["cpu"].ToString() : null;
    }

    private static Myth QuantitiesStoredAsWritten(Profile profile) => new()
    {
        Id = "quantities-stored-as-written",
        Claim = "Kubernetes stores and prints a resource quantity exactly as you wrote it.",
        Source = "common lore",
        Rules = ValueList.Of("QTY-020", "QTY-021", "DEF-017"),
        Check = (seed, budget) => MythSearch.Find(QuantityGen.NonNegativeText, QuantityShrinker.Shrink,
            text => Stored(text, profile) is not { } stored || stored == text,
            text => $"resources.requests.cpu: \"{text}\"",
            text => $"The API server stores it as \"{Stored(text, profile)}\": canonical form (QTY-021) after rounding up to 1m (DEF-017).",
            seed, budget,
            text => MythEvidence.Single(
                VerbCall.Of("pod.yaml", Yaml(RequestingCpu(text)), "simulate", "-f", "pod.yaml", "--until", "1s", "-o", "json"),
                output => MythEvidenceJson.First(output).GetProperty("spec").GetProperty("containers")[0].GetProperty("resources").GetProperty("requests").GetProperty("cpu").ToString() == text)),
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
        Rules = ValueList.Of("PRINT-013"),
        Check = (seed, budget) => MythSearch.Find(PodGen.Valid, pod => PodShrinker.Shrink(pod, profile),
            pod => PodPrinter.Row(pod, SimulationTiming.DefaultStart).TotalContainers == pod.Spec.InitContainers.Count + pod.Spec.Containers.Count,
            Yaml,
            pod => $"READY counts regular containers and sidecars only: {PodPrinter.Row(pod, SimulationTiming.DefaultStart).TotalContainers} of {pod.Spec.InitContainers.Count + pod.Spec.Containers.Count} (regular init containers are not counted).",
            seed, budget,
            pod => MythEvidence.Text(VerbCall.Of("pod.yaml", Yaml(pod), "status", "-f", "pod.yaml", "--now", "2025-01-31T10:00:00Z"),
                table => MythEvidenceJson.Cell(table, "READY").EndsWith("/" + (pod.Spec.InitContainers.Count + pod.Spec.Containers.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))),
    };

    private static string DerivedPhase(string policy, Profile profile) => PodPhaseCalculator.DerivePhase(InitPod(policy), profile).Phase;

    private static Myth FailedInitFailsThePod(Profile profile) => new()
    {
        Id = "failed-init-fails-the-pod",
        Claim = "If an init container fails, the Pod fails.",
        Source = "common lore (the tutorial's Gotcha says it correctly)",
        Rules = ValueList.Of("PHASE-005", "PHASE-006", "PHASE-002"),
        Check = (seed, budget) => MythSearch.Find(
            from policy in Gen.Elements("Always", "OnFailure", "Never")
            select policy,
            p => p == "OnFailure" ? ["Always"] : [],
            policy => DerivedPhase(policy, profile) == "Failed",
            policy => Yaml(InitPod(policy)),
            policy => $"With restartPolicy: {policy} the kubelet restarts the init container; the phase stays {DerivedPhase(policy, profile)} (PHASE-005/006).",
            seed, budget,
            policy => MythEvidence.Text(VerbCall.Of("pod.yaml", Yaml(InitPod(policy)), "status", "-f", "pod.yaml", "--now", "2025-01-31T10:00:00Z"),
                table => MythEvidenceJson.Cell(table, "DERIVED PHASE") == "Failed")),
    };

    /// <summary>A pod read back from the API server with its status: the init container exited 1, the app waits.</summary>
    private static Pod InitPod(string policy) => new()
    {
        Metadata = new ObjectMeta { Name = "init-fails" },
        Spec = new PodSpec
        {
            RestartPolicy = policy,
            InitContainers = [new Container { Name = "setup", Image = "busybox" }],
            Containers = [new Container { Name = "app", Image = "nginx" }],
        },
        Status = new PodStatus { Phase = "Pending", InitContainerStatuses = [FailedInit()], ContainerStatuses = [WaitingApp()] },
    };

    private static ContainerStatus FailedInit() => new() { Name = "setup", State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = 1, Reason = "Error" } } };

    private static ContainerStatus WaitingApp() => new() { Name = "app", State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = "PodInitializing" } } };
}
