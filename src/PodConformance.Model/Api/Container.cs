using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

/// <summary>A container of any of the three lists (init, regular, ephemeral); the list decides its role.</summary>
public sealed partial record Container
{
    /// <summary>
    /// The fields most containers leave unset, kept out of line in one shared object: defaulting copies every container of
    /// every admitted pod (issue 12's admission path), and a copy then costs the common fields only, whatever the API adds
    /// here. Setting one of these to a new value copies the small object (an immutable record: copies of a container share
    /// it until one changes); equality, hashing and printing still see every field (the record compares it by value).
    /// </summary>
    private RareFields _rare = RareFields.Empty;

    /// <summary>Unchanged (the same list or object): a decoder or <c>with</c> that passes the current value through copies nothing.</summary>
    private static bool Same<T>(ValueList<T> a, ValueList<T> b) => a.IsSameAs(b);

    private static bool Same<T>(T? a, T? b)
        where T : class => ReferenceEquals(a, b);

    private sealed record RareFields
    {
        public static readonly RareFields Empty = new();

        public ValueList<string> Command { get; init; }

        public ValueList<string> Args { get; init; }

        public string WorkingDir { get; init; } = "";

        public ValueList<ContainerPort> Ports { get; init; }

        public ValueList<EnvFromSource> EnvFrom { get; init; }

        public ValueList<ContainerResizePolicy> ResizePolicy { get; init; }

        public ValueList<ContainerRestartRule> RestartPolicyRules { get; init; }

        public Probe? LivenessProbe { get; init; }

        public Probe? ReadinessProbe { get; init; }

        public Probe? StartupProbe { get; init; }

        public Lifecycle? Lifecycle { get; init; }

        public string TargetContainerName { get; init; } = "";

        public bool PortsGivenEmpty { get; init; }

        public bool ResizePolicyGivenEmpty { get; init; }

        public bool RestartPolicyRulesGivenEmpty { get; init; }
    }

    public string Name { get; init; } = "";

    public string Image { get; init; } = "";

    public ValueList<string> Command { get => _rare.Command; init => _rare = Same(_rare.Command, value) ? _rare : _rare with { Command = value }; }

    public ValueList<string> Args { get => _rare.Args; init => _rare = Same(_rare.Args, value) ? _rare : _rare with { Args = value }; }

    public string WorkingDir { get => _rare.WorkingDir; init => _rare = Same(_rare.WorkingDir, value) ? _rare : _rare with { WorkingDir = value }; }

    public ValueList<ContainerPort> Ports { get => _rare.Ports; init => _rare = Same(_rare.Ports, value) ? _rare : _rare with { Ports = value }; }

    /// <summary>
    /// <c>ports</c> was given as an empty list (<c>ports: []</c>): Go decodes it to a non-nil empty slice, which
    /// <c>validateFieldAllowList</c>'s <c>reflect.DeepEqual</c> counts as set, so an ephemeral container's <c>ports</c> is
    /// Forbidden (VAL-016); <see cref="Ports"/> cannot tell it from absent. Set by the readers only for an empty list (so a
    /// decoded pod with ports equals one built in code); meaningless once <see cref="Ports"/> has items. Kept with the rare
    /// fields, so the common container pays nothing for it.
    /// </summary>
    public bool PortsGivenEmpty { get => _rare.PortsGivenEmpty; init => _rare = _rare.PortsGivenEmpty == value ? _rare : _rare with { PortsGivenEmpty = value }; }

    public ValueList<EnvFromSource> EnvFrom { get => _rare.EnvFrom; init => _rare = Same(_rare.EnvFrom, value) ? _rare : _rare with { EnvFrom = value }; }

    public ValueList<EnvVar> Env { get; init; }

    public ResourceRequirements Resources { get; init; } = ResourceRequirements.Empty;

    public ValueList<ContainerResizePolicy> ResizePolicy { get => _rare.ResizePolicy; init => _rare = Same(_rare.ResizePolicy, value) ? _rare : _rare with { ResizePolicy = value }; }

