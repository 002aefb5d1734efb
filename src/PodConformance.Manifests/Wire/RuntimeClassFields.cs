using System.Text.Json;
using PodConformance.Model.Admission.Objects;

namespace PodConformance.Manifests.Wire;

/// <summary>
/// A RuntimeClass's own node.k8s.io/v1 fields — <c>handler</c>, <c>overhead.podFixed</c>, <c>scheduling.nodeSelector</c>,
/// <c>scheduling.tolerations</c> — written into an open JSON object, one writer for the process protocol's
/// <c>objects.runtimeClasses</c> (which puts <c>name</c> before them) and the cluster adapter's create body (which puts
/// apiVersion, kind and metadata before them). <c>overhead</c> and <c>scheduling</c> appear exactly when the class has
/// them (<see cref="RuntimeClass.HasOverhead"/>, <see cref="RuntimeClass.HasScheduling"/>: Go's non-nil pointers, which
/// the plugin tests); tolerations in the pod's own <c>spec.tolerations</c> form.
/// </summary>
public static class RuntimeClassFields
{
    public static void Write(Utf8JsonWriter w, RuntimeClass rc)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(rc);
        w.WriteString("handler", rc.Handler);
        if (rc.HasOverhead)
        {
            w.WriteStartObject("overhead");
            if (!rc.PodFixed.IsEmpty)
            {
                w.WriteStartObject("podFixed");
                foreach (var (name, q) in rc.PodFixed)
                {
                    w.WriteString(name, q.ToString());
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        if (rc.HasScheduling)
        {
            w.WriteStartObject("scheduling");
            if (!rc.NodeSelector.IsEmpty)
            {
                w.WriteStartObject("nodeSelector");
                foreach (var (k, v) in rc.NodeSelector)
                {
                    w.WriteString(k, v);
                }

                w.WriteEndObject();
            }

            if (!rc.Tolerations.IsEmpty)
            {
                w.WriteStartArray("tolerations");
                foreach (var t in rc.Tolerations)
                {
                    WirePodWriter.Write(w, t);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }
    }
}
