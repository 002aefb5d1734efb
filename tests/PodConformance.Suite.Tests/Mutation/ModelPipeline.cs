using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Events;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Simulation;
using PodConformance.Model.Validation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// <see cref="ModelAdapter"/>'s pipeline with a seam at every stage where a rule lives, so a mutant swaps one stage
/// and the rest runs for real (a bent default flows into validation and QoS, a bent policy into the simulator).
/// Unbent, it observes exactly what the model adapter does (checked by a test). The simulator exposes no seam for
/// its internal rules (backoff, phase), so those are bent on its snapshots or, last resort, on the observation.
/// </summary>
internal sealed record ModelPipeline
{
    public static ModelPipeline Real { get; } = new();

    /// <summary>Parse and print one quantity (the printing rules live inside <c>Quantity</c>, no seam).</summary>
    public Func<string, QuantityObservation> Quantity { get; init; } = ModelAdapter.ObserveQuantity;

    /// <summary>
    /// Decode defaulting (SetObjectDefaults_Pod) only, the stage PodCreate lets a caller replace: PodCreate runs the create
    /// strategy's part itself (PrepareForCreate), so a stage built on PodDefaulter.Apply would run it twice.
    /// </summary>
    public Func<Pod, Profile, Pod> Default { get; init; } = PodDefaulter.Decode;

    /// <summary>
    /// The create strategy's defaulting part of PrepareForCreate (null: the model's own, which also logs its changes);
    /// a replacement builds on <see cref="PodDefaulter.CreateStrategyDefaults(Pod, Profile)"/>.
    /// </summary>
    public Func<Pod, Profile, Pod>? CreateStrategy { get; init; }

    /// <summary>
    /// Like <see cref="CreateStrategy"/> (and instead of it), also given the pod as sent: dropDisabledFields' container part
    /// runs before this seam, so a mutant that skips one of those drops takes the field back from the pod sent.
    /// </summary>
    public Func<Pod, Pod, Profile, Pod>? CreateStrategyWithSent { get; init; }

    /// <summary>Create-time validation of the defaulted pod.</summary>
    public Func<Pod, Profile, ValidationResult> Validate { get; init; } = PodValidator.Validate;

    /// <summary>Whether the validating admission plugin of that name runs (null: every one; a mutant skips one).</summary>
    public Func<string, bool>? RunsValidatingPlugin { get; init; }

    /// <summary>Replaces the cluster objects the plugins read (PodCreateStages.Objects).</summary>
    public Func<AdmissionObjects, AdmissionObjects>? Objects { get; init; }

    /// <summary>status.qosClass from the defaulted spec.</summary>
    public Func<PodSpec, Profile, QosClass> Qos { get; init; } = QosCalculator.ComputePodQos;

    /// <summary>oom_score_adj of one container of the defaulted pod, given the node's memory capacity.</summary>
    public Func<Pod, Container, long, Profile, int> OomScore { get; init; } = (pod, c, capacity, profile) => OomScoreAdjust.ForContainer(pod, c, capacity, profile).Score;

    /// <summary>The rules the simulator calls internally (scheduler plugins, container status rules): bent here, they act inside the run.</summary>
    public SimulatorRules Simulator { get; init; } = SimulatorRules.Default;

    /// <summary>The pod the simulator is given (where a kubelet policy can be bent through its input).</summary>
    public Func<Pod, Pod> SimulatedPod { get; init; } = p => p;

    /// <summary>The scenario the simulator is given (where a scheduler filter can be bent through the nodes).</summary>
    public Func<Scenario, Scenario> SimulatedScenario { get; init; } = s => s;

    /// <summary>Each snapshot the simulator published, before it is sampled (where status-computing rules are bent).</summary>
    public Func<Pod, Profile, Pod> Snapshot { get; init; } = (p, _) => p;

    /// <summary>The sample of a snapshot (where the printer's cells are bent, from the same snapshot).</summary>
    public Func<Pod, StatusSample, StatusSample> Sample { get; init; } = (_, s) => s;

    /// <summary>Each event the simulator recorded.</summary>
    public Func<PodEvent, Profile, PodEvent> Event { get; init; } = (e, _) => e;

    /// <summary>The finished lifecycle observation: the decorator of last resort.</summary>
    public Func<LifecycleObservation, LifecycleObservation> Lifecycle { get; init; } = l => l;

    /// <summary>The pod whose environment is resolved.</summary>
    public Func<Pod, Pod> EnvPod { get; init; } = p => p;

    /// <summary>The profile the environment is resolved under (ModelAdapter.ObserveEnv creates the pod again under it; the admission facet keeps the real one).</summary>
    public Func<Profile, Profile> EnvProfile { get; init; } = p => p;

