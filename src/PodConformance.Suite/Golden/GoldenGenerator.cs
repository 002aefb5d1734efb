using System.Globalization;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;

namespace PodConformance.Suite.Golden;

/// <summary>
/// The generated part of <c>golden/</c>: per area and profile, a few cases sampled from the suite's generators
/// at fixed seeds, each with the model's observation. Small on purpose (tens of files per area): they pin the
/// model's answers, the property tests explore.
/// </summary>
public static class GoldenGenerator
{
    /// <summary>The default profile and one older release whose semantics differ (sidecar and QoS-era gates).</summary>
    public static IReadOnlyList<Profile> Profiles { get; } = [Profile.Default, Profile.For(new KubernetesVersion(1, 30))];

    public const ulong QuantitySeed = 1101;
    public const ulong AdmissionSeed = 2101;
    public const ulong QosSeed = 3101;
    public const ulong LifecycleSeed = 4101;
    public const ulong ShapeSeed = 4201;
    public const int Size = 50;

    public static IEnumerable<GoldenCase> All()
    {
        foreach (var profile in Profiles)
        {
            foreach (var c in Quantity(profile))
            {
                yield return c;
            }

            foreach (var c in Admission(profile))
            {
                yield return c;
            }

            foreach (var c in Qos(profile))
            {
                yield return c;
            }

            foreach (var c in Lifecycle(profile))
            {
                yield return c;
            }
        }
    }

    public static IEnumerable<GoldenCase> Quantity(Profile profile)
    {
        var kinds = new (string Name, string Generator, FsCheck.Gen<string> Gen, ulong Seed, int Count)[]
        {
            ("valid", "QuantityGen.ValidText", QuantityGen.ValidText, QuantitySeed, 6),
            ("near-valid", "QuantityGen.NearValidText", QuantityGen.NearValidText, QuantitySeed + 1, 5),
            ("hostile", "QuantityGen.HostileText", QuantityGen.HostileText, QuantitySeed + 2, 4),
        };
        foreach (var (name, generator, gen, seed, count) in kinds)
        {
            var texts = Seeds.Sample(gen, ReplaySeed.Of(seed), count * 4, Size).Distinct(StringComparer.Ordinal).Take(count).ToArray();
            for (int i = 0; i < texts.Length; i++)
            {
                yield return Make(GoldenAreas.Quantity, profile, name + "-" + Two(i + 1), Origin(generator, seed, i), new QuantityCase(texts[i]));
            }
        }
    }

    public static IEnumerable<GoldenCase> Admission(Profile profile)
    {
        var valid = Seeds.Sample(PodGen.Valid, ReplaySeed.Of(AdmissionSeed), 4, Size);
        for (int i = 0; i < valid.Length; i++)
        {
            yield return Make(GoldenAreas.Admission, profile, "valid-" + Two(i + 1), Origin("PodGen.Valid", AdmissionSeed, i), new PodCase(valid[i]));
        }

        // One invalid pod per validation rule some mutation targets under this profile.
        ulong seed = AdmissionSeed + 1;
        foreach (string rule in PodMutations.Rules)
        {
            if (!PodMutations.All.Any(m => m.Rule == rule && m.AppliesTo(profile)))
            {
                continue;
            }

            // A case that turns a gate off (ADM-091: EnvFiles, so that the drop breaks the pod) is stored under the profile it runs under.
            var bad = Seeds.Sample(PodGen.InvalidCasesFor(rule, profile), ReplaySeed.Of(seed), 1, Size)[0];
            var origin = new GoldenMapBuilder().Add("generator", "PodGen.InvalidFor(\"" + rule + "\")").Add("seed", seed.ToString(CultureInfo.InvariantCulture)).Add("index", 0).Add("size", Size).Build();
            yield return Make(GoldenAreas.Admission, GateSwitch.Apply(profile, bad.Gates), "invalid-" + rule.ToLowerInvariant(), origin, new PodCase(bad.Pod));
        }
    }

    public static IEnumerable<GoldenCase> Qos(Profile profile)
    {
        var pods = Seeds.Sample(PodGen.Valid, ReplaySeed.Of(QosSeed), 6, Size);
        for (int i = 0; i < pods.Length; i++)
        {
            yield return Make(GoldenAreas.Qos, profile, "pod-" + Two(i + 1), Origin("PodGen.Valid", QosSeed, i), new PodCase(pods[i]));
        }
    }

    public static IEnumerable<GoldenCase> Lifecycle(Profile profile)
    {
        var cases = Seeds.Sample(ScenarioGen.Case, ReplaySeed.Of(LifecycleSeed), 8, Size);
        for (int i = 0; i < cases.Length; i++)
        {
            yield return Make(GoldenAreas.Lifecycle, profile, "scenario-" + Two(i + 1), Origin("ScenarioGen.Case", LifecycleSeed, i), new PodCase(cases[i].Pod, cases[i].Scenario));
        }

        // One case of each shape that matters (issue 10 item 2), each from its own seed so the cases above stay put.
        var shapes = new (string Name, string Generator, FsCheck.Gen<ScenarioCase> Gen)[]
        {
            ("readiness-gates", "ShapeGen.ReadinessGates", ShapeGen.ReadinessGates()),
            ("crash-loop-to-cap", "ShapeGen.CrashLoopToCap", ShapeGen.CrashLoopToCap()),
            ("backoff-reset", "ShapeGen.BackoffReset", ShapeGen.BackoffReset()),
            ("sidecars", "ShapeGen.Sidecars", ShapeGen.Sidecars()),
            ("terminating", "ShapeGen.Terminating", ShapeGen.Terminating()),
            ("pull-failures", "ShapeGen.PullFailures", ShapeGen.PullFailures()),
            ("sidecars-outlive", "ShapeGen.SidecarsOutlive", ShapeGen.SidecarsOutlive()),
        };
        for (int i = 0; i < shapes.Length; i++)
        {
            ulong seed = ShapeSeed + (ulong)i;
            var c = Seeds.Sample(shapes[i].Gen, ReplaySeed.Of(seed), 1, Size)[0];
            yield return Make(GoldenAreas.Lifecycle, profile, "shape-" + shapes[i].Name, Origin(shapes[i].Generator, seed, 0), new PodCase(c.Pod, c.Scenario));
        }
    }

    /// <summary>A case with the model's observation of it, rendered for its area.</summary>
    public static GoldenCase Make(string area, Profile profile, string name, GoldenMap origin, ConformanceCase input) => new()
    {
        Id = area + "/" + profile.Version + "/" + name,
        Area = area,
        Profile = profile,
        Origin = origin,
        Input = input,
        Expected = ObservationYaml.Render(ObservationYaml.FacetsFor(area), ModelAdapter.Run(input, profile), input),
    };

    private static GoldenMap Origin(string generator, ulong seed, int index) =>
        new GoldenMapBuilder().Add("generator", generator).Add("seed", seed.ToString(CultureInfo.InvariantCulture)).Add("index", index).Add("size", Size).Build();

    private static string Two(int n) => n.ToString("00", CultureInfo.InvariantCulture);
}
