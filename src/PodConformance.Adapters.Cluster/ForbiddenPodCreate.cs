using k8s;
using k8s.Models;

namespace PodConformance.Adapters.Cluster;

/// <summary>What a 403 on a pod create stands for (<see cref="ForbiddenPodCreate.Classify"/>).</summary>
public enum ForbiddenKind
{
    /// <summary>An admission plugin refused the pod (ADM-011): the pod's verdict, compared with the model's.</summary>
    AdmissionRefusal,

    /// <summary>The authorizer refused podconf's own request (RBAC): a setup problem, the case fails.</summary>
    Authorization,

    /// <summary>The run's fresh namespace has no <c>default</c> ServiceAccount yet (its controller creates it a moment later): retried.</summary>
    DefaultServiceAccountNotYetCreated,

    /// <summary>A plugin whose informers have not synced yet (an API server starting): retried.</summary>
    AdmissionNotReady,

    /// <summary>The run's namespace is being deleted (by someone else: podconf deletes it at the end): the case fails.</summary>
    NamespaceTerminating,

    /// <summary>
    /// The cluster's own admission configuration refused the pod (a webhook, an admission policy, a PodSecurity level:
    /// <see cref="ClusterPolicyDenial"/>), which the model does not have: the case is not performed.
    /// </summary>
    ClusterPolicy,
}

/// <summary>
/// Tells apart the 403s a pod create can get. Only an admission plugin's refusal of the pod is the pod's verdict; the
/// others say something about the run's namespace or podconf's permissions, and comparing them with the model would
/// make a conformance claim about the cluster that the pod never earned. Each text is matched whole, as its source
/// prints it (spec/adapter-cluster.md "HTTP answers").
/// </summary>
public static class ForbiddenPodCreate
{
    private const string DefaultAccount = "default";

    /// <summary>What <paramref name="statusJson"/>, the body of a 403 to a pod create in <paramref name="requestNamespace"/>, means.</summary>
    public static ForbiddenKind Classify(string statusJson, string requestNamespace)
    {
        ArgumentNullException.ThrowIfNull(statusJson);
        ArgumentNullException.ThrowIfNull(requestNamespace);

        // Before the authorizer's test: a webhook's or policy's message may say anything after its anchored prefix.
        if (ClusterPolicyDenial.Of(403, statusJson) is not null)
        {
            return ForbiddenKind.ClusterPolicy;
        }

        if (AdmissionMapping.AuthorizationDenial(statusJson) is not null)
        {
            return ForbiddenKind.Authorization;
        }

        var status = Read(statusJson);
        string message = status?.Message ?? "";
        if (ServiceAccountLookup(message, requestNamespace) == DefaultAccount)
        {
            return ForbiddenKind.DefaultServiceAccountNotYetCreated;
        }

        string? detail = PluginDetail(message);
        if (detail == "not yet ready to handle request")
        {
            return ForbiddenKind.AdmissionNotReady;
        }

        if (detail == "unable to create new content in namespace " + requestNamespace + " because it is being terminated")
        {
            return ForbiddenKind.NamespaceTerminating;
        }

        return ForbiddenKind.AdmissionRefusal;
    }

    /// <summary>Why a 403 that is not the pod's verdict fails the case: the server's Status message, never the request.</summary>
    public static string Describe(ForbiddenKind kind, string statusJson, string requestNamespace)
    {
        ArgumentNullException.ThrowIfNull(statusJson);
        string said = string.Join("; ", AdmissionMapping.Errors(statusJson));
        return kind switch
        {
            ForbiddenKind.Authorization => "refused by authorization: " + said,
            ForbiddenKind.NamespaceTerminating => "the run's namespace " + requestNamespace + " is being deleted (by another client: podconf deletes it only at the end): " + said,
            ForbiddenKind.AdmissionRefusal => "refused by admission: " + said,
            ForbiddenKind.ClusterPolicy => "refused by the cluster's own admission configuration (not the pod's verdict): " + said,
            _ => "still refused after retries: " + said,
        };
    }