    /// <summary>Each defaulted pod of a node-pressure episode as the eviction manager sees it (the critical-pod list is taken from the unbent pod).</summary>
    public Func<Pod, Pod> EvictionPod { get; init; } = p => p;

    public Observation Run(ConformanceCase testCase, Profile profile) => testCase switch
    {
        QuantityCase q => new Observation { Quantity = Quantity(q.Input) },
        PodCase p => ObservePod(p, profile),
        NodePressureCase n => new Observation { Eviction = ObserveEviction(n, profile) },
        _ => Observation.Failed("unknown case type " + testCase.GetType().Name),
    };

    private Observation ObservePod(PodCase p, Profile profile)
    {
        var admission = ModelAdapter.ObserveAdmission(p.Pod, profile, StagesFor(p.Pod), p.AdmissionObjects());
        if (!admission.Accepted)
        {
            return new Observation { Admission = admission, Lifecycle = new LifecycleObservation { Rejected = true } };
        }

        var sim = PodSimulator.Run([SimulatedPod(p.Pod)], SimulatedScenario(p.SimulatedScenario()), profile, p.AdmissionObjects(), rules: Simulator);
        return new Observation
        {
            Admission = admission,
            Lifecycle = Lifecycle(ObserveLifecycle(sim, p.Pod.Metadata.Name, profile)),
            OomScore = ObserveOomScores(p, profile),
            Env = ModelAdapter.ObserveEnv(p with { Pod = EnvPod(p.Pod) }, EnvProfile(profile)),
        };
    }

    /// <summary>The model's create (PodCreate) of <paramref name="sent"/> with this pipeline's defaulting, validation and QoS stages.</summary>
    private PodCreateStages StagesFor(Pod sent) => new()
    {
        Defaulting = Default,
        CreateStrategy = CreateStrategyWithSent is { } withSent ? (pod, profile) => withSent(sent, pod, profile) : CreateStrategy,
        Validation = Validate,
        Qos = Qos,
        RunsValidatingPlugin = RunsValidatingPlugin,
        Objects = Objects,
    };


    private LifecycleObservation ObserveLifecycle(SimulationResult sim, string podName, Profile profile)
    {
        var samples = new List<StatusSample>();
        foreach (var s in sim.For(podName))
        {
            var pod = Snapshot(s.Pod, profile);
            var sample = Sample(pod, LifecycleObserver.Sample(s.Time - sim.Start, pod, s.Kind == SnapshotKind.Deleted));
            if (samples.Count > 0 && samples[^1] with { Offset = sample.Offset } == sample)
            {
                continue;
            }

            samples.Add(sample);
        }

        var events = sim.EventsFor(podName)
            .Select(e => Event(e, profile))
            .Select(e => new EventSample(e.FirstTimestamp - sim.Start, e.Type.ToString(), e.Reason, e.Message));
        return new LifecycleObservation { Samples = [.. samples], Events = [.. events] };
    }

    /// <summary><see cref="ModelAdapter.ObserveEviction"/> with the pods bent on their way to the simulator.</summary>
    private EvictionObservation ObserveEviction(NodePressureCase n, Profile profile)
    {
        var pods = n.Pods.Select(p => PodDefaulter.Apply(p, profile)).ToList();
        var run = NodePressureSimulator.Run([.. pods.Select(EvictionPod)], n.Scenario, profile);
        return new EvictionObservation(run.Order, [.. pods.Where(NodePressureSimulator.IsCritical).Select(p => p.Metadata.Name)]);
    }

    private OomScoreObservation ObserveOomScores(PodCase p, Profile profile)
    {
        // As ModelAdapter: the kubelet scores its copy of the stored pod, whose config.source is api (OOM-008).
        var pod = Model.Kubelet.PodSources.FromApiServer(PodCreate.Run(p.Pod, profile, AdmissionObjects.None, StagesFor(p.Pod)).Stored);
        var node = p.Scenario.EffectiveNodes[0];
        long capacity = node.Capacity.TryGetValue("memory", out var mem) ? mem.Value() : 8L * 1024 * 1024 * 1024;
        var scores = pod.Spec.InitContainers.Concat(pod.Spec.Containers).Select(c => (c.Name, OomScore(pod, c, capacity, profile)));
        return new OomScoreObservation(Model.Collections.ValueMap.Of([.. scores]));
    }
}

/// <summary>A pipeline as an adapter, under the mutant's name.</summary>
internal sealed class PipelineAdapter(string name, ModelPipeline pipeline) : IConformanceAdapter
{
    public string Name => name;

    public Capability Capabilities => new ModelAdapter().Capabilities;

    public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken) =>
        ValueTask.FromResult(pipeline.Run(testCase, profile));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
