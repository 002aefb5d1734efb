using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;
using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Reports;

/// <summary>
/// A case's RuntimeClasses as node.k8s.io/v1 documents (after the pod), so a reported case can be replayed with
/// <c>podconf validate -f case.yaml --objects case.yaml</c> and created on a cluster as it stands.
/// </summary>
public static class RuntimeClassText
{
    public static string Render(ValueList<RuntimeClass> classes)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var rc in classes)
        {
            var b = new GoldenMapBuilder()
                .Add("apiVersion", "node.k8s.io/v1")
                .Add("kind", "RuntimeClass")
                .Add("metadata", new GoldenMapBuilder().Add("name", rc.Name).Build())
                .Add("handler", rc.Handler);
            if (rc.HasOverhead)
            {
                var podFixed = new GoldenMapBuilder();
                foreach (var (name, q) in rc.PodFixed)
                {
                    podFixed.Add(name, q.ToString());
                }

                b.Add("overhead", new GoldenMapBuilder().Add("podFixed", rc.PodFixed.IsEmpty ? null : podFixed.Build()).Build());
            }

            if (rc.HasScheduling)
            {
                var selector = new GoldenMapBuilder();
                foreach (var (k, v) in rc.NodeSelector)
                {
                    selector.Add(k, v);
                }

                var tolerations = new List<GoldenNode>();
                foreach (var t in rc.Tolerations)
                {
                    var tb = new GoldenMapBuilder();
                    Add(tb, "key", t.Key);
                    Add(tb, "operator", t.Operator);
                    Add(tb, "value", t.Value);
                    Add(tb, "effect", t.Effect);
                    if (t.TolerationSeconds is long s)
                    {
                        tb.Add("tolerationSeconds", s);
                    }

                    tolerations.Add(tb.Build());
                }

                b.Add("scheduling", new GoldenMapBuilder()
                    .Add("nodeSelector", rc.NodeSelector.IsEmpty ? null : selector.Build())
                    .Add("tolerations", tolerations.Count == 0 ? null : new GoldenList(tolerations))
                    .Build());
            }

            sb.Append("---\n").Append(GoldenYamlWriter.Write(b.Build()));
        }

        return sb.ToString();
    }

    private static void Add(GoldenMapBuilder b, string key, string value)
    {
        if (value.Length > 0)
        {
            b.Add(key, value);
        }
    }
}
