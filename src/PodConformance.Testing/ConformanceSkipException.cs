using PodConformance.Suite.Running;

namespace PodConformance.Testing;

/// <summary>
/// Thrown by a rule's test when the rule cannot run here (the adapter lacks a capability, the rule is pending, or it
/// does not apply to the profile); a <see cref="Xunit.ConformanceFactAttribute"/> test reports it as skipped.
/// </summary>
public sealed class ConformanceSkipException(PropertyResult result) : Exception(result?.Reason)
{
    /// <summary>The skipped result, so callers (and tests) can see which property it was.</summary>
    public PropertyResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));
}
