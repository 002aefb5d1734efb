using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Cases;

/// <summary>What an adapter is asked to run: one quantity text, or pods with a scenario.</summary>
public abstract record ConformanceCase
{
    /// <summary>A short label for reports ("quantity \"1.5Gi\"", "pod web").</summary>
    public abstract string Describe();
}

/// <summary>Parse and print one quantity, taken exactly as given.</summary>
public sealed record QuantityCase(string Input) : ConformanceCase
{
    public override string Describe() => "quantity \"" + Input + "\"";
}

/// <summary>Create a Pod (and, for lifecycle rules, run it under <see cref="Scenario"/>).</summary>
public sealed record PodCase(Pod Pod, Scenario Scenario) : ConformanceCase
{
    public PodCase(Pod pod)
        : this(pod, new Scenario())
    {
    }

    /// <summary>
    /// The ConfigMaps, Secrets and Services of the pod's namespace (and any node/pod-IP facts) env reads. Optional and
    /// init-only so existing <c>new PodCase(pod, scenario)</c> calls keep compiling; null: none exist, and the node is
    /// the scenario's first.
    /// </summary>
    public EnvInputs? Objects { get; init; }

    /// <summary>
    /// Feature gates the case needs on top of the run's profile (an alpha behaviour such as RestartAllContainers, which
    /// the default profile leaves off): the runner gives the oracle and the adapter <see cref="ProfileFor"/>, so the
    /// process protocol's <c>profile.featureGates</c> carries them. Generators only set gates the run's release has and
    /// its <c>--feature-gates</c> did not turn off. Empty: the run's profile as it is.
    /// </summary>
    public ValueMap<bool> Gates { get; init; }

    /// <summary>
    /// The cluster's RuntimeClasses, for the RuntimeClass admission plugin (ADM-014…018); empty: none given, and a named
    /// class is then not checked (ADM-012). The model receives them, and a process adapter whose hello declares
    /// <c>runtime-classes</c> (<see cref="Adapters.Capability.RuntimeClasses"/>, PROTO-015's <c>objects.runtimeClasses</c>);
    /// any other adapter, and the real targets (which would have to create cluster-wide objects), answers such a case
    /// <see cref="Observations.Observation.Unperformed"/> (<see cref="BeyondRealTargets"/>, <see cref="BeyondProtocol"/>),
    /// except the cluster adapter run with <c>--cluster-scoped-objects</c>, which creates them (spec/adapter-cluster.md).
    /// </summary>
    public ValueList<Model.Admission.Objects.RuntimeClass> RuntimeClasses { get; init; }

    /// <summary>
    /// The cluster's own PriorityClasses (scheduling.k8s.io/v1, as <c>--objects</c> reads them), for the Priority admission
    /// plugin (ADM-040…044); besides them the cluster has only the two system classes (ADM-041), so a class the pod names
    /// that is in neither is refused (ADM-042; <see cref="Model.Admission.AdmissionObjects.PriorityClassesComplete"/>).
    /// Empty: none given, and the case needs no objects (a pod naming a system class or none is an ordinary case). Sent as
    /// <see cref="RuntimeClasses"/> are: to the model, to a process adapter whose hello declares <c>priority-classes</c>
    /// (<see cref="Adapters.Capability.PriorityClasses"/>, PROTO-015's <c>objects.priorityClasses</c>), to the cluster
    /// adapter with <c>--cluster-scoped-objects</c>; any other adapter answers the case "not performed".
    /// </summary>
    public ValueList<Model.Admission.Objects.PriorityClass> PriorityClasses { get; init; }

