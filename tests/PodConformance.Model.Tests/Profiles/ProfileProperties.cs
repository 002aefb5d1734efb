using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>PROF-002/003/005 over generated releases and overrides of the hand-typed sample gates, with a fixed replay seed.</summary>
public class ProfileProperties
{
    public sealed record Case(KubernetesVersion Release, string Gate, ValueMap<bool> Overrides, string[] Pads);

    private static readonly Gen<Case> Cases =
        from minor in Gen.Choose(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor)
        let release = new KubernetesVersion(1, minor)
        let present = VerifiedGateRows.Rows.Keys.Where(g => VerifiedGateRows.At(g, release) is not null).Order(StringComparer.Ordinal).ToArray()
        from gate in Gen.Elements(present)
        // AllAlpha/AllBeta reach gates outside the sample (and their dependencies); unit tests cover them.
        from chosen in Gen.SubListOf(present.Where(g => g is not FeatureGateCatalog.AllAlpha and not FeatureGateCatalog.AllBeta))
        from values in Gen.ArrayOf(Gen.Elements(true, false), chosen.Count)
        from pads in Gen.ArrayOf(Gen.Elements("", " ", "  ", "\t"), 2 * chosen.Count)
        let overrides = ValueMap.Of([.. chosen.Select((g, i) =>
        {
            var row = VerifiedGateRows.At(g, release)!;
            return (g, row.Locked ? row.Default : values[i]); // a locked gate only takes its default
        })])
        select new Case(release, gate, overrides, pads);

    /// <summary>The expected value from the hand-typed rows: override, else AllAlpha/AllBeta for that stage, else default.</summary>
    private static bool Expected(string gate, Case c)
    {
        if (c.Overrides.TryGetValue(gate, out bool o))
        {
            return o;
        }

        var row = VerifiedGateRows.At(gate, c.Release)!;
        if (row.Stage == FeatureStage.Alpha && c.Overrides.TryGetValue(FeatureGateCatalog.AllAlpha, out bool a))
        {
            return a;
        }

        return row.Stage == FeatureStage.Beta && c.Overrides.TryGetValue(FeatureGateCatalog.AllBeta, out bool b) ? b : row.Default;
    }

    /// <summary>PROF-005 from the hand-typed dependency table: the errors a 1.35+ binary reports for these overrides.</summary>
    private static List<string> ExpectedDependencyErrors(Case c)
    {
        var errors = new List<string>();
        if (c.Release.Minor < 35)
        {
            return errors;
        }

        foreach (var (gate, deps) in VerifiedGateRows.Dependencies.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (VerifiedGateRows.At(gate, c.Release) is null || deps.Any(d => VerifiedGateRows.At(d, c.Release) is null) || !Expected(gate, c))
            {
                continue;
            }

            var off = deps.Where(d => !Expected(d, c)).ToArray();
            if (off.Length > 0)
            {
                errors.Add($"{gate} is enabled, but depends on features that are disabled: [{string.Join(" ", off)}]");
            }
        }

        return errors;
    }

    [Property(Replay = "(20261207,5)", MaxTest = 400)]
    public Property IsEnabled_and_parsing_follow_the_source_rows_and_dependencies() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var profile = new Profile(c.Release, c.Overrides);

            // Format back to --feature-gates syntax (with blanks around key and value, which Set trims) and re-parse.
            string text = string.Join(",", c.Overrides.Select((kv, i) =>
                c.Pads[2 * i] + kv.Key + c.Pads[2 * i + 1] + "=" + c.Pads[2 * i + 1] + (kv.Value ? "true" : "false") + c.Pads[2 * i]));
            bool parsed = FeatureGateParser.TryParse(text, c.Release, out var back, out string error);
            var depErrors = ExpectedDependencyErrors(c);
            string expectedError = depErrors.Count switch
            {
                0 => "",
                1 => depErrors[0],
                _ => "[" + string.Join(", ", depErrors) + "]",
            };

            return (profile.IsEnabled(c.Gate) == Expected(c.Gate, c)).Label($"PROF-002 {c.Gate} in {c.Release}")
                .And((parsed == (depErrors.Count == 0) && error == expectedError).Label($"PROF-005 \"{text}\" in {c.Release}: got \"{error}\", want \"{expectedError}\""))
                .And((!parsed || back == c.Overrides).Label($"PROF-003 round trip of \"{text}\""));
        });

    [Property(Replay = "(20261208,11)", MaxTest = 100)]
    public Property Setting_any_existing_gates_to_their_defaults_is_accepted_and_changes_nothing() =>
        Prop.ForAll(Arb.From(
            from minor in Gen.Choose(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor)
            let release = new KubernetesVersion(1, minor)
            let present = FeatureGateCatalog.All.Where(g => g.StageAt(release) is not null && g.Name is not FeatureGateCatalog.AllAlpha and not FeatureGateCatalog.AllBeta).ToArray()
            from chosen in Gen.SubListOf(present)
            select (release, chosen)), t =>
        {
            var (release, chosen) = t;
            string text = string.Join(",", chosen.Select(g => g.Name + "=" + (g.StageAt(release)!.Default ? "true" : "false")));
            bool ok = FeatureGateParser.TryParse(text, release, out var overrides, out string error);
            var profile = new Profile(release, overrides);
            return (ok && chosen.All(g => profile.IsEnabled(g.Name) == g.StageAt(release)!.Default))
                .Label($"{release}: \"{text}\" -> {error}");
        });
}
