namespace PodConformance.Model.Kubelet;

/// <summary>Spec rule IDs of spec/conditions.md (pkg/kubelet/status/generate.go and generateAPIPodStatus).</summary>
public static class ConditionRules
{
    /// <summary>Order and ownership: kept foreign conditions, then PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.</summary>
    public const string OrderAndOwnership = "COND-001";

    /// <summary>PodReadyToStartContainers: True when the sandbox is ready and networked (gate PodReadyToStartContainersCondition).</summary>
    public const string ReadyToStartContainers = "COND-002";

    /// <summary>Initialized: init containers done (ready / sidecar started), or a regular container has started.</summary>
    public const string Initialized = "COND-003";

    /// <summary>ContainersReady: sidecars and regular containers all ready; terminal phases force False.</summary>
    public const string ContainersReady = "COND-004";

    /// <summary>Ready: ContainersReady copied when not True, then every readiness gate must be True.</summary>
    public const string Ready = "COND-005";

    /// <summary>PodScheduled: the kubelet always writes True.</summary>
    public const string PodScheduled = "COND-006";

    /// <summary>lastTransitionTime is kept while a condition's status does not change (status manager).</summary>
    public const string TransitionTime = "COND-007";

    /// <summary>Messages list container names in spec order, Go-slice style: <c>[a b]</c>, joined by <c>, </c>.</summary>
    public const string MessageFormat = "COND-008";

    /// <summary>AllContainersRestarting (RestartAllContainersOnContainerExits): True while a restart-all is in progress.</summary>
    public const string AllContainersRestarting = "COND-009";
}
