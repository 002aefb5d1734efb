using PodConformance.Manifests.Schema;
using PodConformance.Model.Profiles;

namespace PodConformance.Suite.Diff;

/// <summary>What happened to one field of the Pod API between two releases.</summary>
public enum SchemaChangeKind { Added, Removed, TypeChanged, ValuesChanged }

/// <summary>
/// A difference in the Pod API data (spec/api/1.NN.json, from kubernetes/api): a field path (<c>spec.containers[*].
/// restartPolicyRules</c>) added or removed, its Go type changed, or the values of its enum type changed. A field
/// added with a whole new type is one change: what lies below it is new too.
/// </summary>
public sealed record SchemaChange(string Path, SchemaChangeKind Kind, string From, string To)
{
    /// <summary>The Go struct and json name the change is about (<c>Container.restartPolicyRules</c>).</summary>
    public string Field { get; init; } = "";

    /// <summary>Other paths that reach the same field of the same struct (the same change seen from initContainers…).</summary>
    public IReadOnlyList<string> AlsoAt { get; init; } = [];

    /// <summary>Fields of <paramref name="to"/> that <paramref name="from"/> lacks, and the other way round, in path order.</summary>
    public static IReadOnlyList<SchemaChange> Between(KubernetesVersion from, KubernetesVersion to)
    {
        var a = ApiSchema.For(from);
        var b = ApiSchema.For(to);
        var changes = new List<SchemaChange>();
        Compare(a.RootField.Struct!, b.RootField.Struct!, "", changes, 0);
        changes.Sort((x, y) => string.CompareOrdinal(x.Path, y.Path));

        // One change per struct field: Container.restartPolicyRules once, with the other paths that reach it.
        var merged = new List<SchemaChange>();
        var index = new Dictionary<(string, SchemaChangeKind, string, string), int>();
        foreach (var c in changes)
        {
            var key = (c.Field, c.Kind, c.From, c.To);
            if (index.TryGetValue(key, out int i))
            {
                merged[i] = merged[i] with { AlsoAt = [.. merged[i].AlsoAt, c.Path] };
                continue;
            }

            index[key] = merged.Count;
            merged.Add(c);
        }

        return merged;
    }

    private static void Compare(SchemaType a, SchemaType b, string prefix, List<SchemaChange> changes, int depth)
    {
        if (depth > 16)
        {
            return; // the Pod API has no cycles this deep; a guard, not a limit that is reached
        }

        foreach (string name in b.Order)
        {
            string path = prefix.Length == 0 ? name : prefix + "." + name;
            var fb = b.Fields[name];
            if (a.Field(name) is not { } fa)
            {
                changes.Add(new SchemaChange(path, SchemaChangeKind.Added, "", Describe(fb)) { Field = b.Name + "." + name });
                continue;
            }

            CompareField(fa, fb, path, changes, depth);
        }

        foreach (string name in a.Order)
        {
            if (b.Field(name) is null)
            {
                changes.Add(new SchemaChange(prefix.Length == 0 ? name : prefix + "." + name, SchemaChangeKind.Removed, Describe(a.Fields[name]), "") { Field = a.Name + "." + name });
            }
        }
    }

    private static void CompareField(SchemaField fa, SchemaField fb, string path, List<SchemaChange> changes, int depth)
    {
        if (!string.Equals(fa.GoType, fb.GoType, StringComparison.Ordinal) && fa.Kind != fb.Kind)
        {
            changes.Add(new SchemaChange(path, SchemaChangeKind.TypeChanged, Describe(fa), Describe(fb)) { Field = fb.Owner + "." + fb.Json });
            return;
        }

        if (!fa.Values.SequenceEqual(fb.Values, StringComparer.Ordinal))
        {
            var removed = fa.Values.Where(v => !fb.Values.Contains(v)).Select(v => "-" + v);
            var added = fb.Values.Where(v => !fa.Values.Contains(v)).Select(v => "+" + v);
            changes.Add(new SchemaChange(path, SchemaChangeKind.ValuesChanged, "", string.Join(" ", removed.Concat(added))) { Field = fb.Owner + "." + fb.Json });
        }

        if (fa.Struct is { } sa && fb.Struct is { } sb)
        {
            Compare(sa, sb, path, changes, depth + 1);
        }
        else if (fa.Item is { } ia && fb.Item is { } ib)
        {
            CompareField(ia, ib, path + "[*]", changes, depth + 1);
        }
    }

    private static string Describe(SchemaField f) =>
        f.FeatureGates.IsEmpty ? f.GoType : f.GoType + " (gate " + string.Join(", ", f.FeatureGates) + ")";
}
