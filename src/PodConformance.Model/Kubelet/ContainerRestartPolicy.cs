using PodConformance.Model.Api;
using PodConformance.Model.Coverage;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Kubelet;

/// <summary>
/// Whether a container that exited will be restarted: upstream <c>podutil.ContainerShouldRestart</c>
/// (pkg/api/v1/pod/util.go, KEP-5307), with its RestartAllContainers action (PHASE-015, read at 1.35/1.36).
/// </summary>
public static class ContainerRestartPolicy
{
    public const string Always = "Always";
    public const string OnFailure = "OnFailure";
    public const string Never = "Never";

    /// <summary>Rule actions of <c>restartPolicyRules[].action</c>.</summary>
    public const string ActionRestart = "Restart";
    public const string ActionRestartAllContainers = "RestartAllContainers";

    /// <summary>Exit-code operators of <c>restartPolicyRules[].exitCodes.operator</c>.</summary>
    public const string OperatorIn = "In";
    public const string OperatorNotIn = "NotIn";

    /// <summary>
    /// PHASE-013: a container with its own restartPolicy checks its rules first (the first rule whose exit codes
    /// match decides; only <c>Restart</c> restarts, any other action falls through), then its own policy; a container
    /// without one, or with an unrecognised one, uses the pod's policy, where empty or unknown means Always.
    /// PHASE-015: with RestartAllContainersOnContainerExits on, a matching <c>RestartAllContainers</c> rule also
    /// restarts — the container is restarted together with the rest of the pod.
    /// </summary>
    public static bool ShouldRestart(Container container, PodSpec pod, int exitCode, Profile profile)
    {
        if (container.RestartPolicy is { } own)
        {
            var rule = FindMatchingRule(container, exitCode);
            if (rule is not null)
            {
                if (string.Equals(rule.Action, ActionRestart, StringComparison.Ordinal))
                {
                    RuleCoverage.Hit(PhaseRules.ContainerShouldRestart, "a container rule restarts");
                    return true;
                }

                if (string.Equals(rule.Action, ActionRestartAllContainers, StringComparison.Ordinal)
                    && profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits))
                {
                    RuleCoverage.Hit(PhaseRules.RestartAllContainersAction);
                    return true;
                }
            }

            switch (own)
            {
                case Always:
                    RuleCoverage.Hit(PhaseRules.ContainerShouldRestart, "the container's own policy");
                    return true;
                case OnFailure:
                    RuleCoverage.Hit(PhaseRules.ContainerShouldRestart, "the container's own policy");
                    return exitCode != 0;
                case Never:
                    RuleCoverage.Hit(PhaseRules.ContainerShouldRestart, "the container's own policy");
                    return false;
            }
        }

        RuleCoverage.Hit(PhaseRules.ContainerShouldRestart, pod.RestartPolicy switch
        {
            Always => "pod policy Always",
            OnFailure => exitCode == 0 ? "pod policy OnFailure after exit 0" : "pod policy OnFailure after a failure",
            Never => "pod policy Never",
            _ => "pod policy Always",
        });
        return pod.RestartPolicy switch
        {
            Always => true,
            OnFailure => exitCode != 0,
            Never => false,
            _ => true,
        };
    }

    /// <summary>The first rule whose <c>exitCodes</c> match; rules without <c>exitCodes</c> never match.</summary>
    public static ContainerRestartRule? FindMatchingRule(Container container, int exitCode)
    {
        foreach (var rule in container.RestartPolicyRules)
        {
            if (rule.ExitCodes is not { } codes)
            {
                continue;
            }

            bool listed = Contains(codes.Values.AsSpan(), exitCode);
            if ((string.Equals(codes.Operator, OperatorIn, StringComparison.Ordinal) && listed)
                || (string.Equals(codes.Operator, OperatorNotIn, StringComparison.Ordinal) && !listed))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>podutil.IsRestartableInitContainer: an init container with <c>restartPolicy: Always</c> is a sidecar.</summary>
    public static bool IsSidecar(Container initContainer) => initContainer.IsSidecarPolicy;

    private static bool Contains(ReadOnlySpan<int> values, int code)
    {
        foreach (int v in values)
        {
            if (v == code)
            {
                return true;
            }
        }

        return false;
    }
}
