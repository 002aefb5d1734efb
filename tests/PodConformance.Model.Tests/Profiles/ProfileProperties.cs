using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>PROF-002/003 over generated releases and overrides, with a fixed replay seed.</summary>
public class ProfileProperties
{
    public sealed record Case(KubernetesVersion Release, string Gate, ValueMap<bool> Overrides, string[] Pads);

    private static readonly Gen<Case> Cases =
        from minor in Gen.Choose(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor)
        let release = new KubernetesVersion(1, minor)
        let present = FeatureGateCatalog.All.Where(g => g.StageAt(release) is not null).ToArray()
        from gate in Gen.Elements(present)
        from chosen in Gen.SubListOf(present)
        from values in Gen.ArrayOf(Gen.Elements(true, false), chosen.Count)
        from pads in Gen.ArrayOf(Gen.Elements("", " ", "  ", "\t"), 2 * chosen.Count)
        let overrides = ValueMap.Of([.. chosen.Select((g, i) =>
        {
            var stage = g.StageAt(release)!;
            return (g.Name, stage.Locked ? stage.Default : values[i]); // a locked gate only takes its default
        })])
        select new Case(release, gate.Name, overrides, pads);

    [Property(Replay = "(20261207,5)", MaxTest = 300)]
    public Property IsEnabled_is_override_else_latest_row_default_and_overrides_round_trip() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var profile = new Profile(c.Release, c.Overrides);

            // Expected from the hand-typed kube_features.go rows, not from the catalog.
            bool expected = c.Overrides.TryGetValue(c.Gate, out bool o) ? o : VerifiedGateRows.At(c.Gate, c.Release)!.Default;

            // Format back to --feature-gates syntax (with blanks around key and value, which Set trims) and re-parse.
            string text = string.Join(",", c.Overrides.Select((kv, i) =>
                c.Pads[2 * i] + kv.Key + c.Pads[2 * i + 1] + "=" + c.Pads[2 * i + 1] + (kv.Value ? "true" : "false") + c.Pads[2 * i]));
            bool parsed = FeatureGateParser.TryParse(text, c.Release, out var back, out string error);

            return (profile.IsEnabled(c.Gate) == expected).Label($"PROF-002 {c.Gate} in {c.Release}")
                .And((parsed && back == c.Overrides).Label($"PROF-003 round trip of \"{text}\": {error}"));
        });
}
