using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Scheduling;
using PodConformance.Model.Simulation;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>Mutants of issue 11's lifecycle and node rules, bent through the simulator's rule seam (<see cref="SimulatorRules"/>).</summary>
internal static partial class Mutants
{
    private static IEnumerable<Mutant> LifecycleFidelity()
    {
        yield return new Mutant(
            "restart-pull-shows-creating", "container status", PhaseRules.KeepsTerminatedUntilRestart,
            "a restart that pulls its image shows waiting ContainerCreating instead of the exited instance (the phase falls back to Pending)",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { KeepsTerminatedState = (_, _) => false } });

        yield return new Mutant(
            "config-errors-ignored", "env", EnvRules.ConfigError,
            "a container whose ConfigMap, Secret or key is missing starts anyway (no CreateContainerConfigError)",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { ContainerConfig = (_, _, _, _) => null } });

        yield return new Mutant(
            "config-subpath-unchecked", "env", ExpandRules.SubPathExpr,
            "subPathExpr is not expanded strictly: a mount over an undefined or empty variable does not stop the container",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { ContainerConfig = (pod, c, inputs, profile) => EnvironmentBuilder.Build(pod, c, inputs, profile).Error } });

        yield return new Mutant(
            "hostname-ignores-fqdn", "env", EnvRules.KernelHostname,
            "setHostnameAsFQDN is ignored: HOSTNAME stays the short hostname",
            Injection.Stage,
            ModelPipeline.Real with { EnvPod = p => p with { Spec = p.Spec with { SetHostnameAsFQDN = null } } });

        yield return new Mutant(
            "hostname-ignores-spec-hostname", "env", EnvRules.Hostname,
            "spec.hostname is ignored: HOSTNAME is the pod's name",
            Injection.Stage,
            ModelPipeline.Real with { EnvPod = p => p with { Spec = p.Spec with { Hostname = "" } } });

        // HostnameGen sets spec.hostnameOverride in a third of P-ENV-HOSTNAME's cases (session 16).
        yield return new Mutant(
            "hostname-ignores-override", "env", EnvRules.Hostname,
            "spec.hostnameOverride is ignored: HOSTNAME comes from spec.hostname, spec.subdomain and the pod's name",
            Injection.Stage,
            ModelPipeline.Real with { EnvPod = p => p with { Spec = p.Spec with { HostnameOverride = null } } });

        yield return new Mutant(
            "sched-gates-ignored", "scheduling", SchedulingRules.SchedulingGates,
            "the scheduler tries a pod that still has scheduling gates",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { PreEnqueue = _ => null } } });

        yield return new Mutant(
            "sched-no-gated-condition", "scheduling", SchedulingRules.GatedCondition,
            "the API server creates a gated pod without PodScheduled=False/SchedulingGated (STATUS reads Pending)",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { GatedCondition = (_, _) => null } });

        yield return new Mutant(
            "sched-taints-ignored", "scheduling", SchedulingRules.Taints,
            "the TaintToleration filter is left out: NoSchedule/NoExecute taints no longer keep pods away",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Where(f => f is not TaintTolerationPlugin)] } } });

        yield return new Mutant(
            "sched-selector-ignored", "scheduling", SchedulingRules.NodeSelector,
            "the NodeAffinity filter is left out: nodeSelector labels are not required",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Where(f => f is not NodeAffinityPlugin)] } } });

        yield return new Mutant(
            "sched-affinity-ignored", "scheduling", SchedulingRules.NodeSelector,
            "NodeAffinity reads the nodeSelector only: required node affinity (expressions, node names, conflicts) is ignored",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Select(f => f is NodeAffinityPlugin ? new SelectorOnlyNodeAffinity() : f)] } } });

        yield return new Mutant(
            "sched-spread-ignored", "scheduling", SchedulingRules.TopologySpread,
            "the PodTopologySpread filter is left out: DoNotSchedule constraints and their topology labels are not required",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Where(f => f is not PodTopologySpreadPlugin)] } } });

        yield return new Mutant(
            "sched-declared-features-ignored", "scheduling", SchedulingRules.DeclaredFeatures,
            "the NodeDeclaredFeatures filter is left out: a pod needing RestartAllContainersOnContainerExits lands on a node that does not declare it",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Where(f => f is not NodeDeclaredFeaturesPlugin)] } } });

        yield return new Mutant(
            "sched-gate-removal-ignored", "scheduling", SchedulingRules.GateRemoval,
            "a client's update that removes a pod's scheduling gates is lost: the pod stays SchedulingGated and is never scheduled",
            Injection.Stage,
            ModelPipeline.Real with { SimulatedScenario = s => s with { Steps = [.. s.Steps.Where(step => step.RemoveSchedulingGates is null)] } });

        yield return new Mutant(
            "sched-prefilter-result-ignored", "scheduling", SchedulingRules.PreFilterNodes,
            "NodeAffinity's PreFilterResult is dropped: nodes outside the pod's metadata.name terms are filtered one by one (didn't match Pod's node affinity/selector) instead of didn't satisfy plugin(s) [NodeAffinity]",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Select(f => f is NodeAffinityPlugin ? new NodeAffinityWithoutPreFilter(keepsConflict: true) : f)] } } });

        yield return new Mutant(
            "sched-prefilter-conflict-ignored", "scheduling", SchedulingRules.PreFilterRejection,
            "NodeAffinity's PreFilter does not reject terms whose node names conflict: every node is filtered (didn't match Pod's node affinity/selector) instead of pod affinity terms conflict",
            Injection.Stage,
            ModelPipeline.Real with { Simulator = SimulatorRules.Default with { Scheduler = SchedulerProfile.Default with { Filters = [.. DefaultFilters.All.Select(f => f is NodeAffinityPlugin ? new NodeAffinityWithoutPreFilter(keepsConflict: false) : f)] } } });
    }

    /// <summary>
    /// The real NodeAffinity plugin with its PreFilter bent: no PreFilterResult (every node is filtered), and, unless
    /// <c>keepsConflict</c>, no rejection of conflicting node-name terms either.
    /// </summary>
    private sealed class NodeAffinityWithoutPreFilter(bool keepsConflict) : IFilterPlugin
    {
        public string Name => NodeAffinityPlugin.PluginName;

        public string Rule => SchedulingRules.NodeSelector;

        public FilterStatus? PreFilter(SchedulingPod pod) =>
            NodeAffinityPlugin.Instance.PreFilter(pod) is { IsRejection: true } && !keepsConflict ? null : NodeAffinityPlugin.Instance.PreFilter(pod);

        public FilterStatus? Filter(SchedulingPod pod, NodeInfo node) => NodeAffinityPlugin.Instance.Filter(pod, node);

        public IReadOnlyCollection<string>? PreFilterNodeNames(SchedulingPod pod) => keepsConflict ? null : NodeAffinityPlugin.Instance.PreFilterNodeNames(pod);
    }

    /// <summary>NodeAffinity as it was before required affinity: the real plugin run on the pod with its affinity removed.</summary>
    private sealed class SelectorOnlyNodeAffinity : IFilterPlugin
    {
        public string Name => NodeAffinityPlugin.PluginName;

        public string Rule => SchedulingRules.NodeSelector;

        public FilterStatus? PreFilter(SchedulingPod pod) => NodeAffinityPlugin.Instance.PreFilter(Blind(pod));

        public FilterStatus? Filter(SchedulingPod pod, NodeInfo node) => NodeAffinityPlugin.Instance.Filter(Blind(pod), node);

        private static SchedulingPod Blind(SchedulingPod pod) => SchedulingPod.For(pod.Pod with { Spec = pod.Spec with { Affinity = null } }, pod.Profile);
    }
}
