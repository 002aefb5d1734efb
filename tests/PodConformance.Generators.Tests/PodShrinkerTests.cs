using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;

namespace PodConformance.Generators.Tests;

public sealed class PodShrinkerTests
{
    [Property(Replay = "(4001,23)", MaxTest = 100)]
    public Property Shrinks_are_smaller_valid_and_keep_a_container() =>
        Prop.ForAll(PodGen.ValidArb, pod => PodShrinker.Shrink(pod).All(s =>
            PodSize.Of(s) < PodSize.Of(pod) && s.Spec.Containers.Count >= 1 && PodGen.IsAdmitted(s, Profile.Default)));

    [Property(Replay = "(4002,25)", MaxTest = 50)]
    public Property Shrinking_anything_ends_on_the_smallest_manifest() =>
        Prop.ForAll(PodGen.ValidArb, pod =>
        {
            var smallest = Support.ShrinkToFixpoint(pod, PodShrinker.Shrink, _ => true);
            var c = Assert.Single(smallest.Spec.Containers);
            return smallest.Spec.InitContainers.IsEmpty && c.Name == "c0" && c.Image == "nginx" && c.Resources == ResourceRequirements.Empty
                && c.Env.IsEmpty && c.Ports.IsEmpty && c.ImagePullPolicy.Length == 0 && smallest.Spec.RestartPolicy.Length == 0;
        });

    [Property(Replay = "(4003,27)", MaxTest = 50)]
    public Property A_QoS_counterexample_shrinks_to_one_readable_container() =>
        Prop.ForAll(PodGen.ValidArb, pod =>
        {
            static QosClass Qos(Pod p) => QosCalculator.GetPodQos(PodDefaulter.Apply(p, Profile.Default), Profile.Default);
            var qos = Qos(pod);
            var smallest = Support.ShrinkToFixpoint(pod, PodShrinker.Shrink, p => Qos(p) == qos);
            return (Qos(smallest) == qos && smallest.Spec.Containers.Count + smallest.Spec.InitContainers.Count <= 2 && PodGen.IsAdmitted(smallest, Profile.Default))
                .Label(smallest.ToString());
        });

    /// <summary>
    /// Restart rules and resize policies (GatedFieldGen's 1.37 defaults) shrink away while the pod stays valid: the rules
    /// with the container's own policy, which they need (VAL-041), or one rule of two where the case needs a rule.
    /// </summary>
    [Fact]
    public void Restart_rules_and_resize_policies_shrink_away_keeping_the_pod_valid()
    {
        var rule = new ContainerRestartRule { Action = "Restart", ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = "In", Values = [42] } };
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p" },
            Spec = new PodSpec
            {
                Containers =
                [
                    new Container
                    {
                        Name = "c0", Image = "nginx", RestartPolicy = "OnFailure", RestartPolicyRules = [rule, rule with { ExitCodes = rule.ExitCodes! with { Operator = "NotIn" } }],
                        ResizePolicy = [new ContainerResizePolicy("cpu", "RestartContainer")],
                    },
                ],
            },
        };
        Assert.True(PodGen.IsAdmitted(pod, Profile.Default), PodGen.Admit(pod, Profile.Default).ToAggregateString());
        var smallest = Support.ShrinkToFixpoint(pod, p => PodShrinker.Shrink(p, Profile.Default), _ => true);
        var c = Assert.Single(smallest.Spec.Containers);
        Assert.True(c.RestartPolicyRules.IsEmpty && c.RestartPolicy is null && c.ResizePolicy.IsEmpty, smallest.ToString());

        // A case that needs a NotIn rule keeps that one rule and the policy.
        var needsNotIn = Support.ShrinkToFixpoint(pod, p => PodShrinker.Shrink(p, Profile.Default), p => p.Spec.Containers[0].RestartPolicyRules.Any(r => r.ExitCodes?.Operator == "NotIn"));
        var kept = Assert.Single(needsNotIn.Spec.Containers);
        Assert.Equal("NotIn", Assert.Single(kept.RestartPolicyRules).ExitCodes!.Operator);
        Assert.Equal("OnFailure", kept.RestartPolicy);
        Assert.True(PodGen.IsAdmitted(needsNotIn, Profile.Default));
    }

    [Fact]
    public void Equal_requests_and_limits_round_together()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "p" },
            Spec = new PodSpec
            {
                Containers =
                [
                    new Container
                    {
                        Name = "web", Image = "nginx:1.25",
                        Resources = new ResourceRequirements
                        {
                            Requests = Model.Collections.ValueMap.Of(("cpu", Model.Quantities.Quantity.Parse("0.25")), ("memory", Model.Quantities.Quantity.Parse("134217728"))),
                            Limits = Model.Collections.ValueMap.Of(("cpu", Model.Quantities.Quantity.Parse("250m")), ("memory", Model.Quantities.Quantity.Parse("128Mi"))),
                        },
                    },
                ],
            },
        };
        static QosClass Qos(Pod p) => QosCalculator.GetPodQos(PodDefaulter.Apply(p, Profile.Default), Profile.Default);
        var smallest = Support.ShrinkToFixpoint(pod, PodShrinker.Shrink, p => Qos(p) == QosClass.Guaranteed);
        var r = smallest.Spec.Containers[0].Resources;
        Assert.Equal("c0", smallest.Spec.Containers[0].Name);
        Assert.True(r.Requests.IsEmpty);
        Assert.Equal("1", r.Limits["cpu"].ToString());
        Assert.Equal("1Gi", r.Limits["memory"].ToString());
    }

    [Fact]
    public void FsCheck_reports_the_shrunk_manifest_through_the_arbitrary()
    {
        // A false claim ("no pod sets a memory limit"): FsCheck must shrink the counterexample with PodShrinker.
        var property = Prop.ForAll(PodGen.ValidArb, p => p.Spec.Containers.All(c => !c.Resources.Limits.ContainsKey("memory")));
        var ex = Assert.ThrowsAny<Exception>(() => Check.One(Seeds.QuickThrowOnFailure(ReplaySeed.Of(4004), 200), property));
        string shrunk = ex.Message[ex.Message.IndexOf("Shrunk:", StringComparison.Ordinal)..];
        Assert.Contains("Containers = [Container { Name = c0, Image = nginx,", shrunk, StringComparison.Ordinal);
        Assert.Contains("Limits = {memory: 1Gi}, Requests = {}, ClaimsGiven = False, LimitsGivenEmpty = False, RequestsGivenEmpty = False }", shrunk, StringComparison.Ordinal);
        Assert.Contains("InitContainers = []", shrunk, StringComparison.Ordinal);
    }
}
