using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Shapes that matter, on purpose (issue 10 item 2): lifecycle cases <see cref="ScenarioGen.Case"/> reaches rarely or
/// never, each built around one behaviour a plausible simulator bug breaks. Readiness gates whose conditions steps set and
/// clear (COND-005, SIM-015); a container crash-looping long enough for the back-off to reach its 300 s cap and stay there
/// (BACKOFF-002, virtual time is free); a container that ran for more or less than 10 minutes between crashes (the reset,
/// BACKOFF-003); sidecars that crash, start late or never, and outlive the regular containers or the deletion (SIM-004,
/// SIM-008, SIM-009, PHASE-007); pods deleted with a grace period while they run (SIM-010, PHASE-009, PRINT-012); images
/// that cannot be had, for long enough to see the pull back-off grow (BACKOFF-006, SIM-005); init containers that fail
/// before they succeed (SIM-008).
/// Pods come from <see cref="PodGen.Valid"/> made runnable (no resources, default pull policy), so they start.
/// </summary>
public static class ShapeGen
{
    /// <summary>Readiness-gate condition types: qualified names (VAL-073) a controller would own.</summary>
    public static IReadOnlyList<string> GateTypes { get; } = ["example.com/lb-ready", "example.com/warm"];

    /// <summary>A condition no gate names: it must pass through the kubelet's status untouched (COND-001).</summary>
    public const string ForeignCondition = "example.com/audited";

