using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

/// <summary>A container of any of the three lists (init, regular, ephemeral); the list decides its role.</summary>
public sealed partial record Container
{
    public string Name { get; init; } = "";

    public string Image { get; init; } = "";

    public ValueList<string> Command { get; init; }

    public ValueList<string> Args { get; init; }

    public string WorkingDir { get; init; } = "";

    public ValueList<ContainerPort> Ports { get; init; }

    public ValueList<EnvFromSource> EnvFrom { get; init; }

    public ValueList<EnvVar> Env { get; init; }

    public ResourceRequirements Resources { get; init; } = ResourceRequirements.Empty;

    public ValueList<ContainerResizePolicy> ResizePolicy { get; init; }

    /// <summary>
    /// Null when unset. On init containers <c>Always</c> makes a sidecar; on regular containers it is only
    /// allowed with ContainerRestartRules (1.34+).
    /// </summary>
    public string? RestartPolicy { get; init; }

    public ValueList<ContainerRestartRule> RestartPolicyRules { get; init; }

    public ValueList<VolumeMount> VolumeMounts { get; init; }

    public Probe? LivenessProbe { get; init; }

    public Probe? ReadinessProbe { get; init; }

    public Probe? StartupProbe { get; init; }

    public Lifecycle? Lifecycle { get; init; }

    public string TerminationMessagePath { get; init; } = "";

    public string TerminationMessagePolicy { get; init; } = "";

    public string ImagePullPolicy { get; init; } = "";

    /// <summary>Ephemeral containers only.</summary>
    public string TargetContainerName { get; init; } = "";

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
