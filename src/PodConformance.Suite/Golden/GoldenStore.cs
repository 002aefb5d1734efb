namespace PodConformance.Suite.Golden;

/// <summary>What <see cref="GoldenStore.Update"/> did to one file.</summary>
public enum GoldenChange { Unchanged, Added, Changed, Removed }

/// <summary>
/// The <c>golden/</c> directory: enumerates the committed case files, regenerates the whole set in memory
/// (generated areas from fixed seeds, plus the tutorial's seed cases, whose inputs live in
/// <c>golden/seed/manifests</c>, <c>derived</c> and <c>scenarios</c>), compares, and updates.
/// </summary>
public sealed class GoldenStore(string root)
{
    /// <summary>Directories under <c>golden/</c> that hold inputs, not cases.</summary>
    public static IReadOnlyList<string> InputDirectories { get; } =
    [
        "seed/manifests", "seed/derived", "seed/scenarios", "docs/manifests", "docs/scenarios", "scheduling/manifests", "scheduling/scenarios",

        // Reports with their own generators and drift tests (node verbs, library and runtime adapters).
        "node", "kubernetes-client", "podman",
    ];

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Committed case files as '/'-separated paths relative to <see cref="Root"/>, sorted ordinally.</summary>
    public IReadOnlyList<string> Enumerate()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        return Directory.EnumerateFiles(Root, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Where(f => !InputDirectories.Any(d => f.StartsWith(d + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Every case, freshly generated: generated areas first, then the tutorial's.</summary>
    public IReadOnlyList<GoldenCase> Generate() => [.. GoldenGenerator.All(), .. TutorialCases.All(Root), .. DocsCases.All(Root), .. SchedulingCases.All(Root)];

    /// <summary>Relative path → file text for every generated case.</summary>
    public IReadOnlyDictionary<string, string> GenerateFiles()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in Generate())
        {
            if (!files.TryAdd(c.RelativePath, GoldenCaseWriter.Write(c)))
            {
                throw new InvalidOperationException("two golden cases share the id " + c.Id);
            }
        }

        return files;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>Committed versus generated, file by file (Added: only generated; Removed: only committed).</summary>
    public IReadOnlyList<(string Path, GoldenChange Change, GoldenDiff Diff)> Compare(IReadOnlyDictionary<string, string>? generated = null)
    {
        generated ??= GenerateFiles();
        var result = new List<(string, GoldenChange, GoldenDiff)>();
        var committed = Enumerate().ToHashSet(StringComparer.Ordinal);
        foreach (var (path, text) in generated)
        {
            if (!committed.Contains(path))
            {
                result.Add((path, GoldenChange.Added, GoldenComparer.Compare("", text, "(no file)", path + " (generated)")));
                continue;
            }

            var diff = GoldenComparer.Compare(Read(path), text, path + " (committed)", path + " (generated)");
            result.Add((path, diff.Equal ? GoldenChange.Unchanged : GoldenChange.Changed, diff));
        }

        foreach (string path in committed.Where(p => !generated.ContainsKey(p)).Order(StringComparer.Ordinal))
        {
            result.Add((path, GoldenChange.Removed, GoldenComparer.Compare(Read(path), "", path + " (committed)", "(not generated)")));
        }

        return result;
    }

    /// <summary>Writes every generated file and deletes committed case files no longer generated.</summary>
    public IReadOnlyList<(string Path, GoldenChange Change)> Update()
    {
        var generated = GenerateFiles();
        var changes = Compare(generated);
        foreach (var (path, change, _) in changes)
        {
            string full = Path.Combine(Root, path);
            switch (change)
            {
                case GoldenChange.Added or GoldenChange.Changed:
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllText(full, generated[path], new System.Text.UTF8Encoding(false));
                    break;
                case GoldenChange.Removed:
                    File.Delete(full);
                    break;
            }
        }

        return changes.Select(c => (c.Path, c.Change)).ToArray();
    }
}
