using System.Globalization;
using k8s;
using k8s.Models;

namespace PodConformance.Adapters.Cluster;

/// <summary>Which part of the cluster's own admission configuration refused a pod create (<see cref="ClusterPolicyDenial"/>).</summary>
public enum ClusterPolicyKind
{
    /// <summary>A validating or mutating admission webhook denied the request (its AdmissionReview said <c>allowed: false</c>).</summary>
    Webhook,

    /// <summary>A webhook whose <c>sideEffects</c> are neither <c>None</c> nor <c>NoneOnDryRun</c> matched a dry-run request, which the API server then refuses.</summary>
    WebhookWithoutDryRun,

    /// <summary>A ValidatingAdmissionPolicy (CEL) denied the request through a binding with the <c>Deny</c> action.</summary>
    ValidatingAdmissionPolicy,

    /// <summary>A MutatingAdmissionPolicy (the generic policy dispatcher, 1.32+) failed the request.</summary>
    MutatingAdmissionPolicy,

    /// <summary>PodSecurity admission enforced a level stricter than <c>privileged</c> on the run's namespace.</summary>
    PodSecurity,
}

/// <summary>
/// A pod create refused by the cluster's own admission configuration — webhooks, admission policies, a PodSecurity level
/// — which the model does not have and cannot have (spec/admission.md ADM-010: no webhooks or policies, an unlabelled
/// namespace is <c>privileged</c>). Comparing such a refusal with the model's verdict would report a disagreement the Pod
/// API never made, so the case is answered "not performed" with <see cref="NotPerformed(bool)"/>, never passed or failed.
/// Each form is recognised by the whole shape its source prints, at any HTTP status it can come with
/// (spec/adapter-cluster.md "Denials by the cluster's configuration"), never by a word in the body.
/// </summary>
/// <param name="Kind">What refused.</param>
/// <param name="Name">The webhook's or policy's name, or the PodSecurity level and version (<c>restricted:latest</c>).</param>
/// <param name="Binding">The policy binding's name; empty for the other kinds and for a policy denied without one.</param>
/// <param name="Message">The Status message as the server sent it.</param>
/// <param name="StatusCode">The HTTP status of the answer.</param>
public sealed record ClusterPolicyDenial(ClusterPolicyKind Kind, string Name, string Binding, string Message, int StatusCode)
{
    /// <summary>The namespace label that makes PodSecurity admit every pod in it (pod-security-admission api/constants.go).</summary>
    public const string EnforceLabel = "pod-security.kubernetes.io/enforce";

    /// <summary>The level that admits every pod: what the model assumes for an unlabelled namespace (ADM-010).</summary>
    public const string PrivilegedLevel = "privileged";

    /// <summary>The denial <paramref name="statusJson"/> (the body of an answer with <paramref name="statusCode"/> ≥ 400) is, else null.</summary>
    public static ClusterPolicyDenial? Of(int statusCode, string statusJson)
    {
        ArgumentNullException.ThrowIfNull(statusJson);
        if (statusCode < 400 || Read(statusJson)?.Message is not { Length: > 0 } message)
        {
            return null;
        }

        return Webhook(message, statusCode) ?? Policy(message, statusCode) ?? PodSecurity(message, statusCode);
    }

    /// <summary>The same for a pod create's answer.</summary>
    public static ClusterPolicyDenial? Of(ClusterApi.CreateResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Created ? null : Of(response.StatusCode, response.Body);
    }

    /// <summary>
    /// Why the case is not performed: what refused, the server's message, and how to run the case where it does not
    /// apply. <paramref name="namespaceLabelledPrivileged"/>: the run's namespace was created with
    /// <see cref="EnforceLabel"/>=<see cref="PrivilegedLevel"/> (<see cref="ClusterOptions.PodSecurityPrivilegedFlag"/>).
    /// </summary>
    public string NotPerformed(bool namespaceLabelledPrivileged) => NotPerformed(namespaceLabelledPrivileged, "the pod create");

