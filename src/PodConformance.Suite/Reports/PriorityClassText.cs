using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A case's PriorityClasses as scheduling.k8s.io/v1 documents (after the pod), so a reported case can be replayed with
/// <c>podconf validate -f case.yaml --objects case.yaml</c> and created on a cluster as it stands.
/// </summary>
/// <remarks>
/// The case's classes are all of its cluster's own (ADM-042), while <c>--objects</c> alone assumes a class it was not given
/// exists (ADM-098): where the pod names a class that is neither given nor a system class, a comment before the first class
/// says to replay with <c>--objects-complete</c>.
/// </remarks>
public static class PriorityClassText
{
    public static string Render(ValueList<PriorityClass> classes, Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var sb = new System.Text.StringBuilder();
        bool first = true;
        foreach (var pc in classes)
        {
            var b = new GoldenMapBuilder()
                .Add("apiVersion", "scheduling.k8s.io/v1")
                .Add("kind", "PriorityClass")
                .Add("metadata", new GoldenMapBuilder().Add("name", pc.Name).Build())
                .Add("value", pc.Value);
            if (pc.GlobalDefault)
            {
                b.Add("globalDefault", true);
            }

            b.Add("preemptionPolicy", pc.PreemptionPolicy);
            sb.Append("---\n");
            if (first && Missing(classes, pod.Spec.PriorityClassName))
            {
                sb.Append("# these are all of the cluster's PriorityClasses besides the system ones: PriorityClass ")
                    .Append(pod.Spec.PriorityClassName).Append(" is missing (replay with --objects-complete)\n");
            }

            first = false;
            sb.Append(GoldenYamlWriter.Write(b.Build()));
        }

        return sb.ToString();
    }

    private static bool Missing(ValueList<PriorityClass> classes, string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var pc in PriorityClass.SystemClasses.Concat(classes))
        {
            if (pc.Name == name)
            {
                return false;
            }
        }

        return true;
    }
}
