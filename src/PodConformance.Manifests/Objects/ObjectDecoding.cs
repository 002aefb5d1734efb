using System.Collections.Immutable;
using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Objects;

/// <summary>
/// The API server's strict decoding of an <c>--objects</c> object (spec/admission.md ADM-019), before any mapper reads it:
/// every field of the kind's Go struct, at any depth, typed as the pod reader types a pod's (the same
/// <c>json: cannot unmarshal …</c> errors and <c>unknown field</c> warnings (a repeated key keeps its later value, SCHEMA-008), worded
/// and placed alike), from the struct data of the release checked against (spec/api/objects/1.NN.json, kubernetes/api at that
/// release's commit: a field added in a later release is an unknown field, as that release's API server says). An object with an
/// error is one the API server would refuse: the mappers leave it out, as the pod reader leaves out such a pod.
/// </summary>
internal static class ObjectDecoding
{
    /// <summary>
    /// Decodes <paramref name="o"/> with <paramref name="version"/>'s structs, adds what the decoder reports, and says
    /// whether it decoded without an error.
    /// </summary>
    public static bool Check(ManifestObject o, KubernetesVersion version, ImmutableArray<ManifestDiagnostic>.Builder diagnostics)
    {
        var schema = ApiSchema.ObjectsFor(version);
        var mapper = new PodMapper(o.File, schema) { IsJson = o.IsJson };
        mapper.BeginObject("");
        mapper.Check(o.Raw, "", schema.ValueOf(o.Kind));
        diagnostics.AddRange(mapper.Diagnostics);
        return mapper.ErrorCount == 0;
    }
}