    /// <summary>
    /// The same for another request the case needs, <paramref name="request"/> ("creating the ServiceAccount …"): a
    /// webhook or policy may refuse the objects the adapter creates for a case as well as its pod.
    /// </summary>
    public string NotPerformed(bool namespaceLabelledPrivileged, string request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string code = "HTTP " + StatusCode.ToString(CultureInfo.InvariantCulture);
        string binding = Binding.Length == 0 ? "" : " (binding '" + Binding + "')";
        const string notModelled = "the cluster's own configuration, which the model does not have (spec/admission.md ADM-010)";
        return Kind switch
        {
            ClusterPolicyKind.Webhook => request + " was denied by the admission webhook \"" + Name + "\" (" + code + "), " + notModelled + ": " + Message
                + "; to check such pods, run against a cluster or namespace that webhook does not match (its namespaceSelector, objectSelector or matchConditions)",
            ClusterPolicyKind.WebhookWithoutDryRun => "the dry-run create was refused because the admission webhook \"" + Name + "\" does not support dry run (its sideEffects are neither None nor NoneOnDryRun; "
                + code + "), " + notModelled + ": " + Message + "; run against a cluster or namespace that webhook does not match",
            ClusterPolicyKind.ValidatingAdmissionPolicy => request + " was denied by the ValidatingAdmissionPolicy '" + Name + "'" + binding + " (" + code + "), " + notModelled + ": " + Message
                + "; to check such pods, run against a namespace its bindings do not match (their matchResources) or a cluster without it",
            ClusterPolicyKind.MutatingAdmissionPolicy => request + " was denied by the admission policy '" + Name + "'" + binding + " (" + code + "), " + notModelled + ": " + Message
                + "; to check such pods, run against a namespace its bindings do not match (their matchResources) or a cluster without it",
            _ when namespaceLabelledPrivileged => request + " was refused by PodSecurity at level \"" + Name + "\" (" + code + ") although the run's namespace was created with "
                + EnforceLabel + "=" + PrivilegedLevel + " (" + ClusterOptions.PodSecurityPrivilegedFlag + "): something on the cluster changed or ignores that label: " + Message,
            _ => request + " was refused by PodSecurity at level \"" + Name + "\" (" + code + "), the cluster's default for a namespace without PodSecurity labels, where the model assumes "
                + PrivilegedLevel + " (spec/admission.md ADM-010): " + Message + "; rerun with " + ClusterOptions.PodSecurityPrivilegedFlag + " (labels the run's namespace "
                + EnforceLabel + "=" + PrivilegedLevel + ") or against a cluster whose PodSecurity default is " + PrivilegedLevel,
        };
    }

    /// <summary>
    /// <c>admission webhook "NAME" denied the request: MESSAGE</c> (or <c>… denied the request without explanation</c>), at
    /// any status ≥ 400 the webhook chose (webhook/errors/statuserror.go <c>ToStatusErr</c> raises a lower one to 400); and
    /// <c>admission webhook "NAME" does not support dry run</c>, a 400 (<c>NewDryRunUnsupportedErr</c>). Webhook names are
    /// DNS subdomains (ValidatingWebhookConfiguration validation), so Go's <c>%q</c> prints them unescaped.
    /// </summary>
    private static ClusterPolicyDenial? Webhook(string message, int statusCode)
    {
        const string lead = "admission webhook \"";
        if (!message.StartsWith(lead, StringComparison.Ordinal))
        {
            return null;
        }

        int close = message.IndexOf('"', lead.Length);
        if (close <= lead.Length)
        {
            return null;
        }

        string name = message[lead.Length..close];
        string rest = message[(close + 1)..];
        if (rest.StartsWith(" denied the request: ", StringComparison.Ordinal) || rest == " denied the request without explanation")
        {
            return new ClusterPolicyDenial(ClusterPolicyKind.Webhook, name, "", message, statusCode);
        }

        return rest == " does not support dry run" && statusCode == 400
            ? new ClusterPolicyDenial(ClusterPolicyKind.WebhookWithoutDryRun, name, "", message, statusCode)
            : null;
    }