    /// <summary>
    /// The ServiceAccounts of the pod's namespace (core/v1, the fields the ServiceAccount admission plugin reads:
    /// automountServiceAccountToken, imagePullSecrets, secrets, annotations; ADM-030…036), all of them: the namespace's
    /// <c>default</c> account exists besides them, bare unless one of them is <c>default</c>, and an account the pod names
    /// that is in neither is refused (ADM-031; <see cref="Model.Admission.AdmissionObjects.ServiceAccountsComplete"/>).
    /// Each account's own namespace is not read: <see cref="AdmissionObjects"/> puts them in the pod's (a shrunk pod may
    /// have moved). Empty: none given, and a named account is assumed to exist with no settings (ADM-098). Sent as
    /// <see cref="PriorityClasses"/> are: to the model, to a process adapter whose hello declares <c>service-accounts</c>
    /// (<see cref="Adapters.Capability.ServiceAccounts"/>, PROTO-015's <c>objects.serviceAccounts</c>), to the cluster
    /// adapter (which creates the account the pod names in its run's namespace); any other adapter answers the case "not performed".
    /// </summary>
    public ValueList<Model.Admission.Objects.ServiceAccount> ServiceAccounts { get; init; }

    /// <summary>
    /// The admission objects the create reads: <see cref="RuntimeClasses"/>, <see cref="PriorityClasses"/> and
    /// <see cref="ServiceAccounts"/> (in the pod's namespace, ADM-002's <c>default</c> for an empty one), nothing else.
    /// </summary>
    public Model.Admission.AdmissionObjects AdmissionObjects()
    {
        if (RuntimeClasses.IsEmpty && PriorityClasses.IsEmpty && ServiceAccounts.IsEmpty)
        {
            return Model.Admission.AdmissionObjects.None;
        }

        var accounts = ServiceAccounts;
        if (!accounts.IsEmpty)
        {
            string ns = Pod.Metadata.Namespace.Length == 0 ? "default" : Pod.Metadata.Namespace;
            var rehomed = new Model.Admission.Objects.ServiceAccount[accounts.Count];
            for (int i = 0; i < rehomed.Length; i++)
            {
                rehomed[i] = accounts[i].Namespace == ns ? accounts[i] : accounts[i] with { Namespace = ns };
            }

            accounts = rehomed;
        }

        return new Model.Admission.AdmissionObjects
        {
            RuntimeClasses = RuntimeClasses,
            PriorityClasses = PriorityClasses,
            PriorityClassesComplete = !PriorityClasses.IsEmpty,
            ServiceAccounts = accounts,
            ServiceAccountsComplete = !accounts.IsEmpty,
        };
    }

    /// <summary>
    /// What of this case a process adapter with <paramref name="declared"/> capabilities is not sent, or null: RuntimeClass
    /// objects, sent only to an adapter that declared <see cref="Adapters.Capability.RuntimeClasses"/> (one that ignored
    /// <c>objects.runtimeClasses</c> would answer for a cluster without the classes, a false failure), and PriorityClass
    /// objects likewise (<see cref="Adapters.Capability.PriorityClasses"/>), and ServiceAccount objects
    /// (<see cref="Adapters.Capability.ServiceAccounts"/>).
    /// </summary>
    public string? BeyondProtocol(Adapters.Capability declared)
    {
        string? why = RuntimeClasses.IsEmpty || (declared & Adapters.Capability.RuntimeClasses) != 0
            ? null
            : NeedsRuntimeClasses() + ", which are sent only to an adapter whose hello declares the capability " + Adapters.CapabilityNames.ToName(Adapters.Capability.RuntimeClasses);
        if (!PriorityClasses.IsEmpty && (declared & Adapters.Capability.PriorityClasses) == 0)
        {
            string classes = NeedsPriorityClasses() + ", which are sent only to an adapter whose hello declares the capability " + Adapters.CapabilityNames.ToName(Adapters.Capability.PriorityClasses);
            why = why is null ? classes : why + "; " + classes;
        }

        if (!ServiceAccounts.IsEmpty && (declared & Adapters.Capability.ServiceAccounts) == 0)
        {
            string accounts = NeedsServiceAccounts() + ", which are sent only to an adapter whose hello declares the capability " + Adapters.CapabilityNames.ToName(Adapters.Capability.ServiceAccounts);
            why = why is null ? accounts : why + "; " + accounts;
        }

        return why;
    }

