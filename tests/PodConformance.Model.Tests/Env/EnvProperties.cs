using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.EnvSpec.EnvTestPods;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>Expansion and masking invariants (spec/env.md), fixed replayable seeds.</summary>
public class EnvProperties
{
    private static readonly Gen<string> Names = Gen.Elements("A", "B", "C", "D", "E");

    private static readonly Gen<string> Fragments = Gen.Elements("x", "$", "(", ")", "$(A)", "$(B)", "$(C)", "$$", "-", "é", "$(", "D");

    private static readonly Gen<string> Texts = Gen.ArrayOf(Fragments).Select(parts => string.Concat(parts));

    private static readonly Gen<EnvVar[]> EnvLists =
        Gen.ArrayOf(Gen.Zip(Names, Texts).Select(t => Literal(t.Item1, t.Item2)));

    [Property(Replay = "(20261201,1)", MaxTest = 300)]
    public Property Expansion_never_reads_a_later_variable() =>
        Prop.ForAll(EnvLists.ToArbitrary(), env =>
        {
            var pod = UpstreamPod("ns", false);
            var full = EnvironmentBuilder.Build(pod, new Container { Env = env }, EnvInputs.Empty, Profile.Default);
            // Each prefix's result for its last entry must equal the full result's value at that point:
            // appending later entries cannot change an earlier entry's expansion.
            for (int i = 0; i < env.Length; i++)
            {
                var prefix = EnvironmentBuilder.Build(pod, new Container { Env = env[..(i + 1)] }, EnvInputs.Empty, Profile.Default);
                string name = env[i].Name;
                bool overwrittenLater = false;
                for (int j = i + 1; j < env.Length; j++)
                {
                    overwrittenLater |= env[j].Name == name;
                }

                if (!overwrittenLater && prefix.Find(name)!.Value != full.Find(name)!.Value)
                {
                    return false.Label("EXPAND-002 at " + i);
                }
            }

            return true.ToProperty();
        });

    [Property(Replay = "(20261201,3)", MaxTest = 300)]
    public Property Escaped_reference_always_yields_the_literal_reference() =>
        Prop.ForAll(Gen.Zip(Texts, Gen.Elements("A", "B", "X", "", "A B")).ToArbitrary(), t =>
        {
            var (prefix, name) = t;
            var ctx = new Dictionary<string, string> { ["A"] = "1", ["B"] = "$(A)" };
            // An even run of '$' before the escape keeps the escape aligned: prefix must not end in '$'.
            string safePrefix = prefix.EndsWith('$') ? prefix + "x" : prefix;
            string expanded = Expansion.Expand(safePrefix + "$$(" + name + ")", ctx);
            return expanded.EndsWith("$(" + name + ")", StringComparison.Ordinal).Label("EXPAND-001");
        });

    [Property(Replay = "(20261201,5)", MaxTest = 300)]
    public Property Expansion_of_a_string_without_dollar_is_the_identity() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), s =>
        {
            string text = (s ?? "").Replace("$", "", StringComparison.Ordinal);
            return ReferenceEquals(text, Expansion.Expand(text, new Dictionary<string, string> { ["A"] = "x" }))
                .Label("EXPAND-001");
        });

    private const string Marker = "S3CR3T";

    private static readonly Gen<string> SecretValues = Gen.Elements("a", "bb", "c-c", "").Select(v => Marker + v);

    [Property(Replay = "(20261201,7)", MaxTest = 300)]
    public Property A_secret_sourced_value_never_appears_in_the_masked_display() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(SecretValues, EnvLists), Gen.Elements(true, false)).ToArbitrary(), t =>
        {
            var ((secretValue, literals), viaEnvFrom) = t;
            var env = new List<EnvVar>();
            if (!viaEnvFrom)
            {
                env.Add(SecretKey("A", "creds", "A"));
            }

            env.AddRange(literals);
            var container = new Container
            {
                EnvFrom = viaEnvFrom ? [FromSecret("creds")] : [],
                Env = env.ToValueList(),
            };
            var inputs = new EnvInputs { Secrets = Objects("creds", Data(("A", secretValue), ("B", secretValue + "2"))) };
            var result = EnvironmentBuilder.Build(UpstreamPod("ns", false), container, inputs, Profile.Default);
            foreach (var v in result.Variables)
            {
                if (v.Display().Contains(Marker, StringComparison.Ordinal) || v.ToDisplayLine().Contains(Marker, StringComparison.Ordinal))
                {
                    return false.Label("ENV-010: " + v.Name);
                }
            }

            return result.Succeeded.Label("built");
        });

    [Fact]
    public void Display_masks_secret_and_derived_values_and_reveals_on_request()
    {
        var inputs = new EnvInputs { Secrets = Objects("creds", Data(("password", "hunter2"))) };
        var container = new Container { Env = [SecretKey("PW", "creds", "password"), Literal("URL", "db://u:$(PW)@h"), Literal("PLAIN", "x")] };
        var result = EnvironmentBuilder.Build(UpstreamPod("ns", false), container, inputs, Profile.Default);
        Assert.Equal("<secret:creds/password>", result.Find("PW")!.Display());
        Assert.Equal("<secret-derived>", result.Find("URL")!.Display());
        Assert.Equal("db://u:hunter2@h", result.Find("URL")!.Display(revealSecrets: true));
        Assert.Equal("PLAIN=x", result.Find("PLAIN")!.ToDisplayLine());
    }
}
