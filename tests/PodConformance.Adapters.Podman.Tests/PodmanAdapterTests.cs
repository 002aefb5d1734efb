using PodConformance.Adapters.Podman;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Suite.Observations;
using Xunit.Abstractions;
using static PodConformance.Adapters.Podman.Tests.Cases;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>Real containers through podman kube play (a few seconds each; skipped where podman is not usable).</summary>
[Trait("Category", "Podman")]
public sealed class PodmanAdapterTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>12 virtual seconds: 2.4 s of real time at the default scale, enough for kube play and a short run.</summary>
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(12);

    private readonly PodmanAdapter _adapter = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _adapter.DisposeAsync();

    private async Task<LifecycleObservation> Run(Suite.Cases.PodCase c)
    {
        var o = await _adapter.RunAsync(c, Profile.Default, CancellationToken.None);
        Assert.Null(o.Failure);
        foreach (var s in o.Lifecycle!.Samples)
        {
            output.WriteLine(SampleText.Format(s));
        }

        return o.Lifecycle!;
    }

    private static ContainerSample Final(LifecycleObservation o, string name) => o.Samples[^1].Containers.Single(c => c.Name == name);

    [PodmanFact]
    public async Task Init_container_runs_to_completion_before_the_app()
    {
        var pod = Pod("Never", [Container("app")], [Container("init")]);
        var o = await Run(Case(pod, Short, ("init", Exit(0, 1)), ("app", Exit(0, 1))));

        Assert.Equal("Succeeded", o.Samples[^1].Phase);
        Assert.Equal(("terminated", "Completed", 0), (Final(o, "init").State, Final(o, "init").Reason, Final(o, "init").ExitCode ?? -1));
        Assert.Equal(("terminated", "Completed", 0), (Final(o, "app").State, Final(o, "app").Reason, Final(o, "app").ExitCode ?? -1));
        int appRunning = o.Samples.ToList().FindIndex(s => s.Containers.Any(c => c.Name == "app" && c.State == "running"));
        int initRunning = o.Samples.ToList().FindIndex(s => s.Containers.Any(c => c.Name == "init" && c.State == "running"));
        Assert.True(appRunning < 0 || initRunning < appRunning, "the app ran before its init container");
    }

    [PodmanFact]
    public async Task Exit_code_propagates_and_never_means_no_restart()
    {
        var o = await Run(Case(Pod("Never", [Container("app")]), Short, ("app", Exit(3, 1))));

        var app = Final(o, "app");
        Assert.Equal(("terminated", "Error", 3, 0), (app.State, app.Reason, app.ExitCode ?? -1, app.RestartCount));
        Assert.Equal("Failed", o.Samples[^1].Phase);
    }

    [PodmanFact]
    public async Task On_failure_restarts_without_backoff()
    {
        var o = await Run(Case(Pod("OnFailure", [Container("app")]), TimeSpan.FromSeconds(15), ("app", Exit(1))));

        // Kubernetes backs off 10s, 20s, 40s… (two or three restarts in 15s); podman restarts at once.
        int restarts = o.Samples.SelectMany(s => s.Containers).Max(c => c.RestartCount);
        Assert.True(restarts >= 4, "restarts: " + restarts);
        Assert.DoesNotContain(o.Samples, s => s.Containers.Any(c => c.Reason == "CrashLoopBackOff"));
    }

    [PodmanFact]
    public async Task On_failure_does_not_restart_a_success()
    {
        var o = await Run(Case(Pod("OnFailure", [Container("app")]), Short, ("app", Exit(0))));

        Assert.Equal((0, "Succeeded"), (Final(o, "app").RestartCount, o.Samples[^1].Phase));
    }

    [PodmanFact]
    public async Task An_init_container_under_restart_policy_always_is_restarted_and_the_app_never_starts()
    {
        var pod = Pod("Always", [Container("app")], [Container("init")]);
        var o = await Run(Case(pod, Short, ("init", Exit(0))));

        // Kubernetes never restarts a succeeded init container; podman applies the pod's policy to it too.
        Assert.True(Final(o, "init").RestartCount >= 2, "init restarts: " + Final(o, "init").RestartCount);
        Assert.All(o.Samples, s => Assert.Equal("Pending", s.Phase));
        Assert.DoesNotContain(o.Samples.SelectMany(s => s.Containers), c => c.Name == "app" && c.State != "waiting");
    }

    [PodmanFact]
    public async Task Allocating_above_the_memory_limit_is_an_oom_kill_with_exit_137()
    {
        var run = new Model.Simulation.ContainerRun { AllocateMemory = Quantity.Parse("96Mi") };
        // A longer window than Short: under a loaded CI machine the allocation alone took longer than Short's 2.4 s.
        var o = await Run(Case(Pod("Never", [Container("app", "32Mi")]), TimeSpan.FromSeconds(30), ("app", run)));

        var app = Final(o, "app");
        Assert.Equal(("terminated", "OOMKilled", 137), (app.State, app.Reason, app.ExitCode ?? -1));
    }

    [PodmanFact]
    public async Task Allocating_below_the_memory_limit_keeps_running()
    {
        var run = new Model.Simulation.ContainerRun { AllocateMemory = Quantity.Parse("8Mi") };
        var o = await Run(Case(Pod("Never", [Container("app", "64Mi")]), TimeSpan.FromSeconds(10), ("app", run)));

        Assert.Equal(("running", "Running"), (Final(o, "app").State, o.Samples[^1].Phase));
    }

    [PodmanFact]
    public async Task A_failing_init_container_leaves_the_app_waiting_and_the_pod_pending()
    {
        var pod = Pod("Never", [Container("app")], [Container("init")]);
        var o = await Run(Case(pod, TimeSpan.FromSeconds(10), ("init", Exit(2))));

        // Kubernetes: phase Failed (Init:Error). podman: the pod is Degraded, the app stays Created.
        Assert.Equal(("terminated", 2), (Final(o, "init").State, Final(o, "init").ExitCode ?? -1));
        Assert.Equal("waiting", Final(o, "app").State);
        Assert.Equal("Pending", o.Samples[^1].Phase);
    }

    [PodmanFact]
    public async Task A_missing_image_fails_the_whole_kube_play()
    {
        var c = Case(Pod("Always", [Container("app")]), TimeSpan.FromSeconds(25)) with
        {
            Scenario = new Model.Simulation.Scenario { Until = TimeSpan.FromSeconds(25), Images = new Model.Simulation.ImageCatalog { Missing = ["busybox:1.36"] } },
        };
        var o = await _adapter.RunAsync(c, Profile.Default, CancellationToken.None);

        // Kubernetes: ErrImagePull, then ImagePullBackOff on the container. podman: three pull retries, then no pod at all.
        Assert.StartsWith("podman kube play created no container (exit 125): Error: ", o.Failure);
    }

    [PodmanFact]
    public async Task Nothing_is_left_behind()
    {
        var cli = new PodmanCli(_adapter.Environment.ContainersConf);
        await Run(Case(Pod("Always", [Container("a"), Container("b")]), TimeSpan.FromSeconds(5)));

        string filter = "label=" + PodmanManifest.RunLabel + "=" + _adapter.RunId;
        var pods = await cli.RunAsync(["pod", "ps", "--quiet", "--filter", filter], TimeSpan.FromSeconds(30), CancellationToken.None);
        var containers = await cli.RunAsync(["ps", "--all", "--quiet", "--filter", filter], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal(("", ""), (pods.Stdout.Trim(), containers.Stdout.Trim()));
    }

    [PodmanFact]
    public async Task A_cancelled_case_removes_its_pod()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await _adapter.RunAsync(Case(Pod("Always", [Container("a")]), TimeSpan.FromMinutes(1)), Profile.Default, cts.Token));

        var cli = new PodmanCli(_adapter.Environment.ContainersConf);
        var pods = await cli.RunAsync(["pod", "ps", "--quiet", "--filter", "label=" + PodmanManifest.RunLabel + "=" + _adapter.RunId], TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.Equal("", pods.Stdout.Trim());
    }
}
