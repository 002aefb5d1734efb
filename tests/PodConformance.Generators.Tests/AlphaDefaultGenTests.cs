using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="AlphaDefaultGen"/>: where a release has H2CContainerProbe (1.37) or InPlacePodVerticalScaling (1.28–1.32) alpha
/// and off, its cases turn the gate on as their own, are admitted under it, and give the defaulter something to default
/// (DEF-021's protocol, DEF-026's resize policies); elsewhere there is nothing to draw.
/// </summary>
public sealed class AlphaDefaultGenTests
{
    private static Profile At(int minor) => Profile.For(new KubernetesVersion(1, minor));

    [Fact]
    public void The_gate_is_offered_only_where_it_is_alpha_off_and_its_default_exists()
    {
        Assert.Equal([(FeatureGateNames.H2CContainerProbe, ValueMap.Of((FeatureGateNames.H2CContainerProbe, true)))], AlphaDefaultGen.For(At(37)));
        foreach (int minor in new[] { 28, 29, 30, 31, 32 })
        {
            Assert.Equal([(FeatureGateNames.InPlacePodVerticalScaling, ValueMap.Of((FeatureGateNames.InPlacePodVerticalScaling, true)))], AlphaDefaultGen.For(At(minor)));
        }

        // 1.33-1.36: InPlacePodVerticalScaling is beta (and 1.33's defaults.go has no resize-policy step); httpGet.protocol is 1.37's.
        foreach (int minor in new[] { 33, 34, 35, 36 })
        {
            Assert.Empty(AlphaDefaultGen.For(At(minor)));
        }

        // The run's own overrides decide: the gate already on, or named off, leaves nothing for a case to turn on.
        Assert.Empty(AlphaDefaultGen.For(At(37) with { Overrides = ValueMap.Of((FeatureGateNames.H2CContainerProbe, true)) }));
        Assert.Empty(AlphaDefaultGen.For(At(30) with { Overrides = ValueMap.Of((FeatureGateNames.InPlacePodVerticalScaling, false)) }));
        Assert.Throws<ArgumentException>(() => AlphaDefaultGen.Case(At(35), PodGen.ValidWholeApiFor));
    }

    [Fact]
    public void At_1_37_every_case_turns_H2CContainerProbe_on_and_gets_an_http1_protocol()
    {
        var profile = At(37);
        var cases = Seeds.Sample(AlphaDefaultGen.Case(profile, PodGen.ValidWholeApiFor), ReplaySeed.Of(7101), 40);
        Assert.All(cases, c =>
        {
            Assert.Equal(ValueMap.Of((FeatureGateNames.H2CContainerProbe, true)), c.Gates);
            var on = GateSwitch.Apply(profile, c.Gates);
            Assert.True(PodGen.IsAdmitted(c.Pod, on), c.Pod.ToString());
            Assert.Contains(Handlers(PodDefaulter.Decode(c.Pod, on)), h => h.HttpGet?.Protocol == "HTTP1");

            // Without the gate nothing is defaulted: the protocol is the gate's.
            Assert.DoesNotContain(Handlers(PodDefaulter.Decode(c.Pod, profile)), h => h.HttpGet?.Protocol == "HTTP1" && !Given(c.Pod));
        });
    }

    [Fact]
    public void At_1_30_every_case_turns_InPlacePodVerticalScaling_on_and_most_get_resize_policies()
    {
        var profile = At(30);
        var cases = Seeds.Sample(AlphaDefaultGen.Case(profile, PodGen.ValidWholeApiFor), ReplaySeed.Of(7102), 40);
        int defaulted = 0;
        foreach (var c in cases)
        {
            Assert.Equal(ValueMap.Of((FeatureGateNames.InPlacePodVerticalScaling, true)), c.Gates);
            var on = GateSwitch.Apply(profile, c.Gates);
            Assert.True(PodGen.IsAdmitted(c.Pod, on), c.Pod.ToString());
            var stored = PodDefaulter.Decode(c.Pod, on);
            if (stored.Spec.Containers.Select((s, i) => s.ResizePolicy.Count > c.Pod.Spec.Containers[i].ResizePolicy.Count).Any(b => b))
            {
                defaulted++;
            }
        }

        // A pod with pod-level resources is left as drawn, and a container may list both resources already: most, not all.
        Assert.InRange(defaulted, 30, 40);
    }

    [Fact]
    public void WithHttpGet_replaces_the_first_readiness_handler_only_where_no_httpGet_lacks_a_protocol()
    {
        var exec = new Probe { Handler = new ProbeHandler { ExecCommand = ValueList.Of("true") }, PeriodSeconds = 7 };
        var pod = new Pod { Spec = new PodSpec { Containers = ValueList.Of(new Container { Name = "app", Image = "nginx", ReadinessProbe = exec }) } };
        var changed = AlphaDefaultGen.WithHttpGet(pod).Spec.Containers[0].ReadinessProbe!;
        Assert.Equal(7, changed.PeriodSeconds);
        Assert.Null(changed.Handler.ExecCommand);
        Assert.Null(changed.Handler.HttpGet!.Protocol);

        var hook = pod with { Spec = pod.Spec with { Containers = ValueList.Of(pod.Spec.Containers[0] with { Lifecycle = new Lifecycle { PreStop = new ProbeHandler { HttpGet = new HttpGetAction { Port = IntOrString.FromInt(80) } } } }) } };
        Assert.Same(hook, AlphaDefaultGen.WithHttpGet(hook));
    }

    private static bool Given(Pod pod) => Handlers(pod).Any(h => h.HttpGet?.Protocol is not null);

    private static IEnumerable<ProbeHandler> Handlers(Pod pod) =>
        pod.Spec.InitContainers.Concat(pod.Spec.Containers).Concat(pod.Spec.EphemeralContainers)
            .SelectMany(c => new[] { c.LivenessProbe?.Handler, c.ReadinessProbe?.Handler, c.StartupProbe?.Handler, c.Lifecycle?.PostStart, c.Lifecycle?.PreStop })
            .OfType<ProbeHandler>();
}
