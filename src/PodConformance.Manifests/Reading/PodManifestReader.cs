using System.Collections.Immutable;
using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Parsing;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// Reads Pods from Kubernetes manifests: YAML (single or multi-document), JSON, <c>kind: List</c> /
/// <c>PodList</c> and <c>kubectl get -o yaml</c> output. Never throws for bad input: every problem is a
/// <see cref="ManifestDiagnostic"/> with file, line, column and field path, and a bad document does not
/// stop the others. Objects of other kinds come back in <see cref="ManifestReadResult.OtherObjects"/>.
/// </summary>
public static class PodManifestReader
{
    /// <summary>The display name used for standard input, as kubectl's <c>-f -</c>.</summary>
    public const string StdinName = "<stdin>";

    /// <summary>Reads a file; <c>-</c> reads standard input. <paramref name="version"/> picks the schema (default: the newest release).</summary>
    public static ManifestReadResult ReadFile(string path, KubernetesVersion? version = null)
    {
        if (path == "-")
        {
            return Read(Console.In, StdinName, version);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(path, $"cannot read file: {ex.Message}");
        }

        string? text = Utf8Input.Decode(bytes, out var problem);
        return text is null
            ? new ManifestReadResult([], [], [new ManifestDiagnostic(DiagnosticSeverity.Error, path, problem!.Position, "", problem.Message)])
            : ReadText(text, path, version);
    }

    public static ManifestReadResult Read(TextReader reader, string displayName, KubernetesVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadText(reader.ReadToEnd(), displayName == "-" ? StdinName : displayName, version);
    }

    /// <summary>
    /// Reads manifest text with the schema of <paramref name="version"/> (default: the newest release), as that
    /// release's API server decodes it; <paramref name="displayName"/> is what diagnostics call the file.
    /// </summary>
    /// <remarks>
    /// With <paramref name="detectFragments"/>, a document without a kind that is a bare PodSpec or Container is read
    /// as one (<see cref="LoadedPod.Fragment"/> says which) instead of being refused.
    /// </remarks>
    public static ManifestReadResult ReadText(string text, string displayName, KubernetesVersion? version = null, bool detectFragments = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = ParseAsKubectl(text, version ?? KubernetesVersion.Newest);
        return Read(stream, IsJson(text), displayName, version, detectFragments, null);
    }

    /// <summary>
    /// Reads manifest text as <see cref="ReadText(string, string, KubernetesVersion?, bool)"/> does, every document
    /// without a kind as <paramref name="fragment"/> (names and image filled as detected fragments' are, MANI-052);
    /// documents with a kind are read as they are. <c>--fragment</c>: "documents without a kind as this fragment".
    /// </summary>
    public static ManifestReadResult ReadText(string text, string displayName, KubernetesVersion? version, ManifestFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = ParseAsKubectl(text, version ?? KubernetesVersion.Newest);
        return Read(stream, IsJson(text), displayName, version, detectFragments: false, fragment);
    }

    /// <summary>The first release whose kubectl reads JSON that does not parse as YAML (MANI-012).</summary>
    private static readonly KubernetesVersion YamlAfterJsonSince = new(1, 33);

    /// <summary>
    /// MANI-012: text that starts with <c>{</c> is read as JSON; from 1.33, when a value fails before a second one was read,
    /// kubectl's YAMLOrJSONDecoder reads the rest (from that value) as YAML, and reports the JSON error only when the YAML
    /// fails before its first document. JSON with a trailing comma or a comment is YAML, so it loads.
    /// </summary>
    internal static ParsedStream ParseAsKubectl(string text, KubernetesVersion version)
    {
        if (!IsJson(text))
        {
            return YamlTreeBuilder.Parse(text);
        }

        var json = JsonTreeBuilder.Parse(text);
        if (json.Error is null || json.JsonDocuments > 1 || version < YamlAfterJsonSince)
        {
            return json;
        }

        // The values read stay JSON; what follows is YAML at its own lines and columns (the JSON before it blanked).
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        int start = System.Text.Encoding.UTF8.GetCharCount(utf8, 0, json.FailedValueStart);
        var rest = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < start; i++)
        {
            rest.Append(text[i] is '\n' or '\r' ? text[i] : ' ');
        }

        rest.Append(text, start, text.Length - start);
        var yaml = YamlTreeBuilder.Parse(rest.ToString());
        if (yaml.Error is not null && yaml.Documents.Count == 0)
        {
            return json;
        }

