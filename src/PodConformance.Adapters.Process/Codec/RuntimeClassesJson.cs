using System.Text.Json;
using PodConformance.Manifests.Wire;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A pod case's RuntimeClasses on the wire, <c>objects.runtimeClasses</c> (PROTO-015, added within v1 in session 13): a
/// list, each class as <c>name</c> and node.k8s.io/v1's own fields under it (<c>handler</c>, <c>overhead.podFixed</c>,
/// <c>scheduling.nodeSelector</c>, <c>scheduling.tolerations</c>), so an adapter that creates the class on a cluster adds
/// only its metadata. A list rather than a map by name, as <c>services</c>: the model looks classes up in the order given.
/// </summary>
/// <remarks>
/// <c>overhead</c> and <c>scheduling</c> are written exactly when the class has them (<see cref="RuntimeClass.HasOverhead"/>,
/// <see cref="RuntimeClass.HasScheduling"/>: Go's non-nil pointers, which the plugin tests), so <c>overhead: {}</c> is a class
/// with an overhead and no podFixed. What the plugin never reads is not sent: a podFixed without the overhead object, a node
/// selector or tolerations without the scheduling object (states a stored class cannot have).
/// </remarks>
internal static class RuntimeClassesJson
{
    public static void Write(Utf8JsonWriter w, ValueList<RuntimeClass> classes)
    {
        w.WriteStartArray("runtimeClasses");
        foreach (var rc in classes)
        {
            w.WriteStartObject();
            w.WriteString("name", rc.Name);
            RuntimeClassFields.Write(w, rc);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The classes, strictly: unknown members, wrong types and bad quantities fail with their path.</summary>
    public static ValueList<RuntimeClass> Read(JsonElement? e, string path) => StrictJson.List(e, path, ReadClass);

    private static RuntimeClass ReadClass(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var rc = new RuntimeClass { Name = o.RequiredString("name"), Handler = o.OptionalString("handler") };
        if (o.OptionalObject("overhead") is { } overhead)
        {
            rc = rc with
            {
                HasOverhead = true,
                PodFixed = StrictJson.Map(overhead.Optional("podFixed"), overhead.Child("podFixed"), ReadQuantity),
            };
            overhead.RejectUnknown();
        }

        if (o.OptionalObject("scheduling") is { } scheduling)
        {
            rc = rc with
            {
                HasScheduling = true,
                NodeSelector = scheduling.OptionalStringMap("nodeSelector"),
                Tolerations = scheduling.OptionalObjects("tolerations", ReadToleration),
            };
            scheduling.RejectUnknown();
        }

        o.RejectUnknown();
        return rc;
    }

    private static Toleration ReadToleration(StrictObject o)
    {
        var t = new Toleration
        {
            Key = o.OptionalString("key"),
            Operator = o.OptionalString("operator"),
            Value = o.OptionalString("value"),
            Effect = o.OptionalString("effect"),
            TolerationSeconds = o.Optional("tolerationSeconds") is { } s ? StrictJson.Int64(s, o.Child("tolerationSeconds")) : null,
        };
        o.RejectUnknown();
        return t;
    }

    private static Quantity ReadQuantity(JsonElement e, string path)
    {
        string text = StrictJson.String(e, path);
        return Quantity.TryParse(text, out var q)
            ? q
            : throw new ProtocolException(path, "expected a quantity (\"250m\", \"120Mi\"), got " + Excerpt.Quote(text, 60));
    }
}
