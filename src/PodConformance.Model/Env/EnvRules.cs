namespace PodConformance.Model.ContainerEnv;

/// <summary>Spec rule IDs of spec/env.md; every <see cref="EnvError"/> carries one.</summary>
public static class EnvRules
{
    /// <summary>enableServiceLinks must be set (the API defaults it to true).</summary>
    public const string ServiceLinksRequired = "ENV-001";

    /// <summary>API pods wait until the kubelet has listed Services once.</summary>
    public const string ServicesSynced = "ENV-002";

    /// <summary>Service variables: the master service always, same-namespace services with enableServiceLinks.</summary>
    public const string ServiceVariables = "ENV-003";

    /// <summary>envFrom in list order, prefix prepended, later sources overwrite earlier ones.</summary>
    public const string EnvFrom = "ENV-004";

    /// <summary>envFrom key filtering by the kubelet, 1.28–1.29 (ENV-005).</summary>
    public const string EnvFromKeyFilter = "ENV-005";

    /// <summary>env in list order, last wins, value expanded against what is already defined.</summary>
    public const string EnvOrder = "ENV-006";

    /// <summary>configMapKeyRef / secretKeyRef resolution and optional semantics.</summary>
    public const string KeyRef = "ENV-007";

    /// <summary>Result: container variables, then service variables not already defined.</summary>
    public const string Result = "ENV-008";

    /// <summary>Errors stop the container with CreateContainerConfigError.</summary>
    public const string ConfigError = "ENV-009";

    /// <summary>Secret-derived values are masked in every display.</summary>
    public const string Masking = "ENV-010";

    /// <summary>generateContainerConfig's order: the environment first, then each mount's subPathExpr in mount order.</summary>
    public const string ConfigCheckOrder = "ENV-011";

    /// <summary>GeneratePodHostNameAndDomain: hostname from spec.hostname or the pod name (63 characters), domain from spec.subdomain.</summary>
    public const string Hostname = "ENV-012";

    /// <summary>GetNodenameForKernel: the FQDN (at most 64 characters) when setHostnameAsFQDN, else the hostname.</summary>
    public const string KernelHostname = "ENV-013";

    /// <summary>The runtime's HOSTNAME variable (containerd CRI), overridden by a container env of that name.</summary>
    public const string HostnameVariable = "ENV-014";

    /// <summary>The pod IPs env sees: the runtime's (scenario podIPs), else the simulator's default for the pod.</summary>
    public const string DefaultPodIps = "ENV-015";

    /// <summary>valueFrom.fileKeyRef with EnvFiles on: the volume, the file, the key; errors and optional (kubelet_pods.go).</summary>
    public const string FileKeyRef = "ENV-016";

    /// <summary>The 1.34 env-file parser (KEY=value, trimmed, backslash continuations).</summary>
    public const string DotenvSyntax = "ENV-017";

    /// <summary>The 1.35+ env-file parser (KEY='value', POSIX single quotes).</summary>
    public const string SingleQuotedSyntax = "ENV-018";

    /// <summary>A fileKeyRef whose volume's files are not given: the variable, and whether the container starts, are not checked.</summary>
    public const string NotChecked = "ENV-019";
}

/// <summary>Spec rule IDs for <c>$(VAR)</c> expansion.</summary>
public static class ExpandRules
{
    /// <summary>The single-pass scanner: <c>$$</c>, <c>$(name)</c>, unterminated and bare operators.</summary>
    public const string Syntax = "EXPAND-001";

    /// <summary>Mapping contexts in order; undefined references stay literal; no re-expansion.</summary>
    public const string Mapping = "EXPAND-002";

    /// <summary>command and args expand against the final environment.</summary>
    public const string CommandArgs = "EXPAND-003";

    /// <summary>subPathExpr: strict, missing or empty values fail.</summary>
    public const string SubPathExpr = "EXPAND-004";

    /// <summary><c>$</c> before a non-ASCII byte: Go's byte-to-rune conversion quirk.</summary>
    public const string NonAsciiQuirk = "EXPAND-005";
}

/// <summary>Spec rule IDs for Downward API values in env.</summary>
public static class DownwardRules
{
    /// <summary>fieldRef apiVersion and ConvertDownwardAPIFieldLabel.</summary>
    public const string FieldLabel = "DOWNWARD-001";

    /// <summary>metadata.* values, subscripts and whole-map FormatMap.</summary>
    public const string Metadata = "DOWNWARD-002";

    /// <summary>spec.nodeName, spec.serviceAccountName.</summary>
    public const string Spec = "DOWNWARD-003";

    /// <summary>status.hostIP(s) from the node.</summary>
    public const string HostIps = "DOWNWARD-004";

    /// <summary>status.podIP(s): primary family first, then the other, invalid strings dropped.</summary>
    public const string PodIps = "DOWNWARD-005";

    /// <summary>resourceFieldRef: container lookup, resource names, divisor.</summary>
    public const string ResourceField = "DOWNWARD-006";

    /// <summary>The float64 ceiling conversion.</summary>
    public const string Conversion = "DOWNWARD-007";

    /// <summary>Missing or zero limits default to node allocatable (pod-level limits first).</summary>
    public const string LimitDefaulting = "DOWNWARD-008";
}
