using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Coverage;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Adapters;

/// <summary>The reference model as an adapter: the oracle every other adapter is compared with.</summary>
public sealed class ModelAdapter : IConformanceAdapter
{
    public string Name => "model";

    public Capability Capabilities => Capability.Quantity | Capability.Admission | Capability.Qos | Capability.Lifecycle | Capability.OomScore | Capability.Env | Capability.Eviction | Capability.Scheduling | Capability.RuntimeClasses | Capability.PriorityClasses | Capability.ServiceAccounts;

    public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Run(testCase, profile));

    public static Observation Run(ConformanceCase testCase, Profile profile) => testCase switch
    {
        QuantityCase q => new Observation { Quantity = ObserveQuantity(q.Input) },
        PodCase p => ObservePod(p, profile),
        NodePressureCase n => new Observation { Eviction = ObserveEviction(n, profile) },
        _ => Observation.Failed("unknown case type " + testCase.GetType().Name),
    };

    /// <summary>
    /// Every pod-level facet the model answers: admission, then (if admitted) lifecycle, OOM scores and env. The create
    /// runs once for all of them; the facets past admission are computed when first read (a property reads one or two),
    /// except while rule coverage is recorded, whose scope is this call.
    /// </summary>
    public static Observation ObservePod(PodCase p, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(p);
        var created = PodCreate.Run(p.Pod, profile, p.AdmissionObjects(), PodCreateStages.Real);
        var admission = Admission(p.Pod, created, deferDefaults: !RuleCoverage.IsRecording);
        if (!admission.Accepted)
        {
            return new Observation { Admission = admission, Lifecycle = new LifecycleObservation { Rejected = true } };
        }

        var stored = created.Stored;
        if (RuleCoverage.IsRecording)
        {
            return new Observation
            {
                Admission = admission,
                Lifecycle = ObserveLifecycle(p, created, profile),
                OomScore = ObserveOomScores(p, stored, profile),
                Env = ObserveEnv(p, stored, profile),
            };
        }

        return Observation.Deferring(admission, () => ObserveLifecycle(p, created, profile), () => ObserveOomScores(p, stored, profile), () => ObserveEnv(p, stored, profile));
    }

    /// <summary>The simulated lifecycle of the pod <paramref name="created"/> stored (the simulator does not create it again).</summary>
    private static LifecycleObservation ObserveLifecycle(PodCase p, PodCreateResult created, Profile profile) =>
        LifecycleObserver.FromSimulation(Model.Simulation.PodSimulator.RunCreated(p.Pod, created, p.SimulatedScenario(), profile), p.Pod.Metadata.Name);

    /// <summary>
    /// The environment of every init and regular container as the kubelet builds it on the scenario's first node,
    /// Secret-sourced values masked (ENV-010): observations end up in reports. A container that cannot start has its
    /// CreateContainerConfigError message in <see cref="EnvObservation.Errors"/> instead.
    /// </summary>
    public static EnvObservation ObserveEnv(PodCase p, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(p);
        return ObserveEnv(p, PodCreate.Run(p.Pod, profile).Stored, profile);
    }

    /// <summary>The same, from the pod as the create stored it (<see cref="PodCreate.Run(Pod, Profile)"/> of the case's pod).</summary>
    private static EnvObservation ObserveEnv(PodCase p, Pod stored, Profile profile)
    {
        var node = p.Scenario.EffectiveNodes[0];
        var pod = stored with
        {
            Metadata = stored.Metadata.Namespace.Length == 0 ? stored.Metadata with { Namespace = "default" } : stored.Metadata,
            Spec = stored.Spec.NodeName.Length == 0 ? stored.Spec with { NodeName = node.Name } : stored.Spec,
        };
        // The case's env objects as given; without them, the scenario's objects as the simulated kubelet reads them (SIM-014).
        var inputs = p.Objects ?? Model.Simulation.ClusterObject.InputsFor(p.Scenario.Objects, pod.Metadata.Namespace, EnvInputs.Empty);
        // ENV-015: a running pod has an IP: the case's, else the scenario's podIPs for the pod, else the simulator's default.
        inputs = inputs with { Node = inputs.Node ?? node, PodIPs = inputs.PodIPs.IsEmpty ? p.Scenario.PodIPsFor(pod.Metadata.Name) : inputs.PodIPs };
        var containers = new List<(string, Model.Collections.ValueMap<string>)>();
        var errors = new List<(string, string)>();
        var notChecked = new List<(string, Model.Collections.ValueList<string>)>();
        foreach (var c in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
        {
            var env = ContainerView.Build(pod, c, inputs, profile);
            if (env.OutcomeNotChecked)
            {
                // ENV-019: a file the case does not give; what depends on it is not compared.
                notChecked.Add((c.Name, Model.Collections.ValueList.Of([.. env.Variables.Where(v => v.NotChecked).Select(v => v.Name)])));
            }

            if (env.Error is { } error)
            {
                errors.Add((c.Name, error.Message));
                continue;
            }

            containers.Add((c.Name, Model.Collections.ValueMap.Of([.. env.Variables.Select(v => (v.Name, v.Display()))])));
        }

        return new EnvObservation(Model.Collections.ValueMap.Of([.. containers]), Model.Collections.ValueMap.Of([.. errors]))
        {
            NotChecked = Model.Collections.ValueMap.Of([.. notChecked]),
        };
    }

    /// <summary>The eviction order of the episode (one pod per cycle) and the critical pods it can never take (EVICT-007).</summary>
    public static EvictionObservation ObserveEviction(NodePressureCase n, Profile profile)
    {
        var pods = n.Pods.Select(p => PodDefaulter.Apply(p, profile)).ToList();
        var run = Model.Simulation.NodePressureSimulator.Run(pods, n.Scenario, profile);
        return new EvictionObservation(run.Order, [.. pods.Where(Model.Simulation.NodePressureSimulator.IsCritical).Select(p => p.Metadata.Name)]);
    }

    /// <summary>oom_score_adj of every init and regular container, against the first node's memory capacity.</summary>
    public static OomScoreObservation ObserveOomScores(PodCase p, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(p);
        return ObserveOomScores(p, PodCreate.Run(p.Pod, profile).Stored, profile);
    }

    /// <summary>The same, from the pod as the create stored it.</summary>
    private static OomScoreObservation ObserveOomScores(PodCase p, Pod stored, Profile profile)
    {
        // The kubelet's copy of the created pod carries source api whatever the author wrote (OOM-008, PodSources).
        var pod = Model.Kubelet.PodSources.FromApiServer(stored);
        var node = p.Scenario.EffectiveNodes[0];
        long capacity = node.Capacity.TryGetValue("memory", out var mem) ? mem.Value() : 8L * 1024 * 1024 * 1024;
        var scores = new List<(string, int)>();
        foreach (var c in pod.Spec.InitContainers)
        {
            scores.Add((c.Name, Model.Oom.OomScoreAdjust.ForContainer(pod, c, capacity, profile).Score));
        }

        foreach (var c in pod.Spec.Containers)
        {
            scores.Add((c.Name, Model.Oom.OomScoreAdjust.ForContainer(pod, c, capacity, profile).Score));
        }

        return new OomScoreObservation(Model.Collections.ValueMap.Of([.. scores]));
    }

    public static QuantityObservation ObserveQuantity(string input)
    {
        if (!Quantity.TryParse(input, out var q, out var error))
        {
            return new QuantityObservation(false, "", "", "", 0, 0, Quantity.ErrorText(error));
        }

        return new QuantityObservation(true, q.ToString(), q.ToCanonicalString(), q.Format.ToString(), q.MilliValue(), q.Value(), "");
    }

    /// <summary>
    /// The create path as the API server runs it (PodCreate, ADM-001): defaulting, admission plugins, PrepareForCreate
    /// (status.qosClass), validation. The stored object is reported as the cluster adapter reports a dry-run create's:
    /// metadata the request decides (namespace, name, generateName) as the manifest had it, no status.
    /// </summary>
    public static AdmissionObservation ObserveAdmission(PodCase testCase, Profile profile)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        return ObserveAdmission(testCase.Pod, profile, PodCreateStages.Real, testCase.AdmissionObjects());
    }

    /// <summary>The same, with some create stages replaced (the mutation self-check's seam).</summary>
    public static AdmissionObservation ObserveAdmission(Pod pod, Profile profile, PodCreateStages stages) => ObserveAdmission(pod, profile, stages, AdmissionObjects.None);

    /// <summary>The same, with the cluster objects the plugins read (a case's RuntimeClasses).</summary>
    public static AdmissionObservation ObserveAdmission(Pod pod, Profile profile, PodCreateStages stages, AdmissionObjects objects)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return Admission(pod, PodCreate.Run(pod, profile, objects, stages), deferDefaults: false);
    }

    /// <summary>The admission facet of a create's result; <paramref name="deferDefaults"/> flattens the stored pod when first read.</summary>
    private static AdmissionObservation Admission(Pod pod, PodCreateResult created, bool deferDefaults)
    {
        if (created.Rejection is { } rejection)
        {
            if (rejection.Validation is not { } validation)
            {
                return new AdmissionObservation { Accepted = false, Errors = [rejection.Message] };
            }

            var errors = new string[validation.Errors.Count];
            for (int i = 0; i < errors.Length; i++)
            {
                errors[i] = validation.Errors[i].ToString();
            }

            return new AdmissionObservation { Accepted = false, Errors = errors };
        }

        var stored = created.Stored;
        var sent = pod.Metadata;
        var comparable = stored with
        {
            Metadata = stored.Metadata with
            {
                Namespace = sent.Namespace,
                Name = sent.Name.Length == 0 ? "" : stored.Metadata.Name,
                GenerateName = sent.GenerateName,
            },
            Status = null,
        };
        string qosClass = stored.Status?.QosClass ?? "";
        return deferDefaults
            ? AdmissionObservation.AcceptedDeferring(qosClass, () => PodFields.Flatten(comparable))
            : new AdmissionObservation { Accepted = true, QosClass = qosClass, Defaults = PodFields.Flatten(comparable) };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
