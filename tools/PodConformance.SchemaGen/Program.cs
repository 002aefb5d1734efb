using System.Globalization;
using PodConformance.SchemaGen.Data;
using PodConformance.SchemaGen.Go;

namespace PodConformance.SchemaGen;

/// <summary>
/// <c>dotnet run --project tools/PodConformance.SchemaGen -- [--api GITDIR --apimachinery GITDIR] [--repo DIR]</c>:
/// with the two git directories, re-derives spec/api/1.NN.json and spec/api/objects/1.NN.json for every release; then (always) re-emits the
/// generated C# from the checked-in data. Reads local git directories only; downloads nothing.
/// </summary>
internal static class Program
{
    public const int FirstMinor = 28;
    public const int LastMinor = 37;

    public static int Main(string[] args)
    {
        string? api = null, apimachinery = null, repo = ".";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--api": api = args[i + 1]; break;
                case "--apimachinery": apimachinery = args[i + 1]; break;
                case "--repo": repo = args[i + 1]; break;
                default:
                    Console.Error.WriteLine($"schemagen: unknown option {args[i]}");
                    return 2;
            }
        }

        if ((api is null) != (apimachinery is null) || args.Length % 2 != 0)
        {
            Console.Error.WriteLine("usage: schemagen [--api GITDIR --apimachinery GITDIR] [--repo DIR]");
            return 2;
        }

        string dataDir = Path.Combine(repo, "spec", "api");
        if (api is not null)
        {
            Directory.CreateDirectory(dataDir);
            foreach (var release in Derive(new GitRepo(api), new GitRepo(apimachinery!)))
            {
                string file = Path.Combine(dataDir, release.Release + ".json");
                File.WriteAllText(file, SchemaJson.Write(release));
                Console.WriteLine($"{file}: {release.Types.Count} types from {release.Sources[0].Tag}");
            }

            string objectsDir = Path.Combine(dataDir, ObjectsDir);
            Directory.CreateDirectory(objectsDir);
            for (int minor = FirstMinor; minor <= LastMinor; minor++)
            {
                var objects = DeriveObjects(new GitRepo(api), new GitRepo(apimachinery!), minor);
                string objectsFile = Path.Combine(objectsDir, objects.Release + ".json");
                File.WriteAllText(objectsFile, SchemaJson.Write(objects));
                Console.WriteLine($"{objectsFile}: {objects.Types.Count} types from {objects.Sources[0].Tag}");
            }
        }

        var releases = LoadReleases(dataDir);
        foreach (var (path, text) in Emit.CSharpEmitter.Emit(releases, Emit.HandWritten.Load()))
        {
            string file = Path.Combine(repo, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
            Console.WriteLine(file);
        }

        return 0;
    }

    internal static IEnumerable<ApiRelease> Derive(GitRepo api, GitRepo apimachinery)
    {
        var apiTags = api.Tags();
        var machineryTags = apimachinery.Tags();
        for (int minor = FirstMinor; minor <= LastMinor; minor++)
        {
            string apiTag = Ref(apiTags, minor);
            string machineryTag = Ref(machineryTags, minor);
            const string coreFile = "core/v1/types.go";
            const string metaFile = "pkg/apis/meta/v1/types.go";
            var core = GoTypesParser.Parse(api.Show(apiTag, coreFile), coreFile);
            var meta = GoTypesParser.Parse(apimachinery.Show(machineryTag, metaFile), metaFile);
            var types = SchemaWalker.Walk(core, meta, "Pod");
            yield return new ApiRelease(
                "1." + minor.ToString(CultureInfo.InvariantCulture),
                "Pod",
                [
                    new ApiSource("kubernetes/api", apiTag, api.Commit(apiTag), [coreFile]),
                    new ApiSource("kubernetes/apimachinery", machineryTag, apimachinery.Commit(machineryTag), [metaFile]),
                ],
                types);
        }
    }

    /// <summary>
    /// The folder of the <c>--objects</c> kinds' schemas (spec/api/objects/1.NN.json), one per release beside the Pod
    /// schemas. Kept apart rather than folded into 1.NN.json so that the Pod schemas, and the C# generated from their
    /// union, do not change with the object kinds.
    /// </summary>
    public const string ObjectsDir = "objects";

    /// <summary>
    /// The kinds <c>--objects</c> reads (spec/admission.md ADM-019), as (package, struct). podconf decodes them with the
    /// structs of the release it checks against, so they are read at each release's ref (the one 1.NN.json is read at).
    /// </summary>
    internal static readonly (string Package, string Name)[] ObjectKinds =
    [
        ("core/v1", "ServiceAccount"),
        ("scheduling/v1", "PriorityClass"),
        ("core/v1", "LimitRange"),
        ("core/v1", "ResourceQuota"),
        ("node/v1", "RuntimeClass"),
        ("core/v1", "ConfigMap"),
        ("core/v1", "Secret"),
        ("core/v1", "Service"),
    ];

    internal static ApiRelease DeriveObjects(GitRepo api, GitRepo apimachinery, int minor)
    {
        string apiTag = Ref(api.Tags(), minor);
        string machineryTag = Ref(apimachinery.Tags(), minor);
        const string coreFile = "core/v1/types.go";
        const string schedulingFile = "scheduling/v1/types.go";
        const string nodeFile = "node/v1/types.go";
        const string metaFile = "pkg/apis/meta/v1/types.go";
        const string meta = SchemaWalker.MetaPackage;
        const string core = SchemaWalker.CorePackage;
        var packages = new GoPackage[]
        {
            new(core, GoTypesParser.Parse(api.Show(apiTag, coreFile), coreFile), new Dictionary<string, string> { ["metav1"] = meta }),
            new("scheduling/v1", GoTypesParser.Parse(api.Show(apiTag, schedulingFile), schedulingFile), new Dictionary<string, string> { ["metav1"] = meta, ["apiv1"] = core }),
            new("node/v1", GoTypesParser.Parse(api.Show(apiTag, nodeFile), nodeFile), new Dictionary<string, string> { ["metav1"] = meta, ["corev1"] = core }),
            new(meta, GoTypesParser.Parse(apimachinery.Show(machineryTag, metaFile), metaFile), new Dictionary<string, string>()),
        };
        var types = SchemaWalker.Walk(packages, ObjectKinds);
        return new ApiRelease(
            "1." + minor.ToString(CultureInfo.InvariantCulture),
            "",
            [
                new ApiSource("kubernetes/api", apiTag, api.Commit(apiTag), [coreFile, schedulingFile, nodeFile]),
                new ApiSource("kubernetes/apimachinery", machineryTag, apimachinery.Commit(machineryTag), [metaFile]),
            ],
            types,
            [.. ObjectKinds.Select(k => k.Name)]);
    }

    /// <summary>
    /// The newest final tag of the minor; a minor without one (1.37 at the time of writing) is still being
    /// developed on master (no release branch exists yet), so master is read: its pre-release tags miss
    /// fields merged after them (v0.37.0-beta.0 lacks emptyDir.mode).
    /// </summary>
    private static string Ref(IReadOnlyList<string> tags, int minor)
    {
        string tag = ReleaseTags.Pick(tags, minor);
        return ReleaseTags.IsPreRelease(tag) ? "master" : tag;
    }

    internal static IReadOnlyList<ApiRelease> LoadReleases(string dataDir)
    {
        var releases = new List<ApiRelease>();
        for (int minor = FirstMinor; minor <= LastMinor; minor++)
        {
            string file = Path.Combine(dataDir, "1." + minor.ToString(CultureInfo.InvariantCulture) + ".json");
            releases.Add(SchemaJson.Read(File.ReadAllText(file)));
        }

        return releases;
    }

    /// <summary>The <c>--objects</c> kinds' schema of every release (spec/api/objects/1.NN.json), oldest first.</summary>
    internal static IReadOnlyList<ApiRelease> LoadObjects(string dataDir)
    {
        var releases = new List<ApiRelease>();
        for (int minor = FirstMinor; minor <= LastMinor; minor++)
        {
            string file = Path.Combine(dataDir, ObjectsDir, "1." + minor.ToString(CultureInfo.InvariantCulture) + ".json");
            releases.Add(SchemaJson.Read(File.ReadAllText(file)));
        }

        return releases;
    }
}
