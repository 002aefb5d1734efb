using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// Where a field error points in the input: the line and column of the deepest part of an apimachinery field path
/// (<c>spec.containers[0].resources.requests[cpu]</c>) that the manifest wrote, starting from the object it belongs
/// to. A field the manifest left out (a defaulted or required one) points at its nearest written parent.
/// </summary>
public sealed class FieldLocator
{
    private readonly IReadOnlyList<ManifestNode> _roots;

    private FieldLocator(IReadOnlyList<ManifestNode> roots) => _roots = roots;

    /// <summary>Parses <paramref name="text"/> once (as the reader does) for any number of look-ups.</summary>
    public static FieldLocator For(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = PodManifestReader.ParseAsKubectl(text, Model.Profiles.KubernetesVersion.Newest);
        var roots = new List<ManifestNode>();
        foreach (var d in stream.Documents)
        {
            if (d.Root is { } root)
            {
                roots.Add(root);
            }
        }

        return new FieldLocator(roots);
    }

    /// <summary>
    /// The position of <paramref name="fieldPath"/> inside the object whose mapping starts at
    /// <paramref name="objectPosition"/> (a <see cref="LoadedPod.Position"/>); <paramref name="objectPosition"/> itself when
    /// the object or the path's first step is not found.
    /// </summary>
    public SourcePosition Locate(SourcePosition objectPosition, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(fieldPath);
        ManifestNode? node = null;
        foreach (var root in _roots)
        {
            node = Find(root, objectPosition);
            if (node is not null)
            {
                break;
            }
        }

        if (node is null)
        {
            return objectPosition;
        }

        var at = objectPosition;
        foreach (var (name, isIndex) in Steps(fieldPath))
        {
            switch (node)
            {
                case ManifestMapping m when !isIndex || !int.TryParse(name, out _):
                    var entry = Entry(m, name);
                    if (entry is null)
                    {
                        return at;
                    }

                    at = entry.Value.Key.Position.IsKnown ? entry.Value.Key.Position : at;
                    node = entry.Value.Value;
                    break;
                case ManifestSequence s when isIndex && int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) && i < s.Items.Length:
                    node = s.Items[i];
                    at = node.Position.IsKnown ? node.Position : at;
                    break;
                default:
                    return at;
            }
        }

        return at;
    }

    private static KeyValuePair<ManifestScalar, ManifestNode>? Entry(ManifestMapping m, string key)
    {
        foreach (var e in m.Entries)
        {
            if (string.Equals(e.Key.Value, key, StringComparison.Ordinal))
            {
                return e;
            }
        }

        return null;
    }

    private static ManifestNode? Find(ManifestNode node, SourcePosition position)
    {
        if (node is ManifestMapping && node.Position == position)
        {
            return node;
        }

        switch (node)
        {
            case ManifestMapping m:
                foreach (var e in m.Entries)
                {
                    if (e.Value is ManifestMapping or ManifestSequence && Find(e.Value, position) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case ManifestSequence s:
                foreach (var item in s.Items)
                {
                    if (Find(item, position) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    /// <summary><c>a.b[0].c[key.with.dots]</c> → (a), (b), (0, index), (c), (key.with.dots, index).</summary>
    private static List<(string Name, bool IsIndex)> Steps(string path)
    {
        var steps = new List<(string, bool)>();
        int i = 0;
        while (i < path.Length)
        {
            if (path[i] == '[')
            {
                int close = path.IndexOf(']', i + 1);
                if (close < 0)
                {
                    break;
                }

                steps.Add((path[(i + 1)..close], true));
                i = close + 1;
                continue;
            }

            if (path[i] == '.')
            {
                i++;
                continue;
            }

            int end = i;
            while (end < path.Length && path[end] != '.' && path[end] != '[')
            {
                end++;
            }

            steps.Add((path[i..end], false));
            i = end;
        }

        return steps;
    }
}
