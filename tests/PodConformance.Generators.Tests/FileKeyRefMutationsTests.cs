using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="FileKeyRefMutations.FileKeyRefWithoutEnvFiles"/> (ADM-091): with EnvFiles registered and off, dropFileKeyRefInUse
/// empties the <c>valueFrom</c> and validateEnvVarValueFrom refuses it with the four-source text, AllowEnvFilesValidation
/// being the gate on a create (util.go v1.34.1, openshift/openshift-apiserver 71b7016d0; v1.35.0, rancher/support-bundle-kit
/// 1efdd22c2; validation.go v1.34.1 and v1.35.4, openshift-kni/scheduler-plugins 313dff1ce and 4495d2058).
/// </summary>
public sealed class FileKeyRefMutationsTests
{
    private const string FourSources = "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`";

    [Theory]
    [InlineData("1.34", "")] // alpha, off by default: the run's profile drops it as it is
    [InlineData("1.35", "EnvFiles=false")] // beta, on: the case turns it off
    [InlineData("1.37", "EnvFiles=false")]
    public void The_emptied_valueFrom_is_refused_after_the_drop(string version, string gates)
    {
        var m = FileKeyRefMutations.FileKeyRefWithoutEnvFiles;
        var profile = Support.ProfileFor(version);
        Assert.True(m.AppliesTo(profile));
        Assert.Equal(gates, string.Join(",", m.GatesIn(profile).Select(g => g.Key + "=" + (g.Value ? "true" : "false"))));
        var under = m.CaseProfile(profile);
        Assert.False(under.IsEnabled(FeatureGateNames.EnvFiles));
        var pods = Seeds.Sample(from p in PodGen.Valid from bad in m.ApplyIn(p, profile) select bad, ReplaySeed.Of(3193), 30, 30);
        Assert.All(pods, pod =>
        {
            int k = pod.Spec.Containers[0].Env.Count - 1;
            var created = PodCreate.Run(pod, under);
            Assert.True(created.Rejection is { IsInvalid: true }, created.Rejection?.Message);
            Assert.Contains(created.Steps.SelectMany(s => s.Changes), c => c.Rule == m.Rule && c.Field == "spec.containers[0].env[" + k + "].valueFrom.fileKeyRef");
            string expected = "spec.containers[0].env[" + k + "].valueFrom: Invalid value: \"\": " + FourSources;
            Assert.Contains(expected, created.Validation.Errors.Select(e => e.ToString()));
            Assert.True(m.IsDetectedIn(pod, profile));

            // Under the run's profile as it is (1.35+: EnvFiles on) the same pod is valid: the gate is what breaks it.
            Assert.Equal(!profile.IsEnabled(FeatureGateNames.EnvFiles), !PodCreate.Run(pod, profile).Accepted);
        });
    }

    [Theory]
    [InlineData("1.33")] // no EnvFiles, no field
    [InlineData("1.37+EnvFiles")] // the run names the gate: the case may not change it
    [InlineData("1.34+AllAlpha")] // AllAlpha decides the alpha gate
    public void It_is_not_offered_where_the_gate_stays_on_or_is_absent(string version)
    {
        Assert.False(FileKeyRefMutations.FileKeyRefWithoutEnvFiles.AppliesTo(Support.ProfileFor(version)));
    }

    [Fact]
    public void Invalid_cases_carry_the_gate_they_turn_off()
    {
        var cases = Seeds.Sample(PodGen.InvalidCasesFor(AdmissionRules.DropFileKeyRef, Profile.Default), ReplaySeed.Of(3194), 10, 30);
        Assert.All(cases, c => Assert.Equal(ValueMap.Of((FeatureGateNames.EnvFiles, false)), c.Gates));
        Assert.Contains(FileKeyRefMutations.FileKeyRefWithoutEnvFiles, PodMutations.All);
    }
}
