using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

public sealed class EnvGenTests
{
    private static IEnumerable<Container> All(Pod p) => p.Spec.InitContainers.Concat(p.Spec.Containers);

    private static IEnumerable<EnvVar> Vars(EnvCase c) => All(c.Pod).SelectMany(k => k.Env);

    [Theory]
    [MemberData(nameof(Support.Profiles), MemberType = typeof(Support))]
    public void Env_pods_are_admitted_under_every_profile(string version)
    {
        var profile = Support.ProfileFor(version);
        Assert.All(Seeds.Sample(EnvGen.CaseFor(profile), ReplaySeed.Of(6001), 300), c => Assert.True(PodGen.IsAdmitted(c.Pod, profile), c.Pod.ToString()));
    }

    [Fact]
    public void At_1_28_env_cases_read_status_host_ip_where_they_would_read_status_host_ips()
    {
        // VAL-052: PodHostIPs is alpha (off) in 1.28, and validation refuses status.hostIPs.
        var v128 = Profile.For(new KubernetesVersion(1, 28));
        var plain = Seeds.Sample(EnvGen.Case, ReplaySeed.Of(6003), 200).SelectMany(Vars).ToList();
        var adjusted = Seeds.Sample(EnvGen.CaseFor(v128), ReplaySeed.Of(6003), 200).SelectMany(Vars).ToList();
        Assert.Contains(plain, v => v.ValueFrom?.FieldRef is { FieldPath: "status.hostIPs" });
        Assert.DoesNotContain(adjusted, v => v.ValueFrom?.FieldRef is { FieldPath: "status.hostIPs" });
        Assert.Equal(plain.Count, adjusted.Count);
        Assert.Equal(
            Seeds.Sample(EnvGen.Case, ReplaySeed.Of(6003), 50).Select(c => c.Pod),
            Seeds.Sample(EnvGen.CaseFor(Profile.For(new KubernetesVersion(1, 29))), ReplaySeed.Of(6003), 50).Select(c => c.Pod));
    }

    [Fact]
    public void Env_cases_cover_every_form_and_both_outcomes()
    {
        var cases = Seeds.Sample(EnvGen.Case, ReplaySeed.Of(6002), 400);
        var vars = cases.SelectMany(Vars).ToList();
        Assert.Contains(vars, v => v.ValueFrom is null && v.Value.Contains("$$", StringComparison.Ordinal));
        Assert.Contains(vars, v => v.ValueFrom is null && v.Value.Contains("$(NOPE)", StringComparison.Ordinal));
        Assert.Contains(vars, v => v.ValueFrom?.ConfigMapKeyRef is { Optional: true });
        Assert.Contains(vars, v => v.ValueFrom?.SecretKeyRef is { Key: "absent-key" });
        Assert.Contains(vars, v => v.ValueFrom?.FieldRef is { FieldPath: "metadata.labels['app']" });
        Assert.Contains(vars, v => v.ValueFrom?.FieldRef is { FieldPath: "status.hostIPs" });
        Assert.Contains(vars, v => v.ValueFrom?.ResourceFieldRef is { Divisor: not null });
        var envFrom = cases.SelectMany(c => All(c.Pod)).SelectMany(k => k.EnvFrom).ToList();
        Assert.Contains(envFrom, f => f.Prefix.Length > 0 && f.SecretRef is not null);
        Assert.Contains(envFrom, f => f.ConfigMapRef is { Optional: true });

        var results = cases.SelectMany(c => All(c.Pod).Select(k => Build(c, k))).ToList();
        Assert.Contains(results, r => r.Error is not null);
        Assert.Contains(results, r => r.Error is null && r.Variables.Any(v => v.Sensitive));
        Assert.True(results.Count(r => r.Error is null) > results.Count / 3, "most containers should start: " + results.Count(r => r.Error is null) + " of " + results.Count + "; " + string.Join(", ", results.Where(r => r.Error is not null).GroupBy(r => r.Error!.Rule).Select(g => g.Key + " " + g.Count())));
    }

    private static EnvResult Build(EnvCase c, Container k, Profile? profile = null)
    {
        var pod = PodDefaulter.Apply(c.Pod, profile ?? Profile.Default);
        pod = pod with { Spec = pod.Spec with { NodeName = "node-1" } };
        return EnvironmentBuilder.Build(pod, k, c.Objects, profile ?? Profile.Default);
    }

    /// <summary>
    /// ENV-016…019 and DEF-020: where EnvFiles is on, env cases read files — every outcome of the kubelet's fileKeyRef case
    /// (a value, optional and left out, a missing key, a file it cannot parse or that was never written) and files not
    /// given (not checked) — and every pod that does has the emptyDir volume its references name.
    /// </summary>
    [Theory]
    [InlineData("1.35")]
    [InlineData("1.37")]
    public void Where_EnvFiles_is_on_env_cases_read_files_with_every_outcome(string version)
    {
        var profile = Support.ProfileFor(version);
        var cases = Seeds.Sample(EnvGen.CaseFor(profile), ReplaySeed.Of(6005), 400);
        var fileVars = cases.SelectMany(Vars).Where(v => v.ValueFrom?.FileKeyRef is not null).ToList();
        Assert.Contains(fileVars, v => v.ValueFrom!.FileKeyRef is { Optional: true });
        Assert.Contains(fileVars, v => v.ValueFrom!.FileKeyRef is { Optional: null });
        Assert.Contains(fileVars, v => v.ValueFrom!.FileKeyRef is { Path: "./app.env" });
        Assert.All(cases.Where(c => Vars(c).Any(v => v.ValueFrom?.FileKeyRef is not null)), c =>
            Assert.Contains(c.Pod.Spec.Volumes, v => v.Name == EnvGen.EnvFilesVolume && v.EmptyDir is not null));

        var results = cases.SelectMany(c => All(c.Pod).Select(k => Build(c, k, profile))).ToList();
        Assert.Contains(results, r => r.Error is null && r.Variables.Any(v => v.Source == EnvSource.File && !v.NotChecked));
        Assert.Contains(results, r => r.Error?.Message == FileKeyRefResolver.ParseError && !r.OutcomeNotChecked);
        Assert.Contains(results, r => r.Error?.Message.StartsWith("environment variable key \"", StringComparison.Ordinal) == true);
        Assert.Contains(results, r => r.OutcomeNotChecked && r.Variables.Any(v => v.NotChecked));
        Assert.True(results.Count(r => r.Error is null) > results.Count / 3, "most containers should start");
    }

