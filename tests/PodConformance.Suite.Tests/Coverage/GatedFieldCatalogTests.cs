using PodConformance.Generators;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Profiles;

namespace PodConformance.Suite.Tests.Coverage;

/// <summary>
/// The gated fields of a PodSpec are the schema's data (spec/api/*.json, each field's <c>+featureGate=</c> markers): every
/// one, in every release, is either used by valid admission pods where its gate is on (<see cref="GatedFieldGen.All"/>) or
/// named here with where else it is generated, or why it is not. A field a new release adds fails this test until it is.
/// </summary>
public sealed class GatedFieldCatalogTests
{
    /// <summary>Gated PodSpec fields that <see cref="GatedFieldGen"/> does not set, keyed <c>GoStruct.json</c>, and why.</summary>
    internal static IReadOnlyDictionary<string, string> Elsewhere { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["PodSpec.resourceClaims"] = "PlacementGen, in every release (the create strategy drops it where DynamicResourceAllocation is off, DEF-300; GatedFieldGen.InReleaseForm writes the 1.28–1.30 form where it is on)",
        ["ResourceRequirements.claims"] = "PlacementGen, with spec.resourceClaims",
        ["PodSpec.schedulingGates"] = "PlacementGen (and SchedulingGen's lifecycle cases), in every release: PodSchedulingReadiness is on by default from 1.28",
        ["PodSpec.resources"] = "PodExtras.Enrich (Suite), the pod-level resources of P-ADM-* and P-QOS-CLASS cases",
        ["PodSecurityContext.seLinuxChangePolicy"] = "SecurityGen, in every release (dropped where SELinuxChangePolicy is off: DEF-201)",
        ["PodSecurityContext.supplementalGroupsPolicy"] = "SecurityGen, in every release (dropped where SupplementalGroupsPolicy is off: DEF-201)",
        ["Container.restartPolicy"] = "ContainerGen's sidecars (init containers with restartPolicy Always; SidecarContainers is on by default from 1.29), and GatedFieldGen's Container.restartPolicyRules entry (a regular container's own policy, needed with rules)",
        ["EphemeralContainer.resizePolicy"] = "never in a valid pod: an ephemeral container is refused on create (VAL-016's ephemeral-container-on-create); only as an explicit empty list in the invalid variant ephemeral-empty-collection (EphemeralContainerMutations, where InPlacePodVerticalScaling is on)",
        ["EphemeralContainer.restartPolicy"] = "never: an ephemeral container is refused on create (VAL-016's ephemeral-container-on-create), so no valid pod has one",
        ["EphemeralContainer.restartPolicyRules"] = "never in a valid pod: as EphemeralContainer.resizePolicy; only as an explicit empty list in the invalid variant ephemeral-empty-collection (where ContainerRestartRules is on)",
        ["EnvVarSource.fileKeyRef"] = "EnvGen (env cases; owned by the env area, not by GatedFieldGen)",
        ["SecretVolumeSource.defaultUser"] = "GatedFieldGen's ConfigMapVolumeSource.defaultUser entry (one of its four volume kinds)",
        ["KeyToPath.user"] = "GatedFieldGen's ConfigMapVolumeSource.defaultUser entry (its configMap volume's item)",
        ["DownwardAPIVolumeSource.defaultUser"] = "GatedFieldGen's ConfigMapVolumeSource.defaultUser entry (one of its four volume kinds)",
        ["DownwardAPIVolumeFile.user"] = "GatedFieldGen's ConfigMapVolumeSource.defaultUser entry (one of its four volume kinds)",
        ["ProjectedVolumeSource.defaultUser"] = "GatedFieldGen's ConfigMapVolumeSource.defaultUser entry (one of its four volume kinds)",
        ["ServiceAccountTokenProjection.user"] = "GatedFieldGen's ConfigMapVolumeSource.defaultUser entry (one of its four volume kinds)",
    };

