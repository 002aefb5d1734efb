using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A case's ServiceAccounts as v1 documents in the pod's namespace (after the pod), so a reported case can be replayed with
/// <c>podconf validate -f case.yaml --objects case.yaml</c> and created on a cluster as it stands.
/// </summary>
/// <remarks>
/// The case's accounts are all of its namespace's (ADM-031), while <c>--objects</c> alone assumes an account it was not given
/// exists (ADM-098): where the pod names an account that is neither given nor <c>default</c>, a comment before the first
/// account says to replay with <c>--objects-complete</c>. Annotation values are strings however they read
/// (<c>"true"</c>, <c>"yes"</c>): the YAML writer quotes those a YAML 1.1 reader would take for another type.
/// </remarks>
public static class ServiceAccountText
{
    public static string Render(ValueList<ServiceAccount> accounts, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var sb = new System.Text.StringBuilder();
        string ns = pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace;
        bool first = true;
        foreach (var sa in accounts)
        {
            var metadata = new GoldenMapBuilder().Add("name", sa.Name).Add("namespace", ns);
            if (!sa.Annotations.IsEmpty)
            {
                var annotations = new GoldenMapBuilder();
                foreach (var (k, v) in sa.Annotations)
                {
                    annotations.Add(k, v);
                }

                metadata.Add("annotations", annotations.Build());
            }

            var b = new GoldenMapBuilder()
                .Add("apiVersion", "v1")
                .Add("kind", "ServiceAccount")
                .Add("metadata", metadata.Build());
            if (sa.AutomountServiceAccountToken is bool automount)
            {
                b.Add("automountServiceAccountToken", automount);
            }

            b.Add("secrets", References(sa.Secrets));
            b.Add("imagePullSecrets", References(sa.ImagePullSecrets));
            sb.Append("---\n");
            if (first && Missing(accounts, pod.Spec.ServiceAccountName))
            {
                sb.Append("# these are all of namespace ").Append(ns).Append("'s ServiceAccounts besides default: ServiceAccount ")
                    .Append(pod.Spec.ServiceAccountName).Append(" is missing (replay with --objects-complete)\n");
            }

            first = false;
            sb.Append(GoldenYamlWriter.Write(b.Build()));
        }

        return sb.ToString();
    }

    /// <summary>Names as the API's reference lists (<c>[{name: …}]</c>); null (left out) when there are none.</summary>
    private static GoldenList? References(ValueList<string> names)
    {
        if (names.IsEmpty)
        {
            return null;
        }

        var items = new List<GoldenNode>(names.Count);
        foreach (string name in names)
        {
            items.Add(new GoldenMapBuilder().Add("name", name).Build());
        }

        return new GoldenList(items);
    }

    private static bool Missing(ValueList<ServiceAccount> accounts, string name)
    {
        if (name.Length == 0 || name == "default")
        {
            return false;
        }

        foreach (var sa in accounts)
        {
            if (sa.Name == name)
            {
                return false;
            }
        }

        return true;
    }
}