    [Fact]
    public void Without_EnvFiles_env_cases_have_no_file_key_refs()
    {
        var v134 = Profile.For(new KubernetesVersion(1, 34));
        Assert.DoesNotContain(Seeds.Sample(EnvGen.CaseFor(v134), ReplaySeed.Of(6005), 200).SelectMany(Vars), v => v.ValueFrom?.FileKeyRef is not null);
        var on = new Profile(new KubernetesVersion(1, 34), Model.Collections.ValueMap.Of((FeatureGateNames.EnvFiles, true)));
        var cases = Seeds.Sample(EnvGen.CaseFor(on), ReplaySeed.Of(6005), 200);
        Assert.Contains(cases, c => c.Objects.VolumeFiles.Any(v => v.Value.Any(f => f.Value == EnvGen.GoodFile(EnvFileSyntax.Dotenv))));
        Assert.Contains(cases.SelectMany(c => All(c.Pod).Select(k => Build(c, k, on))), r => r.Rules.Contains(EnvRules.DotenvSyntax) && r.Error is null);
    }

    /// <summary>
    /// ENV-016/017 at 1.34: EnvFiles is alpha (off) there, so a quarter of the env cases turn it on as their own gate, and
    /// those read files with 1.34's parser and meet both alpha limits; every case is admitted under its own gates. Where
    /// EnvFiles is on already (or the run turned it off), the cases are <see cref="EnvGen.CaseFor"/>'s, draw for draw.
    /// </summary>
    [Fact]
    public void At_1_34_some_env_cases_turn_EnvFiles_on_and_meet_the_alpha_limits()
    {
        var v134 = Profile.For(new KubernetesVersion(1, 34));
        var cases = Seeds.Sample(EnvGen.GatedCaseFor(v134), ReplaySeed.Of(6006), 400);
        Assert.All(cases, c => Assert.True(PodGen.IsAdmitted(c.Pod, GateSwitch.Apply(v134, c.Gates)), c.Pod.ToString()));
        var gated = cases.Where(c => !c.Gates.IsEmpty).ToList();
        Assert.All(gated, c => Assert.Equal(Model.Collections.ValueMap.Of((FeatureGateNames.EnvFiles, true)), c.Gates));
        Assert.InRange(gated.Count, 60, 140);
        Assert.DoesNotContain(cases.Where(c => c.Gates.IsEmpty).SelectMany(Vars), v => v.ValueFrom?.FileKeyRef is not null);

        var on = GateSwitch.Apply(v134, gated[0].Gates);
        var results = gated.SelectMany(c => All(c.Pod).Select(k => Build(c, k, on))).ToList();
        Assert.Contains(results, r => r.Rules.Contains(EnvRules.DotenvSyntax) && r.Error is null);
        Assert.Contains(results, r => r.Error?.Message == "environment variable key \"" + EnvGen.KeyOverAlphaLimit + "\" exceeds maximum length of 128 characters");
        Assert.Contains(results, r => r.Error?.Message == "environment variable value for key \"" + EnvGen.BigValueKey + "\" exceeds maximum size of 32KB");

        var newest = Profile.Default;
        Assert.Equal(Seeds.Sample(EnvGen.CaseFor(newest), ReplaySeed.Of(6006), 50).Select(c => c.Pod), Seeds.Sample(EnvGen.GatedCaseFor(newest), ReplaySeed.Of(6006), 50).Select(c => c.Pod));
        var off = new Profile(new KubernetesVersion(1, 34), Model.Collections.ValueMap.Of((FeatureGateNames.EnvFiles, false)));
        Assert.All(Seeds.Sample(EnvGen.GatedCaseFor(off), ReplaySeed.Of(6006), 50), c => Assert.True(c.Gates.IsEmpty));
    }

    [Property(Replay = "(6003,35)", MaxTest = 100)]
    public Property Env_shrinks_are_smaller_and_keep_the_pod_admitted() =>
        Prop.ForAll(EnvGen.CaseArb, c => EnvShrinker.Shrink(c).Take(80).All(s =>
            EnvShrinker.Size(s) < EnvShrinker.Size(c) && PodGen.IsAdmitted(s.Pod, Profile.Default)));

    [Property(Replay = "(6004,37)", MaxTest = 20)]
    public Property Shrinking_anything_ends_on_one_container_without_env() =>
        Prop.ForAll(EnvGen.CaseArb, c =>
        {
            var smallest = Support.ShrinkToFixpoint(c, EnvShrinker.Shrink, _ => true);
            return smallest.Pod.Spec.Containers.Count == 1 && smallest.Pod.Spec.InitContainers.IsEmpty && Vars(smallest).All(v => v.ValueFrom is null)
                && smallest.Objects.ConfigMaps.IsEmpty && smallest.Objects.Secrets.IsEmpty;
        });
}
