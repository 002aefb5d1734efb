using PodConformance.Model.Api;
using PodConformance.Model.Events;
using PodConformance.Model.Eviction;
using PodConformance.Model.Kubelet;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>Mutants of the restart-all and disk-pressure rules the generators reach since session 5 (RestartAllGen, SignalPressureGen).</summary>
internal static partial class Mutants
{
    private static IEnumerable<Mutant> NodeSignals()
    {
        yield return new Mutant(
            "restart-all-restarts-one", "restart", "SIM-016",
            "a RestartAllContainers rule restarts only the container that exited (as a Restart rule), not the whole pod",
            Injection.Stage,
            ModelPipeline.Real with { SimulatedPod = p => MapContainers(p, c => c with { RestartPolicyRules = [.. c.RestartPolicyRules.Select(AsRestart)] }) });

        yield return new Mutant(
            "restart-all-kill-default-message", "restart", "SIM-016",
            "the kill before a RestartAllContainers removal says killContainer's default \"Stopping container X\" (SyncPod passes \"killing\")",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Event = (e, _) => e.Reason == EventReasons.Killing && e.Message == EventCatalog.RestartAllKillMessage && e.FieldPath is { } path
                    ? e with { Message = "Stopping container " + NameIn(path) }
                    : e,
            })
        {
            Target = "P-LIFE-EVENTS",
        };

        yield return new Mutant(
            "evict-disk-ignores-local-volumes", "eviction", EvictionRules.DiskStatsSets,
            "disk signals leave out local volumes (emptyDir, hostPath, configMap): only writable layers and logs are measured",
            Injection.Stage,
            ModelPipeline.Real with { EvictionPod = p => p with { Spec = p.Spec with { Volumes = default } } });

        yield return new Mutant(
            "evict-disk-ignores-storage-requests", "eviction", EvictionRules.DiskRanking,
            "disk-pressure ranking ignores ephemeral-storage requests: every pod exceeds its request by its whole disk use",
            Injection.Stage,
            ModelPipeline.Real with { EvictionPod = p => MapContainers(p, c => c with { Resources = c.Resources with { Requests = c.Resources.Requests.Remove("ephemeral-storage") } }) });
    }

    private static ContainerRestartRule AsRestart(ContainerRestartRule rule) =>
        rule.Action == ContainerRestartPolicy.ActionRestartAllContainers ? rule with { Action = ContainerRestartPolicy.ActionRestart } : rule;
}
