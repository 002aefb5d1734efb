using PodConformance.Model.Api;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>What one plugin did: the pod it leaves, its refusal if any, and a note for <c>explain</c>.</summary>
internal readonly record struct PluginOutcome(Pod Pod, AdmissionRejection? Rejection = null, string Note = "");

/// <summary>A plugin's <c>Admit</c> (admission.MutationInterface).</summary>
internal interface IMutatingPlugin
{
    string Name { get; }

    PluginOutcome Admit(Pod pod, CreateRun run, StepLog log);
}

/// <summary>A plugin's <c>Validate</c> (admission.ValidationInterface).</summary>
internal interface IValidatingPlugin
{
    string Name { get; }

    PluginOutcome Validate(Pod pod, CreateRun run);
}

/// <summary>
/// The admission plugins a default kube-apiserver runs on a Pod create, in <c>AllOrderedPlugins</c> order (ADM-010,
/// kubernetes pkg/kubeapiserver/options/plugins.go): the chain calls every plugin's <c>Admit</c> in that order, and
/// after the object is prepared and validated, every plugin's <c>Validate</c> in the same order.
/// </summary>
/// <remarks>
/// Of the default-on plugins only these touch a Pod create: NamespaceLifecycle (the namespace must exist and not be
/// terminating: assumed), LimitRanger, ServiceAccount, PodSecurity (the namespace's pod-security labels; a namespace
/// without them is <c>privileged</c>, which admits everything), Priority, DefaultTolerationSeconds, RuntimeClass,
/// the admission policies and webhooks (none are configured in a fresh cluster) and ResourceQuota.
/// </remarks>
public static class AdmissionPlugins
{
    internal static IReadOnlyList<IMutatingPlugin> Mutating { get; } =
    [
        LimitRangerPlugin.Instance,
        ServiceAccountPlugin.Instance,
        PriorityPlugin.Instance,
        DefaultTolerationSecondsPlugin.Instance,
        RuntimeClassPlugin.Instance,
    ];

    internal static IReadOnlyList<IValidatingPlugin> Validating { get; } =
    [
        LimitRangerPlugin.Instance,
        ServiceAccountPlugin.Instance,
        RuntimeClassPlugin.Instance,
        ResourceQuotaPlugin.Instance,
    ];

    /// <summary>The names of the modelled mutating plugins, in the order they run.</summary>
    public static IReadOnlyList<string> MutatingNames { get; } = [.. Mutating.Select(p => p.Name)];

    /// <summary>The names of the modelled validating plugins, in the order they run.</summary>
    public static IReadOnlyList<string> ValidatingNames { get; } = [.. Validating.Select(p => p.Name)];
}

/// <summary>Public names of the ServiceAccount plugin's token volume, for readers outside the model (views, adapters).</summary>
public static class ServiceAccountNames
{
    /// <summary>The token volume's name is this prefix and a five-character suffix (ADM-003, ADM-033).</summary>
    public const string TokenVolumePrefix = ServiceAccountPlugin.TokenVolumePrefix;

    /// <summary>Where the token is mounted in every init and regular container.</summary>
    public const string TokenMountPath = ServiceAccountPlugin.TokenMountPath;
}
