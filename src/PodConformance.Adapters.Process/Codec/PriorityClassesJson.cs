using System.Text.Json;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Collections;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// A pod case's PriorityClasses on the wire, <c>objects.priorityClasses</c> (PROTO-015, added within v1 in session 14): a
/// list, each class as <c>name</c> and scheduling.k8s.io/v1's own fields beside it (<c>value</c>, <c>globalDefault</c>,
/// <c>preemptionPolicy</c>), so an adapter that creates the class on a cluster adds only its metadata. A list, as
/// <c>runtimeClasses</c>: the model takes the first of two global defaults of equal value in the order given (a real API
/// server's informer lists them in no fixed order, so generated cases never have such a pair).
/// </summary>
/// <remarks>
/// The classes are the cluster's own besides the two system classes (ADM-041): a class the pod names that is not among them
/// is missing (ADM-042). <c>preemptionPolicy</c> is always written, as a stored class always has it (SetDefaults_PriorityClass
/// fills <c>PreemptLowerPriority</c>); read, an absent one is that default. <c>globalDefault</c> is written only when true
/// (Go's <c>omitempty</c>). What the plugin never reads (<c>description</c>) is not sent, and is refused as unknown.
/// </remarks>
internal static class PriorityClassesJson
{
    private const string PreemptLowerPriority = "PreemptLowerPriority";
    private const string Never = "Never";

    public static void Write(Utf8JsonWriter w, ValueList<PriorityClass> classes)
    {
        w.WriteStartArray("priorityClasses");
        foreach (var pc in classes)
        {
            w.WriteStartObject();
            w.WriteString("name", pc.Name);
            w.WriteNumber("value", pc.Value);
            if (pc.GlobalDefault)
            {
                w.WriteBoolean("globalDefault", true);
            }

            w.WriteString("preemptionPolicy", pc.PreemptionPolicy);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The classes, strictly: unknown members, wrong types, a value outside int32 and an unknown policy fail with their path.</summary>
    public static ValueList<PriorityClass> Read(JsonElement? e, string path) => StrictJson.List(e, path, ReadClass);

    private static PriorityClass ReadClass(JsonElement e, string path)
    {
        var o = StrictObject.Of(e, path);
        var pc = new PriorityClass
        {
            Name = o.RequiredString("name"),
            Value = StrictJson.Int32(o.Required("value"), o.Child("value")),
            GlobalDefault = o.OptionalBool("globalDefault"),
        };
        if (o.Optional("preemptionPolicy") is { } policy)
        {
            string text = StrictJson.String(policy, o.Child("preemptionPolicy"));
            pc = text is PreemptLowerPriority or Never
                ? pc with { PreemptionPolicy = text }
                : throw new ProtocolException(o.Child("preemptionPolicy"), "expected \"Never\" or \"PreemptLowerPriority\", got " + Excerpt.Quote(text, 60));
        }

        o.RejectUnknown();
        return pc;
    }
}
