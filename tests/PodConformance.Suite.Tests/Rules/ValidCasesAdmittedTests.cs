using System.Globalization;
using System.Text;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Rules;

/// <summary>
/// The cases the admission properties draw as valid are admitted, at every release's defaults and with every gate on:
/// P-ADM-DEFAULTS, P-QOS-CLASS and P-OOM-SCORE (all their cases are meant to be accepted: enriched pods, and pods naming an
/// existing RuntimeClass with its cluster's classes) and P-ADM-VALIDATION's valid share (<see cref="Catalog.ValidAdmissionPods"/>;
/// its refused shares, mutations and RuntimeClass variants, are labelled by their rule and are not drawn here). A refused
/// "valid" pod is not a crash: P-ADM-DEFAULTS would compare only "rejected", so the defaults it was drawn for would go
/// unchecked (found in session 13: <see cref="PodExtras"/> turned on hostNetwork beside a net.* sysctl, a hostnameOverride,
/// hostUsers: false or ports that became clashing host ports). Cases are drawn as the default run draws them (seed, count,
/// sizes: <see cref="SuiteRunner.CaseAt"/>); refusals are grouped by the first error's rule and field path and printed.
/// </summary>
public sealed class ValidCasesAdmittedTests(ITestOutputHelper output)
{
    /// <summary>Every supported release.</summary>
    public static TheoryData<string> EveryRelease => ["1.28", "1.29", "1.30", "1.31", "1.32", "1.33", "1.34", "1.35", "1.36", "1.37"];

    /// <summary>P-ADM-VALIDATION's valid share is a fifth of its 2500 cases: as many draws, over the same sizes.</summary>
    private const int ValidShareCount = 500;

    [Theory]
    [MemberData(nameof(EveryRelease))]
    public void Valid_cases_are_admitted_at_the_release_defaults(string version) => AssertAdmitted(Release(version));

    [Theory]
    [MemberData(nameof(EveryRelease))]
    public void Valid_cases_are_admitted_with_every_gate_on(string version)
    {
        var release = Release(version).Version;
        Assert.True(FeatureGateParser.TryParse("AllAlpha=true,AllBeta=true", release, out var overrides, out string error), error);
        AssertAdmitted(Profile.For(release) with { Overrides = overrides });
    }

    private static Profile Release(string version)
    {
        Assert.True(KubernetesVersion.TryParse(version, out var release, out string error), error);
        return Profile.For(release);
    }

    private void AssertAdmitted(Profile profile)
    {
        var options = new RunOptions { Profile = profile };
        var refused = new SortedDictionary<string, (int Count, string Example)>(StringComparer.Ordinal);
        int drawn = 0;
        foreach (string id in new[] { "P-ADM-DEFAULTS", "P-QOS-CLASS", "P-OOM-SCORE" })
        {
            var property = Catalog.Find(id)!;
            int count = options.CountFor(property);
            var gen = property.Cases(profile);
            for (int i = 0; i < count; i++)
            {
                drawn++;
                Check(id, SuiteRunner.CaseAt(gen, options.Seed, i, count), profile, refused);
            }
        }

        var validShare = Catalog.ValidAdmissionPods(profile);
        for (int i = 0; i < ValidShareCount; i++)
        {
            drawn++;
            Check("P-ADM-VALIDATION (valid share)", new PodCase(CaseSchedule.Draw(validShare, options.Seed, i, ValidShareCount)), profile, refused);
        }

        var report = new StringBuilder();
        foreach (var (key, (n, example)) in refused)
        {
            string message = example[..example.IndexOf('\n', StringComparison.Ordinal)];
            report.Append(CultureInfo.InvariantCulture, $"{n,5}  {key}\n       e.g. {(message.Length > 300 ? message[..300] + "…" : message)}\n");
        }

        output.WriteLine($"{profile}: {drawn} valid cases drawn, {refused.Values.Sum(r => r.Count)} refused\n{report}");
        Assert.True(refused.Count == 0, $"{profile}: valid cases refused (count, property, first error's rule and path):\n{report}first example:\n{refused.Values.FirstOrDefault().Example}");
    }

    private static void Check(string property, ConformanceCase testCase, Profile profile, SortedDictionary<string, (int Count, string Example)> refused)
    {
        var c = Assert.IsType<PodCase>(testCase);
        var created = PodCreate.Run(c.Pod, c.ProfileFor(profile), c.AdmissionObjects());
        if (created.Rejection is not { } r)
        {
            return;
        }

        string key = property + "  " + (r.Validation is { Errors.Count: > 0 } v ? v.Errors[0].Rule + " " + WithoutIndices(v.Errors[0].Field) : r.Rule + " (" + r.Reason + ")");
        refused[key] = refused.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, r.Message + "\n" + c.Pod);
    }

    /// <summary><c>spec.containers[2].ports[1].hostPort</c> as <c>spec.containers[*].ports[*].hostPort</c>, so errors group by field.</summary>
    private static string WithoutIndices(string path)
    {
        var sb = new StringBuilder(path.Length);
        bool inIndex = false;
        foreach (char ch in path)
        {
            if (ch == '[')
            {
                inIndex = true;
                sb.Append("[*");
            }
            else if (ch == ']')
            {
                inIndex = false;
                sb.Append(']');
            }
            else if (!inIndex)
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
