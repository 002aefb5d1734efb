using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;
using PodConformance.Model.Validation;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// <c>env[].valueFrom.fieldRef</c> at run time: <c>ConvertDownwardAPIFieldLabel</c>, the kubelet's
/// <c>podFieldSelectorRuntimeValue</c> and <c>fieldpath.ExtractFieldPathAsString</c>.
/// </summary>
public static class FieldPathResolver
{
    private static readonly HashSet<string> KnownLabels = new(StringComparer.Ordinal)
    {
        "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid",
        "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase",
        "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
    };

    /// <summary>
    /// <c>ConvertDownwardAPIFieldLabel</c> (DOWNWARD-001). An empty apiVersion is treated as <c>v1</c>, the
    /// API default, because the kubelet only ever sees defaulted pods.
    /// </summary>
    public static bool TryConvertFieldLabel(string apiVersion, string label, out string internalPath, out EnvError? error)
    {
        internalPath = "";
        string version = apiVersion.Length == 0 ? "v1" : apiVersion;
        if (version != "v1")
        {
            error = new EnvError(DownwardRules.FieldLabel, "unsupported pod version: " + version);
            return false;
        }

        if (DownwardApiPaths.TrySplitSubscript(label, out string path, out _))
        {
            if (path is "metadata.annotations" or "metadata.labels")
            {
                internalPath = label;
                error = null;
                return true;
            }

            error = new EnvError(DownwardRules.FieldLabel, "field label does not support subscript: " + label);
            return false;
        }

        if (label == "spec.host")
        {
            internalPath = "spec.nodeName";
            error = null;
            return true;
        }

        if (KnownLabels.Contains(label))
        {
            internalPath = label;
            error = null;
            return true;
        }

        error = new EnvError(DownwardRules.FieldLabel, "field label not supported: " + label);
        return false;
    }

    /// <summary>
    /// <c>podFieldSelectorRuntimeValue</c>: the value of one fieldRef for the container being started.
    /// <paramref name="podIPs"/> is the runtime's list (any order); <paramref name="node"/> supplies host IPs.
    /// </summary>
    public static bool TryResolve(ObjectFieldSelector selector, Pod pod, Node? node, IReadOnlyList<string> podIPs, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(pod);
        value = "";
        RuleCoverage.Hit(DownwardRules.FieldLabel);
        if (!TryConvertFieldLabel(selector.ApiVersion, selector.FieldPath, out string path, out error))
        {
            return false;
        }

        switch (path)
        {
            case "spec.nodeName":
                RuleCoverage.Hit(DownwardRules.Spec, "spec.nodeName");
                value = pod.Spec.NodeName;
                return true;
            case "spec.serviceAccountName":
                RuleCoverage.Hit(DownwardRules.Spec, "spec.serviceAccountName");
                value = pod.Spec.ServiceAccountName;
                return true;
            case "status.hostIP":
            case "status.hostIPs":
                if (!TryHostIPs(node, out var hostIPs, out error))
                {
                    RuleCoverage.Hit(DownwardRules.HostIps, "no address: an error");
                    return false;
                }

                RuleCoverage.Hit(DownwardRules.HostIps, hostIPs.Count > 1 ? "dual-stack" : "single-stack");

                value = path == "status.hostIP" ? hostIPs[0] : string.Join(",", hostIPs);
                return true;
            case "status.podIP":
            case "status.podIPs":
                RuleCoverage.Hit(DownwardRules.PodIps, podIPs.Count > 1 ? "dual-stack" : podIPs.Count == 1 ? "single-stack" : "no pod IP");
                var sorted = SortPodIPs(podIPs, PrimaryIsIPv6(node));
                value = path == "status.podIPs" ? string.Join(",", sorted) : sorted.IsEmpty ? FirstOrEmpty(podIPs) : sorted[0];
                return true;
        }

        return TryExtractFieldPathAsString(pod.Metadata, path, out value, out error);
    }

    /// <summary>
    /// <c>fieldpath.ExtractFieldPathAsString</c> for the metadata paths (DOWNWARD-002): subscripted labels and
    /// annotations (absent key → empty), whole maps via <see cref="FormatMap"/>, name, namespace, uid.
    /// </summary>
    public static bool TryExtractFieldPathAsString(ObjectMeta metadata, string fieldPath, out string value, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        value = "";
        error = null;
        RuleCoverage.Hit(DownwardRules.Metadata);
        if (DownwardApiPaths.TrySplitSubscript(fieldPath, out string path, out string subscript))
        {
            RuleCoverage.Hit(DownwardRules.Metadata, "a label or annotation key");
            switch (path)
            {
                case "metadata.annotations":
                    return Subscript(metadata.Annotations, NameRules.QualifiedName(subscript.ToLowerInvariant()), fieldPath, subscript, out value, out error);
                case "metadata.labels":
                    return Subscript(metadata.Labels, NameRules.QualifiedName(subscript), fieldPath, subscript, out value, out error);
                default:
                    error = new EnvError(DownwardRules.Metadata, "fieldPath " + GoQuote.Quote(fieldPath) + " does not support subscript");
                    return false;
            }
        }

        switch (fieldPath)
        {
            case "metadata.annotations":
                value = FormatMap(metadata.Annotations);
                return true;
            case "metadata.labels":
                value = FormatMap(metadata.Labels);
                return true;
            case "metadata.name":
                value = metadata.Name;
                return true;
            case "metadata.namespace":
                value = metadata.Namespace;
                return true;
            case "metadata.uid":
                value = metadata.Uid;
                return true;
        }

        error = new EnvError(DownwardRules.Metadata, "unsupported fieldPath: " + fieldPath);
        return false;
    }

