namespace PodConformance.Model.Backoff;

/// <summary>Spec rule IDs of spec/backoff.md.</summary>
public static class BackoffRules
{
    /// <summary>Initial and max crash-loop delay from the gates and the node's maxContainerRestartPeriod.</summary>
    public const string Parameters = "BACKOFF-001";

    /// <summary>The first restart is immediate; later ones double from initial, capped at max.</summary>
    public const string Doubling = "BACKOFF-002";

    /// <summary>The kubelet's fixed 600 s expiry: a run longer than 10 minutes resets the delay.</summary>
    public const string Reset = "BACKOFF-003";

    /// <summary>In backoff while now − FinishedAt &lt; delay; the waiting reason and message.</summary>
    public const string Waiting = "BACKOFF-004";

    /// <summary>The key includes the container spec hash: a spec change starts afresh.</summary>
    public const string Key = "BACKOFF-005";

    /// <summary>Image pulls back off separately: 10 s doubling to 300 s, default 2×max expiry.</summary>
    public const string ImagePull = "BACKOFF-006";

    /// <summary>ErrImagePull / ImagePullBackOff reasons, messages and events.</summary>
    public const string ImagePullMessages = "BACKOFF-007";
}
