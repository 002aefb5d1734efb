using PodConformance.Adapters.Podman;
using PodConformance.Model.Profiles;
using static PodConformance.Adapters.Podman.Tests.Cases;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>
/// A <c>kube play</c> that shows no container of the case's pod (a stand-in podman whose inspect never lists one): what
/// the case reports depends on how the play ends, never on how long the machine took. A play still running at its bound
/// is killed and the case is not observed; one that ends well only after the window is not observed either; one that
/// fails is the case's failure with podman's error. (A session-8 run under load 45–60 reported a killed play as
/// "created no container (exit -1)".)
/// </summary>
public sealed class PodmanSlowPlayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("podconf-podman-slow-play-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>
    /// A podman that passes the environment probe (its first <c>kube play</c> succeeds at once) and then plays each case
    /// with <paramref name="casePlay"/>; <c>inspect</c> lists no container.
    /// </summary>
    private string StandIn(string casePlay)
    {
        string path = Path.Combine(_dir, "podman");
        string probed = Path.Combine(_dir, "probed");
        return StandInScript.Write(path, string.Join('\n',
            "#!/bin/sh",
            "case \"$1\" in",
            "  version) echo 4.3.1 ;;",
            "  image) exit 0 ;;",
            "  run) exit 3 ;;",
            "  inspect) echo '[]' ;;",
            "  kube) if [ -e '" + probed + "' ]; then " + casePlay + "; else touch '" + probed + "'; fi ;;",
            "  pod) exit 0 ;;",
            "esac",
            ""));
    }

    private async Task<Suite.Observations.Observation> Run(string casePlay, TimeSpan playTimeout)
    {
        var options = new PodmanOptions
        {
            Executable = StandIn(casePlay),
            ContainersConf = PodmanEnvironment.FindContainersConf(),
            MaxWindow = TimeSpan.FromMilliseconds(300),
            PlayTimeout = playTimeout,
        };
        await using var adapter = new PodmanAdapter(options);
        Assert.True(adapter.Environment.Usable, adapter.Environment.Reason);
        return await adapter.RunAsync(Case(Pod("Never", [Container("app")]), TimeSpan.FromSeconds(30)), Profile.Default, CancellationToken.None);
    }

    [Fact]
    public async Task A_play_still_running_at_its_bound_is_killed_and_the_case_is_not_observed()
    {
        // The play would take ten minutes; its bound is 1 s after the window. Only the bound decides, not the load.
        var o = await Run("sleep 600", TimeSpan.FromSeconds(1));
        Assert.Null(o.Failure);
        Assert.Equal("podman kube play created no container within 1.3 s (killed; the machine is too slow for this case)", o.NotPerformed);
    }

    [Fact]
    public async Task A_play_that_ends_well_without_a_container_seen_leaves_the_case_not_observed()
    {
        var o = await Run("exit 0", TimeSpan.FromSeconds(180));
        Assert.Null(o.Failure);
        Assert.Equal("podman kube play created the pod only after the observation window of 0.3 s (the machine is too slow for this case)", o.NotPerformed);
    }

    [Fact]
    public async Task A_play_that_fails_is_the_case_failure_with_podman_error()
    {
        var o = await Run("echo 'Error: no such thing' >&2; exit 125", TimeSpan.FromSeconds(180));
        Assert.Null(o.NotPerformed);
        Assert.Equal("podman kube play created no container (exit 125): Error: no such thing", o.Failure);
    }
}
