using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Cluster;

/// <summary>One renamed reference of a case: the case's name, the name on the cluster, and whether that object exists.</summary>
public sealed record RenamedObject(ClusterScopedKind Kind, string Original, string Renamed, bool Exists);

/// <summary>
/// A case's names on the cluster: the pod is sent with its references renamed (<see cref="Rewrite"/>), and everything the
/// cluster answers is mapped back (<see cref="Back(string)"/>) before it is compared with the model, so a report shows
/// the case's names only. The renamed names carry the run id, so no text of the server's holds one by accident.
/// </summary>
public sealed class ClusterScopedNames
{
    public static ClusterScopedNames None { get; } = new([]);

    public ClusterScopedNames(IReadOnlyList<RenamedObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Objects = objects;
    }

    public IReadOnlyList<RenamedObject> Objects { get; }

    /// <summary>
    /// <paramref name="pod"/> with <c>spec.runtimeClassName</c>, <c>spec.priorityClassName</c> and <c>spec.serviceAccountName</c>
    /// (and its v1 alias <c>spec.serviceAccount</c> where it is the same name) naming the cluster's objects.
    /// </summary>
    public Pod Rewrite(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var spec = pod.Spec;
        foreach (var o in Objects)
        {
            if (o.Kind == ClusterScopedKind.RuntimeClass && spec.RuntimeClassName == o.Original)
            {
                spec = spec with { RuntimeClassName = o.Renamed };
            }
            else if (o.Kind == ClusterScopedKind.PriorityClass && spec.PriorityClassName == o.Original)
            {
                spec = spec with { PriorityClassName = o.Renamed };
            }
            else if (o.Kind == ClusterScopedKind.ServiceAccount && spec.ServiceAccountName == o.Original)
            {
                spec = spec with { ServiceAccountName = o.Renamed, DeprecatedServiceAccount = spec.DeprecatedServiceAccount == o.Original ? o.Renamed : spec.DeprecatedServiceAccount };
            }
        }

        return ReferenceEquals(spec, pod.Spec) ? pod : pod with { Spec = spec };
    }

    /// <summary>
    /// A server text with the case's names: a renamed name quoted as Go's <c>%q</c> quotes it (the RuntimeClass plugin's
    /// <c>RuntimeClass %q not found</c>, a field error's value) becomes the original quoted the same way; a bare one (the
    /// Priority plugin's <c>with name %v</c>, a field value) the original as is.
    /// </summary>
    public string Back(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var o in Objects)
        {
            if (text.Contains(o.Renamed, StringComparison.Ordinal))
            {
                text = text.Replace("\"" + o.Renamed + "\"", GoQuote.Quote(o.Original), StringComparison.Ordinal)
                    .Replace(o.Renamed, o.Original, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>An admission answer in the case's names: its errors and its defaulted field values.</summary>
    public AdmissionObservation Back(AdmissionObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (Objects.Count == 0)
        {
            return observation;
        }

        var errors = new List<string>(observation.Errors.Count);
        foreach (string e in observation.Errors)
        {
            errors.Add(Back(e));
        }

        var result = observation with { Errors = errors.ToValueList() };
        if (observation.Accepted)
        {
            var defaults = observation.Defaults;
            foreach (var (path, value) in observation.Defaults)
            {
                string back = Back(value);
                if (!string.Equals(back, value, StringComparison.Ordinal))
                {
                    defaults = defaults.SetItem(path, back);
                }
            }

            result = result with { Defaults = defaults };
        }

        return result;
    }

    /// <summary>
    /// The object an answer says is missing although the adapter created it (its plugin read an informer that has not
    /// seen it yet), or null: a 403 whose message is the plugin's "not found" for a renamed object that exists.
    /// </summary>
    public RenamedObject? NotYetVisible(ClusterApi.CreateResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != 403 || Objects.Count == 0)
        {
            return null;
        }

        foreach (string message in AdmissionMapping.Errors(response.Body))
        {
            foreach (var o in Objects)
            {
                if (o.Exists && message.EndsWith(" is forbidden: " + o.Kind.NotFound(o.Renamed), StringComparison.Ordinal))
                {
                    return o;
                }
            }
        }

        return null;
    }
}