    /// <summary>
    /// Markers whose gate no release registers, and the gate the create strategy reads instead (the one the model drops the
    /// field by, and the entry's): <c>VolumeProjection.podCertificate</c> is marked <c>+featureGate=PodCertificateProjection</c>
    /// in k8s.io/api (spec/api 1.34–1.37), a name absent from every release's feature-gate list (spec/gates/feature-gates.json),
    /// while pkg/api/pod/util.go's <c>dropDisabledPodCertificateProjection</c> reads PodCertificateRequest (DEF-409).
    /// </summary>
    internal static IReadOnlyDictionary<string, string> UnregisteredMarkers { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["PodCertificateProjection"] = FeatureGateNames.PodCertificateRequest,
    };

    /// <summary>The unregistered markers are unknown to the catalogue in every release, and the gates read instead are known where the field is.</summary>
    [Fact]
    public void An_unregistered_marker_is_unknown_and_its_stand_in_is_known()
    {
        foreach (var (marker, gate) in UnregisteredMarkers)
        {
            Assert.Null(FeatureGateCatalog.Find(marker));
            Assert.NotNull(FeatureGateCatalog.Find(gate));
            Assert.Contains(GatedFieldGen.All, f => f.Gate == gate);
        }
    }

    public static TheoryData<string> Releases => [.. Enumerable.Range(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor - KubernetesVersion.Oldest.Minor + 1).Select(m => "1." + m)];

    [Theory]
    [MemberData(nameof(Releases))]
    public void Every_gated_field_of_a_pod_spec_is_generated_or_explained(string version)
    {
        Assert.True(KubernetesVersion.TryParse(version, out var release, out string error), error);
        var generated = GatedFieldGen.All.Where(f => release >= f.Since && (f.Until is not { } u || release <= u)).ToDictionary(f => f.Field, f => f.Gate, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (field, gates) in GatedFields(ApiSchema.For(release)))
        {
            if (generated.TryGetValue(field, out string? gate))
            {
                bool same = gates.Contains(gate) || gates.Any(g => UnregisteredMarkers.TryGetValue(g, out string? read) && read == gate);
                Assert.True(same, $"{field} at {version}: the schema gates it by {string.Join(",", gates)}, GatedFieldGen by {gate}");
            }
            else if (!Elsewhere.ContainsKey(field))
            {
                missing.Add(field + " (" + string.Join(",", gates) + ")");
            }
        }

        Assert.True(missing.Count == 0, "gated fields at " + version + " neither in GatedFieldGen.All nor explained: " + string.Join("; ", missing));
    }

    /// <summary>
    /// Every entry of <see cref="GatedFieldGen.All"/> names a field the schema has in each release of its range, and is
    /// gated there by the entry's gate — by the field's marker, or (where the types carry none) by the drop the model reads.
    /// </summary>
    [Fact]
    public void Every_entry_names_a_field_of_its_releases()
    {
        foreach (var entry in GatedFieldGen.All)
        {
            for (var v = entry.Since; v <= (entry.Until ?? KubernetesVersion.Newest); v = new KubernetesVersion(v.Major, v.Minor + 1))
            {
                string[] parts = entry.Field.Split('.');
                Assert.True(ApiSchema.For(v).Types.Any(t => t.Fields.Values.Any(f => f.Owner == parts[0] && f.Json == parts[1])), $"{entry.Field} is not in the {v} schema");
            }
        }
    }

    /// <summary>The fields reachable from PodSpec that carry a +featureGate marker, keyed by their Go struct and json name.</summary>
    private static Dictionary<string, HashSet<string>> GatedFields(ApiSchema schema)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<SchemaType>([schema.Type("PodSpec")]);
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (!seen.Add(type.Name))
            {
                continue;
            }

            foreach (var field in type.Fields.Values)
            {
                if (!field.FeatureGates.IsEmpty)
                {
                    string key = field.Owner + "." + field.Json;
                    if (!result.TryGetValue(key, out var gates))
                    {
                        result[key] = gates = new HashSet<string>(StringComparer.Ordinal);
                    }

                    gates.UnionWith(field.FeatureGates);
                }

                for (var f = field; f is not null; f = f.Item)
                {
                    if (f.Struct is { } inner)
                    {
                        queue.Enqueue(inner);
                    }
                }
            }
        }

        return result;
    }
}
