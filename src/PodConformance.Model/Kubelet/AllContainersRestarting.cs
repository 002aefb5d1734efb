using PodConformance.Model.Api;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// COND-009: the AllContainersRestarting condition the kubelet generates (status/generate.go
/// <c>GenerateAllContainersRestartingCondition</c>), from the runtime's instances of the pod's containers and the
/// condition of the previous API status. The kubelet's SyncPod restarts every container exactly when this says True
/// (SIM-016). <c>ShouldAllContainersRestart</c> and <c>AllContainersRestartCleanedUp</c> follow their v1.36.3 bodies
/// (pkg/kubelet/container/helpers.go) except the old-API-status branch, which decides nothing the old condition and the
/// runtime do not already decide in the kubelet's sequence (spec/conditions.md COND-009); the upstream table pins them.
/// </summary>
public static class AllContainersRestarting
{
    /// <summary>generate.go's reason for a restart in progress.</summary>
    public const string StartedReason = "RestartAllContainersStarted";

    /// <summary>generate.go's message for a restart in progress.</summary>
    public const string StartedMessage = "container exited with restart policy rule";

    /// <summary>One container instance the runtime still holds (name, whether it exited, and with what code).</summary>
    public readonly record struct Instance(string Name, bool Exited, int ExitCode);

    /// <summary>
    /// The condition (type, status, reason, message; no transition time) for a pod whose spec has a RestartAllContainers
    /// rule: terminal phases first (PodCompleted / PodFailed), then True while a restart is wanted and some instance
    /// of a spec container is still to be removed, else False with no reason.
    /// </summary>
    public static PodCondition Generate(PodSpec spec, IReadOnlyList<Instance> runtime, bool previouslyTrue, string phase)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(runtime);
        RuleCoverage.Hit(ConditionRules.AllContainersRestarting);
        if (string.Equals(phase, PodPhases.Succeeded, StringComparison.Ordinal))
        {
            return Condition("False", "PodCompleted", "");
        }

        if (string.Equals(phase, PodPhases.Failed, StringComparison.Ordinal))
        {
            return Condition("False", "PodFailed", "");
        }

        if (!ShouldRestart(spec, runtime, previouslyTrue) || CleanedUp(spec, runtime))
        {
            return Condition("False", "", "");
        }

        return Condition("True", StartedReason, StartedMessage);
    }

    /// <summary>
    /// <c>ShouldAllContainersRestart</c> (v1.36.3 without its old-API-status branch): the previous status already said True, or an exited instance of
    /// a container or init container matches, with its exit code, a rule whose action is RestartAllContainers.
    /// </summary>
    public static bool ShouldRestart(PodSpec spec, IReadOnlyList<Instance> runtime, bool previouslyTrue)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(runtime);
        if (previouslyTrue)
        {
            return true;
        }

        foreach (var instance in runtime)
        {
            if (instance.Exited && Find(spec, instance.Name) is { } container && Triggers(container, instance.ExitCode))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first rule matching <paramref name="exitCode"/> has the RestartAllContainers action.</summary>
    public static bool Triggers(Container container, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(container);
        return ContainerRestartPolicy.FindMatchingRule(container, exitCode) is { } rule
            && string.Equals(rule.Action, ContainerRestartPolicy.ActionRestartAllContainers, StringComparison.Ordinal);
    }

    /// <summary><c>AllContainersRestartCleanedUp</c> (v1.36.3): the runtime holds no instance of a spec container.</summary>
    public static bool CleanedUp(PodSpec spec, IReadOnlyList<Instance> runtime)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(runtime);
        foreach (var instance in runtime)
        {
            if (Find(spec, instance.Name) is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static Container? Find(PodSpec spec, string name)
    {
        foreach (var c in spec.Containers)
        {
            if (string.Equals(c.Name, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        foreach (var c in spec.InitContainers)
        {
            if (string.Equals(c.Name, name, StringComparison.Ordinal))
            {
                return c;
            }
        }

        return null;
    }

    private static PodCondition Condition(string status, string reason, string message) => new()
    {
        Type = PodConditionNames.AllContainersRestarting,
        Status = status,
        Reason = reason,
        Message = message,
    };
}
