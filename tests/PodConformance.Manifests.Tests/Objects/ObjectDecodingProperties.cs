using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Schema;

namespace PodConformance.Manifests.Tests.Objects;

/// <summary>
/// ADM-019 says an object is decoded as a pod is. metav1.ObjectMeta is the one struct every kind shares with Pod, so any
/// metadata block — well typed or not, with unknown and repeated keys — must give the pod reader's diagnostics character for
/// character, in every kind, and an object must be left out exactly when the pod would be.
/// </summary>
public class ObjectDecodingProperties
{
    private static readonly (string Kind, string ApiVersion)[] Kinds =
    [
        ("ServiceAccount", "v1"), ("PriorityClass", "scheduling.k8s.io/v1"), ("LimitRange", "v1"), ("ResourceQuota", "v1"),
        ("RuntimeClass", "node.k8s.io/v1"), ("ConfigMap", "v1"), ("Secret", "v1"), ("Service", "v1"),
    ];

    /// <summary>YAML values of every JSON kind, some right for a given ObjectMeta field and most wrong.</summary>
    private static readonly string[] Values =
    [
        "x", "\"1\"", "1", "1.5", "-3", "true", "null", "[]", "[a, 1]", "{}", "{a: b}", "{a: 1}", "{a: [b]}",
        "\"2026-01-01T00:00:00Z\"", "[{kind: K, name: n, uid: u, apiVersion: v1}]", "[{controller: 1}]", "[{kindd: K}]",
        "[{manager: m, time: 3}]", "[{fieldsV1: {\"f:a\": {}}}]",
    ];

    private static Gen<string> Metadata()
    {
        var keys = ApiSchema.Objects.Type("ObjectMeta").Order.ToList();
        keys.AddRange(["labelz", "Name"]);
        var entry = from key in Gen.Elements(keys.ToArray())
                    from value in Gen.Elements(Values)
                    select key + ": " + value;
        return from n in Gen.Choose(0, 6)
               from entries in Gen.ArrayOf(entry, n)
               select "{" + string.Join(", ", entries) + "}";
    }

    [Property(Replay = "(20261207,1319)", MaxTest = 200)]
    public Property Any_metadata_decodes_in_every_kind_as_in_a_pod() =>
        Prop.ForAll(Metadata().ToArbitrary(), metadata =>
        {
            var pod = PodManifestReader.ReadText("kind: Pod\napiVersion: v1\nmetadata: " + metadata + "\n", "o.yaml");
            var expected = pod.Diagnostics.Select(d => d.ToString()).ToList();
            foreach (var (kind, apiVersion) in Kinds)
            {
                var objects = PodManifestReader.ReadText("kind: " + kind + "\napiVersion: " + apiVersion + "\nmetadata: " + metadata + "\n", "o.yaml").OtherObjects;
                var (admission, admissionDiagnostics) = AdmissionObjectMapper.Map(objects);
                var env = EnvObjectMapper.Map(objects);
                var actual = admissionDiagnostics.Concat(env.Diagnostics).Select(d => d.ToString()).ToList();
                int read = admission.ServiceAccounts.Count + admission.PriorityClasses.Count + admission.LimitRanges.Count
                    + admission.ResourceQuotas.Count + admission.RuntimeClasses.Count + env.ConfigMaps.Length + env.Secrets.Length + env.Services.Length;
                if (!actual.SequenceEqual(expected) || read != pod.Pods.Length)
                {
                    throw new InvalidOperationException(
                        $"{kind} with metadata {metadata}:\npod:    {string.Join(" | ", expected)} ({pod.Pods.Length} read)\nobject: {string.Join(" | ", actual)} ({read} read)");
                }
            }

            return true;
        });
}
