using System.Globalization;
using k8s.Models;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// The one namespace a run works in: <c>&lt;prefix&gt;-&lt;yyyymmdd-hhmmss&gt;-&lt;6 hex&gt;</c>, labelled as podconf's and
/// with the run id. The name and the labels are what every delete checks before it touches anything.
/// </summary>
public sealed record RunNamespace(string Name, string RunId, string Prefix)
{
    /// <summary>Prefix + "-" + 22-character run id must fit a 63-character DNS label.</summary>
    public const int MaxPrefixLength = 30;

    public static RunNamespace New(string prefix, DateTimeOffset now)
    {
        string runId = now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-"
            + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
        return new RunNamespace(prefix + "-" + runId, runId, prefix);
    }

    public IDictionary<string, string> Labels => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ClusterInfo.ManagedByLabel] = ClusterInfo.ManagedByValue,
        [ClusterInfo.RunLabel] = RunId,
    };

    /// <summary>
    /// Created with <c>pod-security.kubernetes.io/enforce=privileged</c> (<see cref="ClusterOptions.PodSecurityPrivileged"/>).
    /// Only the namespace carries it: <see cref="Labels"/> are also the pods' labels.
    /// </summary>
    public bool PodSecurityPrivileged { get; init; }

    /// <summary>The namespace's own labels: <see cref="Labels"/>, and the PodSecurity enforce level when <see cref="PodSecurityPrivileged"/>.</summary>
    public IDictionary<string, string> NamespaceLabels
    {
        get
        {
            var labels = Labels;
            if (PodSecurityPrivileged)
            {
                labels[ClusterPolicyDenial.EnforceLabel] = ClusterPolicyDenial.PrivilegedLevel;
            }

            return labels;
        }
    }

    public V1Namespace ToObject() => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta { Name = Name, Labels = NamespaceLabels },
    };

    /// <summary>
    /// The guard every namespace delete passes: podconf's label and the expected prefix. RBAC cannot express either
    /// (it cannot scope by label or name prefix), so the adapter checks both in code.
    /// </summary>
    public static bool IsOurs(V1Namespace ns, string? prefix)
    {
        var labels = ns.Metadata?.Labels;
        string name = ns.Metadata?.Name ?? "";
        bool labelled = labels is not null && labels.TryGetValue(ClusterInfo.ManagedByLabel, out var v)
            && string.Equals(v, ClusterInfo.ManagedByValue, StringComparison.Ordinal);
        bool prefixed = string.IsNullOrEmpty(prefix) || name.StartsWith(prefix + "-", StringComparison.Ordinal);
        return labelled && prefixed && name.Length > 0 && !IsSystem(name);
    }

    /// <summary>Namespaces the suite never deletes even if someone labelled them as podconf's.</summary>
    public static bool IsSystem(string name) =>
        name is "default" or "kube-system" or "kube-public" or "kube-node-lease" || name.StartsWith("kube-", StringComparison.Ordinal);
}