    /// <summary>
    /// The account the ServiceAccount plugin did not find in <paramref name="requestNamespace"/> (ADM-031's refusal,
    /// <c>default</c> included), else null: the adapter waits for an account it created itself to become visible.
    /// </summary>
    public static string? MissingServiceAccount(string statusJson, string requestNamespace)
    {
        ArgumentNullException.ThrowIfNull(statusJson);
        ArgumentNullException.ThrowIfNull(requestNamespace);
        return Read(statusJson)?.Message is { } message ? ServiceAccountLookup(message, requestNamespace) : null;
    }

    /// <summary>
    /// The ServiceAccount plugin's refusal of an account missing from <paramref name="requestNamespace"/>, with the
    /// namespace the model's request has (<paramref name="modelNamespace"/>, the manifest's, else <c>default</c>, ADM-002):
    /// the run's namespace replaces the manifest's on the cluster (ADM-031's text names it). Any other error is returned as is.
    /// </summary>
    public static string InModelNamespace(string error, string requestNamespace, string modelNamespace)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(requestNamespace);
        ArgumentNullException.ThrowIfNull(modelNamespace);
        if (ServiceAccountLookup(error, requestNamespace) is not { } account)
        {
            return error;
        }

        string ns = modelNamespace.Length == 0 ? "default" : modelNamespace;
        int at = error.Length - LookupTail(requestNamespace, account).Length;
        return error[..at] + LookupTail(ns, account);
    }

    /// <summary>
    /// The account named in the ServiceAccount plugin's refusal <c>pods "NAME" is forbidden: error looking up service
    /// account NS/ACCOUNT: serviceaccount "ACCOUNT" not found</c> with NS = <paramref name="requestNamespace"/>, else null.
    /// Upstream's <c>Admit</c> sets an empty <c>serviceAccountName</c> to <c>default</c> and <c>getServiceAccount</c> answers
    /// <c>errors.NewNotFound(api.Resource("serviceaccount"), name)</c> for any missing account, <c>default</c> included (it
    /// only looks <c>default</c> up ten times before giving up): the two refusals differ in the account's name alone.
    /// </summary>
    private static string? ServiceAccountLookup(string message, string requestNamespace)
    {
        const string lead = "error looking up service account ";
        if (PluginDetail(message) is not { } detail || !detail.StartsWith(lead + requestNamespace + "/", StringComparison.Ordinal))
        {
            return null;
        }

        int start = lead.Length + requestNamespace.Length + 1;
        int colon = detail.IndexOf(": serviceaccount \"", start, StringComparison.Ordinal);
        if (colon <= start)
        {
            return null;
        }

        string account = detail[start..colon];
        return message.EndsWith(LookupTail(requestNamespace, account), StringComparison.Ordinal) ? account : null;
    }

    /// <summary>The end of the plugin's refusal for <paramref name="account"/>. Account names are DNS subdomains, which Go's %q prints unescaped.</summary>
    private static string LookupTail(string ns, string account) =>
        "error looking up service account " + ns + "/" + account + ": serviceaccount \"" + account + "\" not found";

    /// <summary>DETAIL of <c>admission.NewForbidden</c>'s <c>pods "NAME" is forbidden: DETAIL</c> (ADM-011), else null.</summary>
    internal static string? PluginDetail(string message)
    {
        const string lead = "pods \"";
        const string forbidden = "\" is forbidden: ";
        if (!message.StartsWith(lead, StringComparison.Ordinal))
        {
            return null;
        }

        int end = message.IndexOf(forbidden, lead.Length, StringComparison.Ordinal);
        return end < 0 ? null : message[(end + forbidden.Length)..];
    }

    private static V1Status? Read(string statusJson)
    {
        try
        {
            return KubernetesJson.Deserialize<V1Status>(statusJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
