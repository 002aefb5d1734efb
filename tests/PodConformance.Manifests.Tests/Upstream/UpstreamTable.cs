using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// An upstream Go test table checked in as data (Fixtures/upstream/**): a header naming the source file, the commit it
/// was read at and the test function, then the cases. Pods are Pod objects read with the manifest reader; nodes use
/// the scenario's node form. Reading is strict: an unknown key, a pod that does not map, or a missing header field
/// fails the test that loads the table, so a typo cannot silently drop a case.
/// </summary>
internal sealed class UpstreamTable
{
    /// <summary><c>shared</c> holds YAML anchors the cases refer to (selectors, node lists); it is never read as a case.</summary>
    private static readonly string[] HeaderKeys = ["source", "commit", "function", "plugin", "cases", "pending", "shared"];

    private UpstreamTable(string file, ManifestMapping root, IReadOnlyList<UpstreamTableCase> cases)
    {
        File = file;
        Source = Text(root, "source");
        Commit = Text(root, "commit");
        Function = Text(root, "function");
        Plugin = Text(root, "plugin");
        Cases = cases;
        Pending = root.Get("pending") is ManifestSequence p ? p.Items.Select(i => ((ManifestScalar)i).Value).ToArray() : [];
    }

    public string File { get; }

    public string Source { get; }

    public string Commit { get; }

    public string Function { get; }

    public string Plugin { get; }

    public IReadOnlyList<UpstreamTableCase> Cases { get; }

    /// <summary>Cases of the upstream function not run yet, by name, with the reason in the file's header comment.</summary>
    public IReadOnlyList<string> Pending { get; }

    public static UpstreamTable Load(string relativePath, params string[] caseKeys)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "upstream", relativePath);
        var stream = PodManifestReader.Parse(System.IO.File.ReadAllText(path));
        Assert.Null(stream.Error);
        var root = Assert.IsType<ManifestMapping>(Assert.Single(stream.Documents).Root);
        foreach (var (key, _) in root.Entries)
        {
            Assert.True(HeaderKeys.Contains(key.Value), relativePath + ": unknown key " + key.Value);
        }

        var cases = new List<UpstreamTableCase>();
        foreach (var item in Assert.IsType<ManifestSequence>(root.Get("cases")).Items)
        {
            var c = new UpstreamTableCase(relativePath, Assert.IsType<ManifestMapping>(item));
            foreach (var (key, _) in c.Raw.Entries)
            {
                Assert.True(key.Value == "name" || caseKeys.Contains(key.Value), relativePath + ": case \"" + c.Name + "\": unknown key " + key.Value);
            }

            cases.Add(c);
        }

        var table = new UpstreamTable(relativePath, root, cases);
        Assert.Matches("^[0-9a-f]{40}$", table.Commit);
        Assert.False(string.IsNullOrEmpty(table.Source));
        Assert.False(string.IsNullOrEmpty(table.Function));
        Assert.NotEmpty(table.Cases);
        Assert.Equal(table.Cases.Count, table.Cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        return table;
    }

    internal static string Text(ManifestMapping map, string key) => map.Get(key) is ManifestScalar { IsNull: false } s ? s.Value : "";
}

/// <summary>One case of an <see cref="UpstreamTable"/>.</summary>
internal sealed class UpstreamTableCase(string file, ManifestMapping raw)
{
    public ManifestMapping Raw { get; } = raw;

    public string Name => UpstreamTable.Text(Raw, "name");

    public bool Has(string key) => Raw.Get(key) is not null;

    public string Text(string key) => UpstreamTable.Text(Raw, key);

    public ManifestMapping? Map(string key) => Raw.Get(key) as ManifestMapping;

    /// <summary>A Pod object, mapped strictly (an error fails the test).</summary>
    public Pod Pod(string key = "pod")
    {
        var node = Raw.Get(key) ?? throw new InvalidOperationException(file + ": case \"" + Name + "\" has no " + key);
        return MapPod(node, key);
    }

    public IReadOnlyList<Pod> Pods(string key)
    {
        if (Raw.Get(key) is not ManifestSequence seq)
        {
            return [];
        }

        var pods = new List<Pod>(seq.Items.Length);
        for (int i = 0; i < seq.Items.Length; i++)
        {
            pods.Add(MapPod(seq.Items[i], key + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
        }

        return pods;
    }

    /// <summary>A node in the scenario's node form; an empty name is allowed (upstream tests use unnamed nodes).</summary>
    public Node Node(string key = "node")
    {
        var reader = new NodeReader(file);
        var node = reader.ReadNode(Raw.Get(key) ?? throw new InvalidOperationException(file + ": case \"" + Name + "\" has no " + key), key);
        Assert.True(reader.Errors.All(e => e.EndsWith("name: Required value", StringComparison.Ordinal)), string.Join("\n", reader.Errors));
        return node;
    }

    /// <summary>A sequence of nodes in the scenario's node form (<see cref="Node"/> for each item).</summary>
    public IReadOnlyList<Node> Nodes(string key)
    {
        var seq = Raw.Get(key) as ManifestSequence ?? throw new InvalidOperationException(file + ": case \"" + Name + "\" has no list " + key);
        var nodes = new List<Node>(seq.Items.Length);
        for (int i = 0; i < seq.Items.Length; i++)
        {
            var reader = new NodeReader(file);
            nodes.Add(reader.ReadNode(seq.Items[i], key + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
            Assert.True(!reader.Errors.Any(), string.Join("\n", reader.Errors));
        }

        return nodes;
    }

    public IReadOnlyList<string> Strings(string key) =>
        Raw.Get(key) is ManifestSequence seq ? seq.Items.Select(i => ((ManifestScalar)i).Value).ToArray() : [];

    private Pod MapPod(ManifestNode node, string path)
    {
        var schema = PodConformance.Manifests.Schema.ApiSchema.For(Model.Profiles.KubernetesVersion.Newest);
        var mapper = new PodMapper(file, schema);
        var pod = mapper.ReadPod(node, path, schema.RootField);
        Assert.True(mapper.ErrorCount == 0, file + ": case \"" + Name + "\": " + string.Join("; ", mapper.Diagnostics));
        var meta = pod.Metadata;
        return pod with { Metadata = meta.Namespace.Length == 0 ? meta with { Namespace = "default" } : meta };
    }

    private sealed class NodeReader(string file) : StrictFieldReader(file)
    {
        public IEnumerable<string> Errors => Diagnostics.Where(d => d.IsError).Select(d => d.ToString());
    }
}
