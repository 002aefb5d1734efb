using k8s;
using k8s.Models;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Cluster;

/// <summary>Maps the answer to a dry-run create to an <see cref="AdmissionObservation"/>, in the terms the model answers in.</summary>
public static class AdmissionMapping
{
    /// <summary>
    /// 201: accepted, with <c>status.qosClass</c> as the server computed it and the stored object's fields. Metadata the
    /// server invents (uid, creationTimestamp, the namespace of the request) is put back as the manifest had it, and status
    /// is left out, so the map holds what defaulting did and nothing else. 400/422, and a 403 from an admission plugin:
    /// rejected, with the Status's causes. A denial by the cluster's own admission configuration (webhooks, admission
    /// policies, PodSecurity: <see cref="ClusterPolicyDenial"/>) is no observation at all: null, with why as the error.
    /// </summary>
    public static AdmissionObservation? Map(ClusterApi.CreateResponse response, Pod sent, out string error) =>
        Map(response, sent, sent?.Metadata.Namespace ?? "", out error);

    /// <summary>
    /// The same for a create sent to <paramref name="requestNamespace"/> (the run's) in place of the manifest's namespace:
    /// a 403 is the pod's verdict only when an admission plugin refused the pod (<see cref="ForbiddenPodCreate"/>), and the
    /// ServiceAccount plugin's refusal names the manifest's namespace, as the model's does (ADM-031).
    /// </summary>
    public static AdmissionObservation? Map(ClusterApi.CreateResponse response, Pod sent, string requestNamespace, out string error)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(requestNamespace);
        error = "";
        if (response.Created)
        {
            var stored = ClusterObjects.ReadPod(response.Body, "dry-run response", out error);
            if (stored is null)
            {
                return null;
            }

            var comparable = stored with
            {
                Metadata = stored.Metadata with
                {
                    Uid = "",
                    CreationTimestamp = null,
                    Namespace = sent.Metadata.Namespace,
                    Name = sent.Metadata.Name.Length == 0 ? "" : stored.Metadata.Name,
                    GenerateName = sent.Metadata.GenerateName,
                },
                Status = null,
            };
            return new AdmissionObservation
            {
                Accepted = true,
                QosClass = stored.Status?.QosClass ?? "",
                Defaults = PodFields.Flatten(comparable),
            };
        }

        if (ClusterPolicyDenial.Of(response) is { } denial)
        {
            // A webhook's, an admission policy's or PodSecurity's refusal is the cluster's configuration, not the pod's
            // verdict: never a rejection. ClusterAdapter answers such a case not performed before it maps anything.
            error = "not the pod's verdict: " + denial.NotPerformed(namespaceLabelledPrivileged: false);
            return null;
        }

        if (response.StatusCode == 403)
        {
            var kind = ForbiddenPodCreate.Classify(response.Body, requestNamespace);
            if (kind != ForbiddenKind.AdmissionRefusal)
            {
                // RBAC refusing the adapter's own request, a namespace being deleted: a setup problem, not the pod's verdict.
                error = "dry-run create was " + ForbiddenPodCreate.Describe(kind, response.Body, requestNamespace);
                return null;
            }

            var errors = Errors(response.Body);
            var mapped = new string[errors.Count];
            for (int i = 0; i < mapped.Length; i++)
            {
                mapped[i] = ForbiddenPodCreate.InModelNamespace(errors[i], requestNamespace, sent.Metadata.Namespace);
            }

            return new AdmissionObservation { Accepted = false, Errors = mapped };
        }

        if (response.StatusCode is 400 or 422)
        {
            return new AdmissionObservation { Accepted = false, Errors = Errors(response.Body) };
        }

        error = "dry-run create answered HTTP " + response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>The Status message when a 403 is the authorizer's (<c>… cannot create resource "pods" …</c>), else null.</summary>
    public static string? AuthorizationDenial(string statusJson)
    {
        var errors = Errors(statusJson);
        return errors.Count == 1 && errors[0].Contains(" cannot create resource ", StringComparison.Ordinal) ? errors[0] : null;
    }

    /// <summary>
    /// <c>field: message</c> per Status cause, as apimachinery's <c>field.Error.Error()</c> prints them (the causes carry
    /// <c>Field</c> and <c>ErrorBody()</c> separately); a Status without causes gives its message.
    /// </summary>
    public static ValueList<string> Errors(string statusJson)
    {
        ArgumentNullException.ThrowIfNull(statusJson);
        V1Status? status;
        try
        {
            status = KubernetesJson.Deserialize<V1Status>(statusJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return ValueList.Of("unparseable Status from the API server");
        }

        var causes = status?.Details?.Causes;
        if (causes is null || causes.Count == 0)
        {
            return ValueList.Of(status?.Message ?? "");
        }

        var errors = new List<string>(causes.Count);
        foreach (var c in causes)
        {
            errors.Add(string.IsNullOrEmpty(c.Field) ? c.Message ?? "" : c.Field + ": " + c.Message);
        }

        return errors.ToValueList();
    }
}
