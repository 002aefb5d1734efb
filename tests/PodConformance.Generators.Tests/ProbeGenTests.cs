using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary><see cref="ProbeGen"/> through <see cref="PodGen.ValidWholeApi"/>: every action and grpc service form, on regular containers only, more with size.</summary>
public sealed class ProbeGenTests
{
    private static IEnumerable<Probe> ProbesOf(Pod pod) =>
        pod.Spec.Containers.SelectMany(c => new[] { c.LivenessProbe, c.ReadinessProbe, c.StartupProbe }).OfType<Probe>();

    [Fact]
    public void Every_action_and_grpc_service_form_appears()
    {
        var probes = Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3121), 400, 80).SelectMany(ProbesOf).ToList();
        Assert.Contains(probes, p => p.Handler.ExecCommand is not null);
        Assert.Contains(probes, p => p.Handler.HttpGet is not null);
        Assert.Contains(probes, p => p.Handler.TcpSocketPort is not null);
        Assert.Contains(probes, p => p.Handler.GrpcPort is not null && p.Handler.GrpcService is null);
        Assert.Contains(probes, p => p.Handler.GrpcPort is not null && p.Handler.GrpcService == "");
        Assert.Contains(probes, p => p.Handler.GrpcPort is not null && p.Handler.GrpcService is { Length: > 0 });
        Assert.Contains(probes, p => p.TerminationGracePeriodSeconds is not null);
    }

    [Fact]
    public void Probes_go_to_regular_containers_of_every_kind_and_more_pods_get_them_at_larger_sizes()
    {
        int Probed(int size) => Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3122), 200, size).Count(p => ProbesOf(p).Any());
        var pods = Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3122), 200, 60);
        Assert.Contains(pods, p => p.Spec.Containers.Any(c => c.ReadinessProbe is not null));
        Assert.Contains(pods, p => p.Spec.Containers.Any(c => c.StartupProbe is not null));
        Assert.DoesNotContain(pods, p => p.Spec.InitContainers.Any(c => c.LivenessProbe is not null || c.ReadinessProbe is not null || c.StartupProbe is not null));
        Assert.True(Probed(60) > Probed(1) && Probed(60) > 60, $"probed pods: size 1 {Probed(1)}, size 60 {Probed(60)} of 200");
    }

    /// <summary>DEF-024 is what the grpc probes are for: each one without a service is stored with <c>service: ""</c>, the others as sent.</summary>
    [Fact]
    public void Grpc_probes_are_stored_with_the_service_decoding_gives_them()
    {
        var pods = Seeds.Sample(PodGen.ValidWholeApi, ReplaySeed.Of(3123), 150, 80).Where(p => ProbesOf(p).Any(x => x.Handler.GrpcPort is not null)).ToList();
        Assert.NotEmpty(pods);
        foreach (var pod in pods)
        {
            var created = PodCreate.Run(pod, Profile.Default);
            Assert.True(created.Accepted, created.Validation.ToAggregateString());
            var sent = ProbesOf(pod).ToList();
            var stored = ProbesOf(created.Stored).ToList();
            Assert.Equal(sent.Count, stored.Count);
            for (int i = 0; i < sent.Count; i++)
            {
                Assert.Equal(sent[i].Handler.GrpcPort is null ? null : sent[i].Handler.GrpcService ?? "", stored[i].Handler.GrpcService);
            }
        }
    }
}