    /// <summary>When steps happen: round, within the first two minutes.</summary>
    public static IReadOnlyList<TimeSpan> StepTimes { get; } =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)];

    /// <summary>How long a container runs between crashes in the reset shape: either side of the kubelet's 600 s expiry.</summary>
    public static IReadOnlyList<TimeSpan> LongRuns { get; } = [TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(11), TimeSpan.FromMinutes(15)];

    /// <summary>Runs long enough for the crash-loop back-off to reach its cap (after 310 s of waiting) and wait there twice.</summary>
    public static IReadOnlyList<TimeSpan> LongUntils { get; } = [TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20)];

    private static readonly Gen<Pod> Runnable = PodGen.Valid.Select(p => p with { Spec = ScenarioGen.Runnable(p.Spec) });

    /// <summary>One of the shapes, equally often.</summary>
    public static Gen<ScenarioCase> Case { get; } = Gen.OneOf(ReadinessGates(), CrashLoopToCap(), BackoffReset(), Sidecars(), Terminating(), PullFailures());

    /// <summary>
    /// A pod with one or two readiness gates and steps (one to four, in time order) that set a gate's condition True or
    /// False, remove it, or write a condition no gate names.
    /// </summary>
    public static Gen<ScenarioCase> ReadinessGates() =>
        from pod in Runnable
        from gateCount in Gen.Elements(1, 1, 2)
        from stepCount in Gen.Choose(1, 4)
        from start in Gen.Choose(0, StepTimes.Count - stepCount)
        let times = StepTimes.Skip(start).Take(stepCount).ToArray()
        from actions in GenSequence.Indexed(stepCount, _ => GateAction(gateCount))
        from ready in Gen.Frequency((3, Gen.Constant(TimeSpan.Zero)), (1, Gen.Elements(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))))
        select new ScenarioCase(
            pod with { Spec = pod.Spec with { ReadinessGates = GateTypes.Take(gateCount).Select(t => new PodReadinessGate(t)).ToValueList() } },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(5),
                Pods = ready == TimeSpan.Zero ? default : ValueMap.Of((pod.Metadata.Name, Script(pod.Spec.Containers[0].Name, new ContainerRun { ReadyAfter = ready }))),
                Steps = times.Zip(actions, (at, a) => a with { At = at, Pod = pod.Metadata.Name }).ToValueList(),
            });

    private static Gen<ScenarioStep> GateAction(int gateCount) =>
        from type in Gen.Frequency((6, Gen.Elements(GateTypes.Take(gateCount).ToArray())), (1, Gen.Constant(ForeignCondition)))
        from action in Gen.Frequency((4, Gen.Constant("True")), (2, Gen.Constant("False")), (1, Gen.Constant("Unknown")), (2, Gen.Constant("")))
        select action.Length == 0
            ? new ScenarioStep { RemoveCondition = type }
            : new ScenarioStep { SetCondition = new StepCondition(type, action) };

    /// <summary>The first regular container exits non-zero after every start, for 15 or 20 minutes: back-off to the cap and at it.</summary>
    public static Gen<ScenarioCase> CrashLoopToCap() =>
        from pod in Runnable
        from policy in Gen.Elements("Always", "OnFailure")
        from code in Gen.Elements(1, 2, 137, 255)
        from after in Gen.Elements(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
        from until in Gen.Elements(LongUntils.ToArray())
        select new ScenarioCase(
            pod with { Spec = pod.Spec with { RestartPolicy = policy } },
            new Scenario
            {
                Until = until,
                Pods = ValueMap.Of((pod.Metadata.Name, Script(pod.Spec.Containers[0].Name, new ContainerRun { ExitCode = code, After = after }))),
            });

    /// <summary>
    /// The first regular container crashes one to three times, then twice runs for 9, 11 or 15 minutes before it crashes
    /// again: beyond 10 minutes the back-off starts over at its first delay (BACKOFF-003), within them it keeps doubling.
    /// Two long runs (virtual time is free) put eight cases in nine beyond the expiry and many on both sides of it, so
    /// the reset is no rarity among the shapes.
    /// </summary>
    public static Gen<ScenarioCase> BackoffReset() =>
        from pod in Runnable
        from crashes in Gen.Choose(1, 3)
        from first in Gen.Elements(LongRuns.ToArray())
        from second in Gen.Elements(LongRuns.ToArray())
        let crash = new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(1) }
        select new ScenarioCase(
            pod with { Spec = pod.Spec with { RestartPolicy = "Always" } },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(35),
                Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
                {
                    Containers = ValueMap.Of((pod.Spec.Containers[0].Name, new ContainerScript(
                        [.. Enumerable.Repeat(crash, crashes), new ContainerRun { ExitCode = 1, After = first }, new ContainerRun { ExitCode = 1, After = second }, crash]))),
                })),
            });

    /// <summary>
    /// A pod with a sidecar (first or last of its init containers) that crashes or stops after it started, starts late,
    /// or never starts; regular containers that may all finish (the pod ends while the sidecar runs: it is stopped); and
    /// sometimes a deletion the sidecar outlives the regular containers in.
    /// </summary>
    public static Gen<ScenarioCase> Sidecars() =>
        from pod in Runnable
        from name in Gen.Elements("sidecar", "log-agent")
        from first in GenSequence.Bool
        from sidecarRun in Gen.Frequency(
            (4, from code in Gen.Elements(0, 1, 137)
                from after in Gen.Elements(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30))
                select new ContainerRun { ExitCode = code, After = after }),
            (2, Gen.Elements(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)).Select(r => new ContainerRun { ReadyAfter = r })),
            (1, Gen.Constant(new ContainerRun { NeverReady = true })))
        from policy in Gen.Elements("Always", "OnFailure", "Never")
        from regularExit in Gen.Frequency((1, Gen.Constant<int?>(null)), (2, Gen.Constant<int?>(0)), (1, Gen.Constant<int?>(1)))
        from deleteAfter in Gen.Frequency((2, Gen.Constant<TimeSpan?>(null)), (1, Gen.Elements<TimeSpan?>(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1))))
        let sidecarName = Unused(pod.Spec, name)
        let sidecar = new Container { Name = sidecarName, Image = "busybox", RestartPolicy = "Always" }
        let spec = pod.Spec with
        {
            RestartPolicy = policy,
            InitContainers = first ? pod.Spec.InitContainers.Insert(0, sidecar) : pod.Spec.InitContainers.Add(sidecar),
        }
        let regular = regularExit is { } code
            ? pod.Spec.Containers.Select(c => KeyValuePair.Create(c.Name, new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = code, After = TimeSpan.FromSeconds(10) }))))
            : []
        select new ScenarioCase(
            pod with { Spec = spec },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(2),
                Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
                {
                    Containers = ValueMap.Create(regular.Prepend(KeyValuePair.Create(sidecarName, new ContainerScript(ValueList.Of(sidecarRun))))),
                    DeleteAfter = deleteAfter,
                })),
            });

    /// <summary>
    /// Several containers stopped at one instant, in the order SIM-009 fixes (regular containers, then sidecars last to
    /// first: one Killing event each, EVENT-012): a pod with one or two sidecars (after its init containers) whose
    /// containers all run until it is deleted, under every restart policy and a grace period of 30 (the default), 0 or 5 s.
    /// <see cref="Sidecars"/> and <see cref="Terminating"/> reach this only now and then (one sidecar, containers that
    /// exited before the deletion). A pod whose regular containers all end while sidecars run is <see cref="SidecarsOutlive"/>.
    /// </summary>
    public static Gen<ScenarioCase> StopsTogether() =>
        from pod in Runnable
        from count in Gen.Elements(1, 2)
        from grace in Gen.Elements<long?>(null, 0, 5)
        from deleteAfter in Gen.Elements(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1))
        from policy in Gen.Elements("Always", "OnFailure", "Never")
        let first = Unused(pod.Spec, "sidecar")
        let sidecars = count == 1 ? [first] : new[] { first, Unused(pod.Spec, "log-agent") }
        let spec = pod.Spec with
        {
            RestartPolicy = policy,
            TerminationGracePeriodSeconds = grace,
            InitContainers = [.. pod.Spec.InitContainers, .. sidecars.Select(n => new Container { Name = n, Image = "busybox", RestartPolicy = "Always" })],
        }
        select new ScenarioCase(
            pod with { Spec = spec },
            new Scenario { Until = TimeSpan.FromMinutes(2), Pods = ValueMap.Of((pod.Metadata.Name, new PodScript { DeleteAfter = deleteAfter })) });

    /// <summary>
    /// Sidecars that outlive the regular containers (SIM-017): one or two sidecars that run until stopped (ready at once or
    /// after 5 s) while every regular container exits, 0 or 1 each, 10 or 30 s after it starts, under Never or OnFailure.
    /// Where none is restarted the kubelet kills the pod (the sidecars stopped, last first) and the phase ends Succeeded or
    /// Failed; an exit 1 under OnFailure restarts instead. <see cref="Sidecars"/> reaches this in about one case in a hundred.
    /// </summary>
    public static Gen<ScenarioCase> SidecarsOutlive() =>
        from pod in Runnable
        from count in Gen.Elements(1, 2)
        from ready in Gen.Elements(TimeSpan.Zero, TimeSpan.FromSeconds(5))
        from policy in Gen.Elements("OnFailure", "Never")
        from exits in GenSequence.Indexed(pod.Spec.Containers.Count, _ => Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Constant(1))))
        from after in Gen.Elements(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30))
        let first = Unused(pod.Spec, "sidecar")
        let sidecars = count == 1 ? [first] : new[] { first, Unused(pod.Spec, "log-agent") }
        let spec = pod.Spec with
        {
            RestartPolicy = policy,
            InitContainers = [.. pod.Spec.InitContainers, .. sidecars.Select(n => new Container { Name = n, Image = "busybox", RestartPolicy = "Always" })],
        }
        let regular = pod.Spec.Containers.Select((c, i) => KeyValuePair.Create(c.Name, new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = exits[i], After = after }))))
        let side = sidecars.Select(n => KeyValuePair.Create(n, new ContainerScript(ValueList.Of(new ContainerRun { ReadyAfter = ready }))))
        select new ScenarioCase(
            pod with { Spec = spec },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(2),
                Pods = ValueMap.Of((pod.Metadata.Name, new PodScript { Containers = ValueMap.Create(regular.Concat(side)) })),
            });

    /// <summary>
    /// One regular container with a memory limit of 128Mi or 256Mi (its request defaults to it) that allocates, 5 s after
    /// each start, just above it or twice it (OOMKilled, exit 137: LIMIT-001), or exactly it or half (it fits), under every
    /// restart policy, so an OOM kill meets a restart decision (LIMIT-004, then the crash-loop back-off); one case in three
    /// has no limit, and the same allocations never kill it (LIMIT-003). ScenarioGen scripts allocations for few
    /// containers, and most of them have no limit. A limited container also has a CPU limit of 500m and uses 250m, 500m, 1
    /// or 2 CPUs: throttled or within the limit, never killed for it (LIMIT-002), which ScenarioGen reaches only where a
    /// generated pod happens to limit the CPU of the container it scripts.
    /// </summary>
    public static Gen<ScenarioCase> OutOfMemory() =>
        from pod in Runnable
        from index in Gen.Choose(0, pod.Spec.Containers.Count - 1)
        from limit in Gen.Elements(128L, 256L)
        from unlimited in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from use in Gen.Elements(limit + 1, limit * 2, limit, limit / 2)
        from cpu in Gen.Elements(CpuDemands.ToArray())
        from policy in Gen.Elements("Always", "OnFailure", "Never")
        let container = pod.Spec.Containers[index]
        let limited = unlimited ? container : container with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", CpuLimit), ("memory", Mebibytes(limit))) } }
        select new ScenarioCase(
            pod with { Spec = pod.Spec with { RestartPolicy = policy, Containers = pod.Spec.Containers.SetItem(index, limited) } },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(2),
                Pods = ValueMap.Of((pod.Metadata.Name, Script(container.Name, new ContainerRun { AllocateMemory = Mebibytes(use), UseCpu = unlimited ? null : cpu, After = TimeSpan.FromSeconds(5) }))),
            });

    /// <summary>The CPU limit of <see cref="OutOfMemory"/>'s limited container.</summary>
    private static readonly Model.Quantities.Quantity CpuLimit = Model.Quantities.Quantity.Parse("500m");

    /// <summary>What <see cref="OutOfMemory"/>'s limited container uses: below, at and above <see cref="CpuLimit"/>.</summary>
    private static IReadOnlyList<Model.Quantities.Quantity> CpuDemands { get; } = [.. new[] { "250m", "500m", "1", "2" }.Select(Model.Quantities.Quantity.Parse)];

    private static Model.Quantities.Quantity Mebibytes(long mi) => Model.Quantities.Quantity.Parse(mi.ToString(System.Globalization.CultureInfo.InvariantCulture) + "Mi");

    /// <summary>A running pod deleted with a grace period (default, 0, 5 or 30 s) under every restart policy, some containers already exited.</summary>
    public static Gen<ScenarioCase> Terminating() =>
        from pod in Runnable
        from grace in Gen.Elements<long?>(null, 0, 5, 30)
        from deleteAfter in Gen.Elements(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1))
        from policy in Gen.Elements("", "Always", "OnFailure", "Never")
        from exited in GenSequence.Indexed(pod.Spec.Containers.Count, _ => Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Elements<int?>(0, 1))))
        select new ScenarioCase(
            pod with { Spec = pod.Spec with { TerminationGracePeriodSeconds = grace, RestartPolicy = policy } },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(2),
                Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
                {
                    Containers = ValueMap.Create(pod.Spec.Containers.Zip(exited).Where(p => p.Second is not null)
                        .Select(p => KeyValuePair.Create(p.First.Name, new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = p.Second, After = TimeSpan.FromSeconds(2) }))))),
                    DeleteAfter = deleteAfter,
                })),
            });

    /// <summary>
    /// For ten minutes, one regular container cannot get its image: it is missing from the registry (ErrImagePull, then
    /// ImagePullBackOff with a doubling delay, BACKOFF-006/007), or its pull policy is Never and the node does not have it
    /// (ErrImageNeverPull, SIM-005, EVENT-009).
    /// </summary>
    public static Gen<ScenarioCase> PullFailures() =>
        from pod in Runnable
        from never in GenSequence.Bool
        from index in Gen.Choose(0, pod.Spec.Containers.Count - 1)
        select PullFailure(pod, index, never);

    /// <summary>
    /// <see cref="PullFailures"/>' ErrImageNeverPull half on its own: one regular container with pull policy Never on a
    /// node without its image (SIM-005's branch, EVENT-009), for ten minutes.
    /// </summary>
    public static Gen<ScenarioCase> NeverPulled() =>
        from pod in Runnable
        from index in Gen.Choose(0, pod.Spec.Containers.Count - 1)
        select PullFailure(pod, index, never: true);

    private static ScenarioCase PullFailure(Pod pod, int index, bool never)
    {
        var c = pod.Spec.Containers[index];
        return never
            ? new ScenarioCase(
                pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(index, c with { ImagePullPolicy = "Never" }) } },
                new Scenario { Until = TimeSpan.FromMinutes(10) })
            : new ScenarioCase(pod, new Scenario { Until = TimeSpan.FromMinutes(10), Images = new ImageCatalog { Missing = ValueList.Of(c.Image) } });
    }

    /// <summary>
    /// A regular init container (added first, or the pod's own first one) that exits non-zero one to three times before it
    /// succeeds, under restartPolicy Always or OnFailure: the kubelet restarts it with the crash-loop back-off before any
    /// other container starts (SIM-008's init branch, PHASE-007 while it retries, BACKOFF-002).
    /// </summary>
    public static Gen<ScenarioCase> InitRestarts() =>
        from pod in Runnable
        from policy in Gen.Elements("Always", "OnFailure")
        from failures in Gen.Choose(1, 3)
        from code in Gen.Elements(1, 2, 137)
        let existing = pod.Spec.InitContainers.FirstOrDefault(c => c.RestartPolicy is null)
        let init = existing ?? new Container { Name = Unused(pod.Spec, "init"), Image = "busybox" }
        let spec = pod.Spec with { RestartPolicy = policy, InitContainers = existing is null ? pod.Spec.InitContainers.Insert(0, init) : pod.Spec.InitContainers }
        select new ScenarioCase(
            pod with { Spec = spec },
            new Scenario
            {
                Until = TimeSpan.FromMinutes(5),
                Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
                {
                    Containers = ValueMap.Of((init.Name, new ContainerScript(
                        [.. Enumerable.Repeat(new ContainerRun { ExitCode = code, After = TimeSpan.FromSeconds(1) }, failures), new ContainerRun { ExitCode = 0, After = TimeSpan.FromSeconds(1) }]))),
                })),
            });

    private static PodScript Script(string container, ContainerRun run) =>
        new() { Containers = ValueMap.Of((container, new ContainerScript(ValueList.Of(run)))) };

    /// <summary><paramref name="name"/>, or with a digit appended until no container of the pod has it.</summary>
    internal static string Unused(PodSpec spec, string name)
    {
        string candidate = name;
        for (int i = 2; spec.InitContainers.Concat(spec.Containers).Any(c => c.Name == candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
