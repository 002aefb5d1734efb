using PodConformance.Adapters.Podman;
using PodConformance.Model.Profiles;
using static PodConformance.Adapters.Podman.Tests.Cases;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>Where podman cannot run, the reason is told (tests skip with it; the adapter fails each case with it).</summary>
public sealed class PodmanEnvironmentTests
{
    [Fact]
    public void Without_the_containers_conf_podman_is_not_usable_and_says_why()
    {
        var env = PodmanEnvironment.Probe(new PodmanOptions { ContainersConf = "/nonexistent/containers.conf" });
        Assert.False(env.Usable);
        Assert.Contains(".ci/podman/containers.conf", env.Reason);
    }

    [Fact]
    public async Task An_unusable_podman_fails_the_case_instead_of_throwing()
    {
        await using var adapter = new PodmanAdapter(new PodmanOptions { ContainersConf = "/nonexistent/containers.conf" });
        var o = await adapter.RunAsync(Case(Pod("Never", [Container("app")]), TimeSpan.FromSeconds(5)), Profile.Default, CancellationToken.None);
        Assert.StartsWith("podman is not usable: ", o.Failure);
    }

    [Fact]
    public void The_repository_containers_conf_is_found() =>
        Assert.EndsWith(".ci/podman/containers.conf", PodmanEnvironment.FindContainersConf());

    [PodmanFact]
    public void A_missing_image_is_named()
    {
        var env = PodmanEnvironment.Probe(new PodmanOptions { Image = "localhost/podconf-nope:absent" });
        Assert.Equal((false, "image localhost/podconf-nope:absent is missing: run .ci/setup-podman.sh"), (env.Usable, env.Reason));
    }
}
