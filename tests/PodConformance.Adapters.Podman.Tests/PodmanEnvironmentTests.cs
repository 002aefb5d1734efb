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

/// <summary>
/// A podman that runs containers but cannot play a pod (what a machine without catatonit does): the probe must
/// not call it usable, and the reason must name the missing piece and the script that installs it.
/// </summary>
public sealed class PodmanKubePlayProbeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("podconf-podman-stand-in-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StandIn(string kubePlay)
    {
        string path = Path.Combine(_dir, "podman");
        return StandInScript.Write(path, string.Join('\n',
            "#!/bin/sh",
            "case \"$1\" in",
            "  version) echo 4.3.1 ;;",
            "  image) exit 0 ;;",
            "  run) exit 3 ;;",
            "  kube) " + kubePlay + " ;;",
            "  pod) exit 0 ;;",
            "esac",
            ""));
    }

    [Fact]
    public void Without_catatonit_kube_play_is_named_as_what_does_not_work()
    {
        string failing = "echo 'Error: building local pause image: finding pause binary: exec: \"catatonit\": executable file not found in $PATH' >&2; exit 125";
        var env = PodmanEnvironment.Probe(new PodmanOptions { Executable = StandIn(failing), ContainersConf = PodmanEnvironment.FindContainersConf() });

        Assert.False(env.Usable);
        Assert.Equal(
            "podman kube play cannot start a pod (exit 125): Error: building local pause image: finding pause binary: exec: \"catatonit\": executable file not found in $PATH"
            + " (podman builds the pod's infra image from catatonit, which is not installed: run .ci/setup-podman.sh)",
            env.Reason);
    }

    [Fact]
    public void A_working_kube_play_makes_podman_usable() =>
        Assert.True(PodmanEnvironment.Probe(new PodmanOptions { Executable = StandIn("exit 0"), ContainersConf = PodmanEnvironment.FindContainersConf() }).Usable);
}
