using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation.Upstream;

/// <summary>One expected field error of an upstream case: type, full field path, and optionally a detail substring.</summary>
public sealed record ExpectedError(FieldErrorType Type, string Field, string? Detail)
{
    public bool Matches(FieldError e) =>
        e.Type == Type && e.Field == Field && (Detail is null || e.Detail.Contains(Detail, StringComparison.Ordinal));

    public override string ToString() => Type + " " + Field + (Detail is null ? "" : " ~ " + Detail);
}

/// <summary>
/// A Kubernetes validation test case written as a user manifest (format: Upstream/volumes/README.md): the spec body,
/// the release and gates it runs with, and the errors upstream expects after reading it and creating it as the API server does (tests/Shared/CreateAnswer.cs).
/// </summary>
public sealed record UpstreamCase(string File, int Line, string Name, Profile Profile, string PodName, bool Subset, ImmutableList<ExpectedError> Expected, string Body)
{
    /// <summary>The release the cases' source commit (000f26050b9b) belongs to, used when a case names none.</summary>
    public static readonly KubernetesVersion DefaultRelease = new(1, 33);

    public override string ToString() => Path.GetFileName(File) + ":" + Line.ToString(CultureInfo.InvariantCulture) + " " + Name;

    /// <summary>The whole manifest: a Pod whose spec is the body, with a plain container when the body has none.</summary>
    public string Manifest()
    {
        var sb = new StringBuilder();
        sb.Append("apiVersion: v1\nkind: Pod\nmetadata:\n  name: ").Append(PodName).Append("\nspec:\n");
        bool hasContainers = false;
        foreach (string line in Body.Split('\n'))
        {
            hasContainers |= line.StartsWith("containers:", StringComparison.Ordinal);
        }

        if (!hasContainers)
        {
            sb.Append("  containers:\n  - name: c\n    image: image\n");
        }

        foreach (string line in Body.Split('\n'))
        {
            sb.Append(line.Length == 0 ? "" : "  ").Append(line).Append('\n');
        }

        return sb.ToString();
    }

    public static List<UpstreamCase> ReadAll(string directory)
    {
        var cases = new List<UpstreamCase>();
        foreach (string file in Directory.GetFiles(directory, "*.cases").OrderBy(f => f, StringComparer.Ordinal))
        {
            cases.AddRange(Read(file));
        }

        return cases;
    }

    public static List<UpstreamCase> Read(string file)
    {
        var cases = new List<UpstreamCase>();
        string[] lines = System.IO.File.ReadAllLines(file);
        int i = 0;
        var also = new List<KubernetesVersion>();
        while (i < lines.Length && !lines[i].StartsWith("=== ", StringComparison.Ordinal))
        {
            // "also-release: 1.35, 1.37": every case that names no release of its own runs at those releases too
            // (README.md: the later source was read and holds the same case, or the same checks, with the same expectation).
            if (lines[i].StartsWith("also-release:", StringComparison.Ordinal))
            {
                foreach (string r in lines[i]["also-release:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    also.Add(ParseRelease(r.Split(' ')[0]));
                }
            }

            i++;
        }

        while (i < lines.Length)
        {
            int start = i + 1;
            string name = lines[i][4..].Trim();
            i++;
            var release = DefaultRelease;
            bool ownRelease = false;
            // not-also: [<release>+] <reason>: the case skips the also-releases from that release on (all of them without one).
            KubernetesVersion? notAlsoFrom = null;
            var gates = new List<(string, bool)>();
            var expected = new List<ExpectedError>();
            string podName = "upstream";
            bool subset = false;
            for (; i < lines.Length; i++)
            {
                string l = lines[i];
                int colon = l.IndexOf(':', StringComparison.Ordinal);
                string key = colon > 0 ? l[..colon] : "";
                string value = colon > 0 ? l[(colon + 1)..].Trim() : "";
                if (key == "expect")
                {
                    expected.Add(ParseExpected(value, file, i + 1));
                }
                else if (key == "release")
                {
                    string[] parts = value.Split('.');
                    release = new KubernetesVersion(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
                    ownRelease = true;
                }
                else if (key == "not-also")
                {
                    string first = value.Split(' ')[0];
                    notAlsoFrom = first.EndsWith('+') ? ParseRelease(first[..^1]) : KubernetesVersion.Oldest;
                }
                else if (key == "gates")
                {
                    foreach (string g in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        string[] kv = g.Split('=');
                        gates.Add((kv[0], bool.Parse(kv[1])));
                    }
                }
                else if (key == "pod-name")
                {
                    podName = value;
                }
                else if (key == "mode")
                {
                    subset = value == "subset";
                }
                else if (key is not ("note" or "source"))
                {
                    break;
                }
            }

            var body = new StringBuilder();
            for (; i < lines.Length && !lines[i].StartsWith("=== ", StringComparison.Ordinal); i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            var overrides = ValueMap<bool>.Empty;
            foreach (var (g, on) in gates)
            {
                overrides = overrides.SetItem(g, on);
            }

            cases.Add(new UpstreamCase(file, start, name, new Profile(release, overrides), podName, subset, [.. expected], body.ToString().TrimEnd('\n')));
            foreach (var alsoRelease in also)
            {
                if (!ownRelease && !(notAlsoFrom is { } from && alsoRelease >= from))
                {
                    cases.Add(new UpstreamCase(file, start, name + " @" + alsoRelease, new Profile(alsoRelease, overrides), podName, subset, [.. expected], body.ToString().TrimEnd('\n')));
                }
            }
        }

        return cases;
    }

    private static KubernetesVersion ParseRelease(string text)
    {
        string[] parts = text.Split('.');
        return new KubernetesVersion(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static ExpectedError ParseExpected(string value, string file, int line)
    {
        string? detail = null;
        int tilde = value.IndexOf(" ~ ", StringComparison.Ordinal);
        if (tilde >= 0)
        {
            detail = value[(tilde + 3)..];
            value = value[..tilde];
        }

        int space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !Enum.TryParse<FieldErrorType>(value[..space], out var type))
        {
            throw new FormatException(file + ":" + line.ToString(CultureInfo.InvariantCulture) + ": expected '<Type> <field> [~ <detail>]', got " + value);
        }

        return new ExpectedError(type, value[(space + 1)..].Trim(), detail);
    }
}