    /// <summary>
    /// A ValidatingAdmissionPolicy's denial, <c>admission.NewForbidden</c> around <c>ValidatingAdmissionPolicy 'P' with
    /// binding 'B' denied request: MESSAGE</c> (or <c>ValidatingAdmissionPolicy 'P' denied request: …</c> for a policy
    /// that failed before any binding), with the status of the decision's reason (<c>reasonToCode</c>: 403, 401, 413, else
    /// 422); and the generic policy dispatcher's (MutatingAdmissionPolicy), whose message is <c>policy 'P' with binding 'B'
    /// denied request: …</c> or <c>policy "P" denied request: …</c> alone, a 403.
    /// </summary>
    private static ClusterPolicyDenial? Policy(string message, int statusCode)
    {
        if (statusCode == 403 && Denied(message, "policy '", '\'') is { } mutating)
        {
            return new ClusterPolicyDenial(ClusterPolicyKind.MutatingAdmissionPolicy, mutating.Name, mutating.Binding, message, statusCode);
        }

        if (statusCode == 403 && Denied(message, "policy \"", '"') is { Binding.Length: 0 } unbound)
        {
            return new ClusterPolicyDenial(ClusterPolicyKind.MutatingAdmissionPolicy, unbound.Name, "", message, statusCode);
        }

        if (statusCode is 401 or 403 or 413 or 422
            && ForbiddenPodCreate.PluginDetail(message) is { } detail
            && Denied(detail, "ValidatingAdmissionPolicy '", '\'') is { } validating)
        {
            return new ClusterPolicyDenial(ClusterPolicyKind.ValidatingAdmissionPolicy, validating.Name, validating.Binding, message, statusCode);
        }

        return null;
    }

    /// <summary>
    /// <c>LEAD NAME' with binding 'BINDING' denied request: …</c> or <c>LEAD NAME' denied request: …</c> (the policy's and
    /// binding's names are DNS subdomains: no quote inside), else null.
    /// </summary>
    private static (string Name, string Binding)? Denied(string text, string lead, char quote)
    {
        if (!text.StartsWith(lead, StringComparison.Ordinal))
        {
            return null;
        }

        int close = text.IndexOf(quote, lead.Length);
        if (close <= lead.Length)
        {
            return null;
        }

        string name = text[lead.Length..close];
        string rest = text[(close + 1)..];
        if (rest.StartsWith(" denied request: ", StringComparison.Ordinal))
        {
            return (name, "");
        }

        string withBinding = " with binding " + quote;
        if (quote != '\'' || !rest.StartsWith(withBinding, StringComparison.Ordinal))
        {
            return null;
        }

        int bindingEnd = rest.IndexOf(quote, withBinding.Length);
        return bindingEnd > withBinding.Length && rest.AsSpan(bindingEnd + 1).StartsWith(" denied request: ", StringComparison.Ordinal)
            ? (name, rest[withBinding.Length..bindingEnd])
            : null;
    }

    /// <summary>
    /// PodSecurity's refusal: <c>apierrors.NewForbidden(pods, NAME, "violates PodSecurity \"LEVEL:VERSION\": DETAIL")</c>, a
    /// 403 (pod-security-admission admission/admission.go <c>EvaluatePod</c>, response.go <c>forbiddenResponse</c>; the
    /// in-tree plugin returns that Status as it is). NAME is the request's name, empty for a pod with only generateName, and
    /// <c>NewForbidden</c> then prints <c>pods is forbidden: …</c>.
    /// </summary>
    private static ClusterPolicyDenial? PodSecurity(string message, int statusCode)
    {
        const string lead = "violates PodSecurity \"";
        const string unnamed = "pods is forbidden: ";
        if (statusCode != 403)
        {
            return null;
        }

        string? detail = message.StartsWith(unnamed, StringComparison.Ordinal) ? message[unnamed.Length..] : ForbiddenPodCreate.PluginDetail(message);
        if (detail is null || !detail.StartsWith(lead, StringComparison.Ordinal))
        {
            return null;
        }

        int close = detail.IndexOf("\": ", lead.Length, StringComparison.Ordinal);
        string level = close < 0 ? "" : detail[lead.Length..close];
        return level.Contains(':', StringComparison.Ordinal) ? new ClusterPolicyDenial(ClusterPolicyKind.PodSecurity, level, "", message, statusCode) : null;
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
