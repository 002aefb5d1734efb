using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Suite.Observations;

/// <summary>
/// A Pod as a flat map from field path (<c>spec.containers[0].imagePullPolicy</c>) to its serialized scalar,
/// the form in which DEF rules compare what an adapter stored with what the model defaulted.
/// </summary>
public static class PodFields
{
    public static ValueMap<string> Flatten(Pod pod)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        Walk(PodManifestWriter.ToTree(pod), "", builder);
        return new ValueMap<string>(builder.ToImmutable());
    }

    private static void Walk(ManifestNode node, string path, ImmutableSortedDictionary<string, string>.Builder into)
    {
        switch (node)
        {
            case ManifestMapping m:
                foreach (var (key, value) in m.Entries)
                {
                    Walk(value, path.Length == 0 ? key.Value : path + "." + key.Value, into);
                }

                break;
            case ManifestSequence s:
                for (int i = 0; i < s.Items.Length; i++)
                {
                    Walk(s.Items[i], path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", into);
                }

                break;
            case ManifestScalar scalar:
                into[path] = scalar.Value;
                break;
        }
    }
}