    /// <summary><c>resizePolicy</c> was given as an empty list (<c>resizePolicy: []</c>); as <see cref="PortsGivenEmpty"/>.</summary>
    public bool ResizePolicyGivenEmpty { get => _rare.ResizePolicyGivenEmpty; init => _rare = _rare.ResizePolicyGivenEmpty == value ? _rare : _rare with { ResizePolicyGivenEmpty = value }; }

    /// <summary>
    /// Null when unset. On init containers <c>Always</c> makes a sidecar; on regular containers it is only
    /// allowed with ContainerRestartRules (1.34+).
    /// </summary>
    public string? RestartPolicy { get; init; }

    public ValueList<ContainerRestartRule> RestartPolicyRules { get => _rare.RestartPolicyRules; init => _rare = Same(_rare.RestartPolicyRules, value) ? _rare : _rare with { RestartPolicyRules = value }; }

    /// <summary><c>restartPolicyRules</c> was given as an empty list (<c>restartPolicyRules: []</c>); as <see cref="PortsGivenEmpty"/>.</summary>
    public bool RestartPolicyRulesGivenEmpty { get => _rare.RestartPolicyRulesGivenEmpty; init => _rare = _rare.RestartPolicyRulesGivenEmpty == value ? _rare : _rare with { RestartPolicyRulesGivenEmpty = value }; }

    /// <summary>
    /// Any of the three list marks is set (each says the list was given as <c>[]</c>, a non-nil Go slice that storage omits,
    /// <c>omitempty</c>): the stored pod drops them. A field test, so the common container pays no allocation.
    /// </summary>
    public bool HasGivenEmptyListMark() => _rare.PortsGivenEmpty || _rare.ResizePolicyGivenEmpty || _rare.RestartPolicyRulesGivenEmpty;

    public ValueList<VolumeMount> VolumeMounts { get; init; }

    public Probe? LivenessProbe { get => _rare.LivenessProbe; init => _rare = Same(_rare.LivenessProbe, value) ? _rare : _rare with { LivenessProbe = value }; }

    public Probe? ReadinessProbe { get => _rare.ReadinessProbe; init => _rare = Same(_rare.ReadinessProbe, value) ? _rare : _rare with { ReadinessProbe = value }; }

    public Probe? StartupProbe { get => _rare.StartupProbe; init => _rare = Same(_rare.StartupProbe, value) ? _rare : _rare with { StartupProbe = value }; }

    public Lifecycle? Lifecycle { get => _rare.Lifecycle; init => _rare = Same(_rare.Lifecycle, value) ? _rare : _rare with { Lifecycle = value }; }

    public string TerminationMessagePath { get; init; } = "";

    public string TerminationMessagePolicy { get; init; } = "";

    public string ImagePullPolicy { get; init; } = "";

    /// <summary>Ephemeral containers only.</summary>
    public string TargetContainerName { get => _rare.TargetContainerName; init => _rare = Same(_rare.TargetContainerName, value) ? _rare : _rare with { TargetContainerName = value }; }

    public bool IsSidecarPolicy => RestartPolicy == "Always";
}

public sealed record ContainerPort
{
    public string Name { get; init; } = "";

    public int HostPort { get; init; }

    /// <summary>The API's <c>containerPort</c> (a member may not share its record's name).</summary>
    public int Port { get; init; }

    public string Protocol { get; init; } = "";

    public string HostIP { get; init; } = "";
}

public sealed record ContainerResizePolicy(string ResourceName, string RestartPolicy);

/// <summary>KEP-5307 rule: restart (or not) on the listed exit codes.</summary>
public sealed record ContainerRestartRule
{
    public string Action { get; init; } = "";

    public ContainerRestartRuleOnExitCodes? ExitCodes { get; init; }
}

public sealed record ContainerRestartRuleOnExitCodes
{
    /// <summary><c>In</c> or <c>NotIn</c>.</summary>
    public string Operator { get; init; } = "";

    public ValueList<int> Values { get; init; }
}

public sealed partial record VolumeMount
{
    public string Name { get; init; } = "";

    public bool ReadOnly { get; init; }

    public string MountPath { get; init; } = "";

    public string SubPath { get; init; } = "";

    public string SubPathExpr { get; init; } = "";
}
