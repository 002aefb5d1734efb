using PodConformance.Model.Collections;

namespace PodConformance.Model.Admission.Objects;

/// <summary>The parts of a core/v1 ServiceAccount the ServiceAccount admission plugin reads (ADM-031…036).</summary>
public sealed record ServiceAccount
{
    public string Namespace { get; init; } = "default";

    public string Name { get; init; } = "";

    /// <summary>Null when unset: the plugin then mounts the token unless the pod says otherwise (ADM-032).</summary>
    public bool? AutomountServiceAccountToken { get; init; }

    /// <summary>Copied to a pod that lists none of its own (ADM-034).</summary>
    public ValueList<string> ImagePullSecrets { get; init; }

    /// <summary>The Secrets the account references, the mountable ones when the enforce annotation is set (ADM-036).</summary>
    public ValueList<string> Secrets { get; init; }

    public ValueMap<string> Annotations { get; init; }

    /// <summary>The <c>default</c> ServiceAccount the serviceaccount controller creates in every namespace.</summary>
    /// <remarks>
    /// A create asks for it three times (the plugin's Admit, which ends with Validate, then Validate): the last one this
    /// thread built is handed back while the namespace is the same (records are immutable, so it is the same value).
    /// </remarks>
    public static ServiceAccount DefaultFor(string ns)
    {
        var last = t_lastDefault;
        if (last is not null && string.Equals(last.Namespace, ns, StringComparison.Ordinal))
        {
            return last;
        }

        return t_lastDefault = new() { Namespace = ns, Name = "default" };
    }

    [ThreadStatic]
    private static ServiceAccount? t_lastDefault;
}
