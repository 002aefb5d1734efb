using System.Text.Json;

namespace PodConformance.Adapters.Cluster.Tests.Fake;

/// <summary>
/// Status bodies of pod-create denials by a cluster's own admission configuration, in the shapes their sources build
/// (spec/adapter-cluster.md "Denials by the cluster's configuration"; commits there):
/// <list type="bullet">
/// <item>a webhook: kubernetes/apiserver pkg/admission/plugin/webhook/errors/statuserror.go <c>ToStatusErr</c> (the same at
/// v0.28.15 9efbb7c4 … v0.36.2 6d475042): the webhook's own Status (code, reason, details) with the message prefixed;</item>
/// <item>a ValidatingAdmissionPolicy: pkg/admission/plugin/policy/validating/dispatcher.go <c>Dispatch</c> (v0.30.14 …
/// v0.36.2; validatingadmissionpolicy/controller.go before): <c>admission.NewForbidden</c>'s message, the decision's reason
/// and <c>reasonToCode</c>'s status, one cause holding the unprefixed message;</item>
/// <item>a MutatingAdmissionPolicy: pkg/admission/plugin/policy/generic/policy_dispatcher.go (v0.32.0 … v0.36.2): a 403
/// whose message is replaced by the <c>PolicyError</c>'s, one cause likewise;</item>
/// <item>PodSecurity: kubernetes/pod-security-admission admission/admission.go <c>EvaluatePod</c> and response.go
/// <c>forbiddenResponse</c> (v0.28.15 9fa4d000 … v0.36.2 39b45cd1): <c>apierrors.NewForbidden</c>'s 403 as it is.</item>
/// </list>
/// </summary>
public static class DenialBodies
{
    /// <summary>PodSecurity "restricted" refusing a pod whose one container <paramref name="container"/> sets no securityContext (the four restricted checks' texts, policy/check_*.go at v0.36.2).</summary>
    public static string RestrictedDetail(string container) =>
        "allowPrivilegeEscalation != false (container \"" + container + "\" must set securityContext.allowPrivilegeEscalation=false), "
        + "unrestricted capabilities (container \"" + container + "\" must set securityContext.capabilities.drop=[\"ALL\"]), "
        + "runAsNonRoot != true (pod or container \"" + container + "\" must set securityContext.runAsNonRoot=true), "
        + "seccompProfile (pod or container \"" + container + "\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";

    /// <summary>A Status body; <paramref name="causes"/> are (field, message) pairs, an empty field left out as Go's omitempty does.</summary>
    public static string Status(int code, string reason, string message, params (string Field, string Message)[] causes)
    {
        var details = causes.Length == 0
            ? null
            : new Dictionary<string, object>
            {
                ["kind"] = "pods",
                ["causes"] = causes.Select(c => c.Field.Length == 0
                    ? new Dictionary<string, string> { ["message"] = c.Message }
                    : new Dictionary<string, string> { ["message"] = c.Message, ["field"] = c.Field }).ToArray(),
            };
        var status = new Dictionary<string, object?>
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new Dictionary<string, object>(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["details"] = details,
            ["code"] = code,
        };
        if (details is null)
        {
            status.Remove("details");
        }

        return JsonSerializer.Serialize(status);
    }

    /// <summary>A webhook's denial: by default 403 Forbidden (as Gatekeeper answers, open-policy-agent/gatekeeper#1693), the webhook's message after ToStatusErr's prefix.</summary>
    public static string Webhook(string webhook, string said, int code = 403, string reason = "Forbidden") =>
        Status(code, reason, "admission webhook \"" + webhook + "\" denied the request: " + said);

    /// <summary>A ValidatingAdmissionPolicy's denial through a binding, with the default reason Invalid (422).</summary>
    public static string ValidatingPolicy(string pod, string policy, string binding, string said, int code = 422, string reason = "Invalid")
    {
        string message = "ValidatingAdmissionPolicy '" + policy + "' with binding '" + binding + "' denied request: " + said;
        return Status(code, reason, "pods \"" + pod + "\" is forbidden: " + message, ("", message));
    }

    /// <summary>PodSecurity's refusal at <paramref name="level"/> (e.g. <c>restricted:latest</c>); an empty <paramref name="pod"/> is a generateName-only pod.</summary>
    public static string PodSecurity(string pod, string level, string detail) =>
        Status(403, "Forbidden", (pod.Length == 0 ? "pods is forbidden: " : "pods \"" + pod + "\" is forbidden: ") + "violates PodSecurity \"" + level + "\": " + detail);
}