    /// <summary>
    /// <c>FormatMap</c>: <c>key="value"</c> lines in key order (Go <c>%q</c> quoting of the value), joined by
    /// <c>\n</c>, no trailing newline. What whole-map Downward API volume files contain.
    /// </summary>
    public static string FormatMap(ValueMap<string> map)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in map)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(key).Append('=');
            GoQuote.Append(sb, value);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>sortPodIPs</c> (DOWNWARD-005): the first IP of the primary family, then the first of the other
    /// family; strings that are not IPs are dropped; at most two entries.
    /// </summary>
    public static ValueList<string> SortPodIPs(IReadOnlyList<string> podIPs, bool ipv6Primary)
    {
        ArgumentNullException.ThrowIfNull(podIPs);
        string? primary = null;
        string? secondary = null;
        foreach (string ip in podIPs)
        {
            if (primary is null && (ipv6Primary ? IpFamily.IsIPv6(ip) : IpFamily.IsIPv4(ip)))
            {
                primary = ip;
            }
            else if (secondary is null && (ipv6Primary ? IpFamily.IsIPv4(ip) : IpFamily.IsIPv6(ip)))
            {
                secondary = ip;
            }
        }

        if (primary is null)
        {
            return secondary is null ? ValueList<string>.Empty : ValueList.Of(secondary);
        }

        return secondary is null ? ValueList.Of(primary) : ValueList.Of(primary, secondary);
    }

    /// <summary>
    /// The node's IPs as the kubelet reports them (<c>GetNodeHostIPs</c>): the first valid address, then the
    /// first of the other family. No valid address → the kubelet's error.
    /// </summary>
    public static bool TryHostIPs(Node? node, out ValueList<string> hostIPs, out EnvError? error)
    {
        var addresses = node?.Addresses ?? ValueList<string>.Empty;
        string? first = null;
        string? other = null;
        foreach (string ip in addresses)
        {
            bool v4 = IpFamily.IsIPv4(ip);
            if (!v4 && !IpFamily.IsIPv6(ip))
            {
                continue;
            }

            if (first is null)
            {
                first = ip;
            }
            else if (other is null && v4 != IpFamily.IsIPv4(first))
            {
                other = ip;
            }
        }

        if (first is null)
        {
            hostIPs = ValueList<string>.Empty;
            error = new EnvError(DownwardRules.HostIps, "host IP unknown; known addresses: " + FormatAddresses(addresses));
            return false;
        }

        hostIPs = other is null ? ValueList.Of(first) : ValueList.Of(first, other);
        error = null;
        return true;
    }

    /// <summary>
    /// The family the kubelet prefers for pod IPs: that of its first node IP, IPv4 when it has none. The model
    /// reads it from the node's first address (the kubelet reads its own --node-ip list).
    /// </summary>
    public static bool PrimaryIsIPv6(Node? node)
    {
        var addresses = node?.Addresses ?? ValueList<string>.Empty;
        return !addresses.IsEmpty && !IpFamily.IsIPv4(addresses[0]) && IpFamily.IsIPv6(addresses[0]);
    }

    private static bool Subscript(ValueMap<string> map, string[] keyErrors, string fieldPath, string subscript, out string value, out EnvError? error)
    {
        if (keyErrors.Length != 0)
        {
            value = "";
            error = new EnvError(DownwardRules.Metadata, "invalid key subscript in " + fieldPath + ": " + string.Join(";", keyErrors));
            return false;
        }

        value = map.TryGetValue(subscript, out string? found) ? found : "";
        error = null;
        return true;
    }

    /// <summary>Go's <c>%v</c> of []NodeAddress, with every address shown as an InternalIP (the model keeps no types).</summary>
    private static string FormatAddresses(ValueList<string> addresses)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < addresses.Count; i++)
        {
            sb.Append(i == 0 ? "{InternalIP " : " {InternalIP ").Append(addresses[i]).Append('}');
        }

        return sb.Append(']').ToString();
    }

    private static string FirstOrEmpty(IReadOnlyList<string> list) => list.Count > 0 ? list[0] : "";
}