    private string RuntimeClassesWhy(string target) => NeedsRuntimeClasses() + ", which " + target + " is not given";

    private string NeedsRuntimeClasses() => "the case needs RuntimeClass objects (" + string.Join(",", RuntimeClasses.Select(r => r.Name)) + ")";

    private string NeedsPriorityClasses() => "the case needs PriorityClass objects (" + string.Join(",", PriorityClasses.Select(r => r.Name)) + ")";

    private string NeedsServiceAccounts() => "the case needs ServiceAccount objects (" + string.Join(",", ServiceAccounts.Select(r => r.Name)) + ")";

    /// <summary>
    /// What of this case a real target (podman, a live cluster) cannot act out, or null: scenario steps (a client's
    /// writes at given instants) and the case's own feature gates (the target's configuration decides those). Such a
    /// case is answered <see cref="Observations.Observation.Unperformed"/>: not checked, never a pass or a failure.
    /// </summary>
    public string? BeyondRealTargets(string target)
    {
        ArgumentNullException.ThrowIfNull(target);
        string? why = null;
        if (!Scenario.Steps.IsEmpty)
        {
            why = target + " performs no scenario steps (" + Scenario.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Scenario.Steps.Count == 1 ? " step" : " steps") + " in this case)";
        }

        if (!Gates.IsEmpty)
        {
            var names = new List<string>(Gates.Count);
            foreach (var (name, on) in Gates)
            {
                names.Add(name + "=" + (on ? "true" : "false"));
            }

            string gates = "the case needs feature gates " + string.Join(",", names) + ", which " + target + "'s own configuration decides";
            why = why is null ? gates : why + "; " + gates;
        }

        if (!RuntimeClasses.IsEmpty)
        {
            string classes = RuntimeClassesWhy(target);
            why = why is null ? classes : why + "; " + classes;
        }

        if (!PriorityClasses.IsEmpty)
        {
            string classes = NeedsPriorityClasses() + ", which " + target + " is not given";
            why = why is null ? classes : why + "; " + classes;
        }

        if (!ServiceAccounts.IsEmpty)
        {
            string accounts = NeedsServiceAccounts() + ", which " + target + " is not given";
            why = why is null ? accounts : why + "; " + accounts;
        }

        return why;
    }

    /// <summary>The run's <paramref name="profile"/> with <see cref="Gates"/> added as overrides.</summary>
    public Model.Profiles.Profile ProfileFor(Model.Profiles.Profile profile) => Generators.GateSwitch.Apply(profile, Gates);

    public override string Describe() => "pod " + (Pod.Metadata.Name.Length == 0 ? "<unnamed>" : Pod.Metadata.Name);

    /// <summary>
    /// The scenario a lifecycle run uses: <see cref="Scenario"/> with <see cref="Objects"/> (the pod namespace's ConfigMaps
    /// and Secrets, every Service) added to its objects first, so a pod that reads them starts as it would where they exist.
    /// </summary>
    public Scenario SimulatedScenario()
    {
        if (Objects is not { } o)
        {
            return Scenario;
        }

        string ns = Pod.Metadata.Namespace;
        var objects = new List<ClusterObject>();
        foreach (var (name, data) in o.ConfigMaps)
        {
            objects.Add(ClusterObject.ConfigMap(ns, name, data));
        }

        foreach (var (name, data) in o.Secrets)
        {
            objects.Add(ClusterObject.Secret(ns, name, data));
        }

        foreach (var s in o.Services ?? [])
        {
            objects.Add(ClusterObject.FromService(s));
        }

        return Scenario with { Objects = [.. objects, .. Scenario.Objects] };
    }
}

/// <summary>Pods on one node under a pressure episode (spec/scenario.md, NodeScenario): who is evicted, in which order.</summary>
public sealed record NodePressureCase(ValueList<Pod> Pods, NodeScenario Scenario) : ConformanceCase
{
    public override string Describe() => "node pressure on " + Scenario.Node.Name + " with " + Pods.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pods";
}