        return new ParsedStream([.. json.Documents, .. yaml.Documents], yaml.Error) { JsonDocuments = json.JsonDocuments };
    }

    /// <summary>
    /// Reads one JSON value given as UTF-8 (a JSON object's raw text taken from a larger message): the same as
    /// <see cref="ReadText(string, string, KubernetesVersion?, bool)"/> of its text, without decoding it to a string and encoding it back.
    /// </summary>
    public static ManifestReadResult ReadUtf8Json(ReadOnlySpan<byte> json, string displayName, KubernetesVersion? version = null)
    {
        byte[] rented = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(1, json.Length));
        try
        {
            json.CopyTo(rented);
            return Read(JsonTreeBuilder.Parse(rented, json.Length), true, displayName, version, false, null);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static ManifestReadResult Read(ParsedStream stream, bool isJson, string displayName, KubernetesVersion? version, bool detectFragments, ManifestFragment? fragment)
    {
        var mapper = new PodMapper(displayName, ApiSchema.For(version ?? KubernetesVersion.Newest)) { IsJson = isJson };
        var pods = ImmutableArray.CreateBuilder<LoadedPod>();
        var others = ImmutableArray.CreateBuilder<ManifestObject>();
        for (int d = 0; d < stream.Documents.Count; d++)
        {
            // A stream read as JSON and then as YAML (MANI-012): each document's numbers as its own format gives them.
            mapper.IsJson = isJson && d < stream.JsonDocuments;
            var root = stream.Documents[d].Root;
            if (root is not null)
            {
                // kubectl's reading first: a repeated key's later value replaces the earlier (SCHEMA-008).
                new DocumentReader(mapper, pods, others, d, detectFragments, fragment).ReadObject(KubectlRepeatedKeys.Collapse(root), "", -1, null, null);
            }
        }

        var diagnostics = mapper.Diagnostics.ToImmutableArray();
        if (stream.Error is { } error)
        {
            string what = isJson && stream.Documents.Count == stream.JsonDocuments ? "invalid JSON" : "invalid YAML";
            diagnostics = diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, displayName, error.Position, "", $"{what}: {error.Message}"));
        }

        return new ManifestReadResult(pods.ToImmutable(), others.ToImmutable(), diagnostics);
    }

    /// <summary>
    /// Reads a fragment (the body of a PodSpec or of one Container) into a Pod that holds it, so snippets such
    /// as a tutorial's <c>env:</c> block load and are type-checked. Paths are relative to the fragment.
    /// </summary>
    public static ManifestReadResult ReadFragment(string text, string displayName, ManifestFragment fragment, KubernetesVersion? version = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var schema = ApiSchema.For(version ?? KubernetesVersion.Newest);
        var mapper = new PodMapper(displayName, schema) { IsJson = IsJson(text) };
        var pods = ImmutableArray.CreateBuilder<LoadedPod>();
        var stream = Parse(text);
        for (int d = 0; d < stream.Documents.Count; d++)
        {
            if (stream.Documents[d].Root is not { } root)
            {
                continue;
            }

            int before = mapper.ErrorCount;
            int mark = mapper.Diagnostics.Count;
            var pod = fragment == ManifestFragment.Container
                ? new Pod { Spec = new PodSpec { Containers = Model.Collections.ValueList.Of(mapper.ReadContainer(root, "", schema.ValueOf("Container"))) } }
                : new Pod { Spec = mapper.ReadPodSpec(root, "", schema.ValueOf("PodSpec")) };
            if (mapper.ErrorCount == before)
            {
                pods.Add(new LoadedPod(pod, displayName, d, -1, root.Position) { UnknownFields = mapper.UnknownFieldsSince(mark) });
            }
        }

        var diagnostics = mapper.Diagnostics.ToImmutableArray();
        if (stream.Error is { } error)
        {
            diagnostics = diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, displayName, error.Position, "", $"invalid YAML: {error.Message}"));
        }

        return new ManifestReadResult(pods.ToImmutable(), [], diagnostics);
    }

    /// <summary>JSON when the first non-space character opens an object or array, as kubectl decides.</summary>
    internal static bool IsJson(string text)
    {
        foreach (char c in text)
        {
            if (c is '\uFEFF' || char.IsWhiteSpace(c))
            {
                continue;
            }

            return c is '{' or '[';
        }

        return false;
    }

    internal static ParsedStream Parse(string text) =>
        IsJson(text) ? JsonTreeBuilder.Parse(text) : YamlTreeBuilder.Parse(text);

    private static ManifestReadResult Failed(string file, string message) =>
        new([], [], [new ManifestDiagnostic(DiagnosticSeverity.Error, file, SourcePosition.None, "", message)]);
}
