using PodConformance.SchemaGen;
using PodConformance.SchemaGen.Emit;

namespace PodConformance.Manifests.Tests.Schema;

/// <summary>
/// The generated C# is a function of spec/api/*.json and HandWritten.json: re-emitting it in memory must give the
/// checked-in files byte for byte, so nobody edits them by hand and nobody forgets to re-run the generator.
/// </summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void Checked_in_generated_files_match_what_the_data_gives()
    {
        string root = RepositoryRoot();
        var releases = Program.LoadReleases(Path.Combine(root, "spec", "api"));
        var emitted = CSharpEmitter.Emit(releases, HandWritten.Load()).ToList();
        var stale = new List<string>();
        foreach (var (path, text) in emitted)
        {
            string file = Path.Combine(root, path);
            if (!File.Exists(file) || File.ReadAllText(file) != text)
            {
                stale.Add(path);
            }
        }

        var expected = emitted.Select(e => Path.GetFullPath(Path.Combine(root, e.Path))).ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(root, CSharpEmitter.ModelDir), "*.g.cs"))
        {
            if (!expected.Contains(Path.GetFullPath(file)))
            {
                stale.Add(Path.GetRelativePath(root, file) + " (no longer generated)");
            }
        }

        Assert.True(stale.Count == 0, "re-run `dotnet run --project tools/PodConformance.SchemaGen -- --repo .`; differs: " + string.Join(", ", stale));
        Assert.True(emitted.Count > 100);
    }

    [Fact]
    public void Data_has_every_release_with_its_source_commit()
    {
        var releases = Program.LoadReleases(Path.Combine(RepositoryRoot(), "spec", "api"));

        Assert.Equal(Enumerable.Range(28, 10).Select(m => "1." + m), releases.Select(r => r.Release));
        Assert.All(releases, r => Assert.All(r.Sources, s => Assert.Matches("^[0-9a-f]{40}$", s.Commit)));
    }

    /// <summary>
    /// spec/api/objects/1.NN.json (ADM-019): one per release, each read at the refs and commits its release's 1.NN.json
    /// is read at, with a struct for each kind of Program.ObjectKinds as a root; the reader loads each kind at each release.
    /// </summary>
    [Fact]
    public void Objects_data_has_every_kind_at_each_releases_commits()
    {
        string dir = Path.Combine(RepositoryRoot(), "spec", "api");
        var releases = Program.LoadReleases(dir);
        var objects = Program.LoadObjects(dir);

        Assert.Equal(releases.Select(r => r.Release), objects.Select(o => o.Release));
        for (int i = 0; i < releases.Count; i++)
        {
            Assert.Equal(Program.ObjectKinds.Select(k => k.Name), objects[i].Roots!);
            Assert.Equal(releases[i].Sources.Select(s => (s.Repository, s.Tag, s.Commit)), objects[i].Sources.Select(s => (s.Repository, s.Tag, s.Commit)));
            var version = Model.Profiles.KubernetesVersion.TryParse(objects[i].Release, out var v, out _) ? v : throw new InvalidOperationException(objects[i].Release);
            foreach (var (package, name) in Program.ObjectKinds)
            {
                var type = objects[i].Find(name);
                Assert.True(type is { Kind: "struct" } && type.Package == package, objects[i].Release + " " + name);
                Assert.Equal(Manifests.Schema.SchemaKind.Struct, Manifests.Schema.ApiSchema.ObjectsFor(version).ValueOf(name).Kind);
            }
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
