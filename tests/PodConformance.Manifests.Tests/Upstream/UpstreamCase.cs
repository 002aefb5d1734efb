using System.Globalization;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// One case of an upstream-vector file (<c>tests/PodConformance.Model.Tests/Validation/Upstream/&lt;area&gt;/*.cases</c>):
/// a Pod manifest, the profile it needs, and what Kubernetes' own test pins about the answer.
/// </summary>
public sealed record UpstreamCase(string File, int Line, string Name, Profile Profile, IReadOnlyList<string> Expectations, string Manifest)
{
    public override string ToString() => Name;

    /// <summary>Further releases the case runs at (<c>also:</c>), with the same gates: releases whose upstream copy holds it too.</summary>
    public IReadOnlyList<KubernetesVersion> Also { get; init; } = [];

    /// <summary>The case's profile, then the same gates at each <see cref="Also"/> release.</summary>
    public IEnumerable<Profile> Profiles()
    {
        yield return Profile;
        foreach (var version in Also)
        {
            yield return new Profile(version, Profile.Overrides);
        }
    }

    /// <summary>
    /// Parses <c>=== name</c> blocks: header lines (<c>profile:</c>, <c>also:</c>, <c>gates:</c>, <c>note:</c>, <c>expect:</c>,
    /// <c>exact:</c>, <c>absent:</c>, <c>warn:</c>, <c>via:</c>) up to a <c>---</c> line, then the manifest up to the next block.
    /// Lines starting with '#' before the first block are comments.
    /// </summary>
    public static IReadOnlyList<UpstreamCase> Parse(string path, KubernetesVersion defaultVersion)
    {
        string[] lines = System.IO.File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var cases = new List<UpstreamCase>();
        int i = 0;
        while (i < lines.Length && !lines[i].StartsWith("=== ", StringComparison.Ordinal))
        {
            i++;
        }

        while (i < lines.Length)
        {
            int start = i;
            string name = lines[i][4..].Trim();
            i++;
            var version = defaultVersion;
            var gates = new List<(string, bool)>();
            var expectations = new List<string>();
            var also = new List<KubernetesVersion>();
            for (; i < lines.Length && lines[i] != "---"; i++)
            {
                string line = lines[i];
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    throw new FormatException($"{path}:{i + 1}: header line without a key: {line}");
                }

                string key = line[..colon];
                string value = line[(colon + 1)..].Trim();
                switch (key)
                {
                    case "profile":
                        if (!KubernetesVersion.TryParse(value, out version, out string error))
                        {
                            throw new FormatException($"{path}:{i + 1}: {error}");
                        }

                        break;
                    case "also":
                        foreach (string release in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            if (!KubernetesVersion.TryParse(release, out var extra, out string alsoError))
                            {
                                throw new FormatException($"{path}:{i + 1}: {alsoError}");
                            }

                            also.Add(extra);
                        }

                        break;
                    case "gates":
                        foreach (string pair in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            string[] kv = pair.Split('=');
                            gates.Add((kv[0], bool.Parse(kv[1])));
                        }

                        break;
                    case "note":
                        break;
                    case "expect":
                    case "exact":
                    case "absent":
                    case "warn":
                    case "via":
                        expectations.Add(key + ": " + value);
                        break;
                    default:
                        throw new FormatException($"{path}:{i + 1}: unknown header key {key}");
                }
            }

            i++;
            int bodyStart = i;
            while (i < lines.Length && !lines[i].StartsWith("=== ", StringComparison.Ordinal))
            {
                i++;
            }

            string manifest = string.Join('\n', lines[bodyStart..i]).TrimEnd() + "\n";
            var overrides = gates.Count == 0 ? ValueMap<bool>.Empty : ValueMap.Of(gates.ToArray());
            cases.Add(new UpstreamCase(System.IO.Path.GetFileName(path), start + 1, name, new Profile(version, overrides), expectations, manifest) { Also = also });
        }

        return cases;
    }

    public static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
