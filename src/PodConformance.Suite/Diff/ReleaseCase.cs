using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Diff;

/// <summary>
/// One case as one release's API server receives it, for <see cref="ReleaseDiffer"/>: the case's pods written as the
/// manifest the diff prints (<see cref="PodManifestWriter.ToYaml(Pod, YamlKeyOrder)"/>) and read back with that release's
/// schema (<see cref="PodManifestReader.ReadText(string, string, PodConformance.Model.Profiles.KubernetesVersion?, bool)"/>, what <c>podconf validate --kubernetes-version</c> does with a file),
/// so a field the release does not have is dropped with the strict-decoding warning (SCHEMA-002, as
/// <c>fieldValidation=Warn</c>, SCHEMA-009) instead of reaching rules of a release that could not decode it; and the
/// release's profile with the case's own feature gates (<see cref="PodCase.Gates"/>), where the release accepts them.
/// </summary>
/// <param name="Case">The case as decoded by the release (the pods without the fields it lacks); the original where refused.</param>
/// <param name="Profile">The release's profile with the case's gates added (<see cref="PodCase.ProfileFor"/>).</param>
/// <param name="Dropped">The decoder's warnings, in its order (<c>unknown field "spec.hostnameOverride"</c>): what the release dropped.</param>
/// <param name="Refusal">
/// Why the release cannot run the case at all, or null: a <c>--feature-gates</c> value it refuses (Kubernetes' message:
/// <c>unrecognized feature gate: X</c>, a lock, a dependency; FeatureGateParser) or a decoding error.
/// </param>
public sealed record ReleaseCase(ConformanceCase Case, Profile Profile, IReadOnlyList<string> Dropped, string? Refusal)
{
    /// <summary>What the decoded manifests are called in a diagnostic (never printed: a case's manifests decode without error or are refused).</summary>
    private const string DisplayName = "case";

    /// <summary>The case under both releases; the manifests are written once.</summary>
    public static (ReleaseCase From, ReleaseCase To) Pair(ConformanceCase testCase, Profile from, Profile to)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var written = Written(testCase);
        return (Make(testCase, written, from), Make(testCase, written, to));
    }

    /// <summary>The case under one release.</summary>
    public static ReleaseCase At(ConformanceCase testCase, Profile release)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(release);
        return Make(testCase, Written(testCase), release);
    }

    /// <summary>The YAML of each pod of the case, as the diff prints it; empty for a case without pods (a quantity).</summary>
    private static string[] Written(ConformanceCase testCase) => testCase switch
    {
        PodCase p => [PodManifestWriter.ToYaml(p.Pod)],
        NodePressureCase n => [.. n.Pods.Select(pod => PodManifestWriter.ToYaml(pod))],
        _ => [],
    };

    private static ReleaseCase Make(ConformanceCase testCase, string[] written, Profile release)
    {
        var profile = testCase is PodCase p ? p.ProfileFor(release) : release;
        if (testCase is PodCase { Gates.IsEmpty: false } && GateRefusal(profile) is { } refused)
        {
            return new ReleaseCase(testCase, profile, [], refused);
        }

        if (written.Length == 0)
        {
            return new ReleaseCase(testCase, profile, [], null);
        }

        var dropped = new List<string>();
        var pods = new Pod[written.Length];
        for (int i = 0; i < written.Length; i++)
        {
            var read = PodManifestReader.ReadText(written[i], DisplayName, release.Version);
            foreach (var d in read.Diagnostics)
            {
                if (d.IsError)
                {
                    return new ReleaseCase(testCase, profile, [], "decoding: " + (d.Path.Length == 0 ? d.Message : d.Path + ": " + d.Message));
                }

                dropped.Add(d.Message);
            }

            if (read.Pods.Length != 1)
            {
                return new ReleaseCase(testCase, profile, [], "decoding: the manifest gave " + read.Pods.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " pods, not 1");
            }

            pods[i] = read.Pods[0].Pod;
        }

        ConformanceCase decoded = testCase switch
        {
            PodCase pc => pc with { Pod = pods[0] },
            NodePressureCase n => n with { Pods = ValueList.Of(pods) },
            _ => testCase,
        };
        return new ReleaseCase(decoded, profile, dropped, null);
    }

    /// <summary>
    /// The profile's overrides as <c>--feature-gates</c> checked as the release's components check them (FeatureGateParser:
    /// a gate the release lacks, a locked gate set the other way, a dependency left off), with the flag in front; or null.
    /// </summary>
    private static string? GateRefusal(Profile profile)
    {
        var parts = new List<string>(profile.Overrides.Count);
        foreach (var (name, on) in profile.Overrides)
        {
            parts.Add(name + "=" + (on ? "true" : "false"));
        }

        string flag = string.Join(",", parts);
        return FeatureGateParser.TryParse(flag, profile.Version, out _, out string error) ? null : "--feature-gates " + flag + ": " + error;
    }
}
