using PodConformance.Adapters.Podman;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using static PodConformance.Adapters.Podman.Tests.Cases;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>What the adapter hands to podman and how it reads podman's answers; no podman needed.</summary>
public sealed class RenderingTests
{
    private static readonly PodmanOptions Options = new();

    [Fact]
    public void A_run_waits_scaled_then_exits() =>
        Assert.Equal("sleep 0.4; exit 3", ContainerShell.Run(Exit(3, 2), Options));

    [Fact]
    public void A_run_without_exit_sleeps_for_a_day() =>
        Assert.Equal("exec sleep 1d", ContainerShell.Run(new ContainerRun(), Options));

    [Fact]
    public void An_allocation_exits_with_the_kill_status_of_tail() =>
        Assert.Equal(
            "head -c 67108864 /dev/zero | tail >/dev/null || exit $?; exec sleep 1d",
            ContainerShell.Run(new ContainerRun { AllocateMemory = Quantity.Parse("64Mi") }, Options));

    [Fact]
    public void Successive_runs_are_chosen_by_a_counter_in_the_container()
    {
        var script = new ContainerScript(ValueList.Of(Exit(1), Exit(2), new ContainerRun()));
        Assert.Equal(
            "n=$(cat /.podconf-runs 2>/dev/null || echo 0); echo $((n+1)) > /.podconf-runs; case $n in 0) exit 1;; 1) exit 2;; *) exec sleep 1d;; esac",
            ContainerShell.For(script, Options));
    }

    [Fact]
    public void An_image_too_long_for_podmans_annotation_check_is_not_annotated()
    {
        // Found by the regenerated report: a digest reference (81 characters) made every kube play fail with exit 125.
        string digest = "ghcr.io/example/app@sha256:" + new string('a', 64);
        var pod = Pod("Always", [Container("app")], []);
        pod = pod with { Spec = pod.Spec with { Containers = ValueList.Of(pod.Spec.Containers[0] with { Image = digest }) } };
        var rendered = PodmanManifest.Render(pod, new Scenario(), "podconf-x-1", "x", Options);

        Assert.False(rendered.Metadata.Annotations.ContainsKey(PodmanManifest.ImageAnnotationPrefix + "app"));
        Assert.Equal("localhost/busybox:local", rendered.Spec.Containers[0].Image);
    }

    [Fact]
    public void The_manifest_keeps_names_policy_and_limits_and_swaps_the_image()
    {
        var pod = Pod("OnFailure", [Container("app", "32Mi")], [Container("init")]);
        var rendered = PodmanManifest.Render(pod, new Scenario { Images = new ImageCatalog { Missing = ValueList.Of("nope:1") } }, "podconf-x-1", "x", Options);
        string yaml = PodmanManifest.ToYaml(rendered);

        Assert.Equal("podconf-x-1", rendered.Metadata.Name);
        Assert.Equal("x", rendered.Metadata.Labels[PodmanManifest.RunLabel]);
        Assert.Equal("busybox:1.36", rendered.Metadata.Annotations[PodmanManifest.ImageAnnotationPrefix + "app"]);
        Assert.Equal("OnFailure", rendered.Spec.RestartPolicy);
        Assert.Equal(["sh", "-c", "sleep 0.2; exit 0"], rendered.Spec.InitContainers[0].Command.ToArray());
        Assert.Equal(["sh", "-c", "exec sleep 1d"], rendered.Spec.Containers[0].Command.ToArray());
        Assert.Equal("localhost/busybox:local", rendered.Spec.Containers[0].Image);
        Assert.Contains("memory: 32Mi", yaml);
    }

    private static Scenario Missing(string image) => new() { Images = new ImageCatalog { Missing = ValueList.Of(image) } };

    private static Model.Api.Container Named(string name, string image) => Container(name) with { Image = image };

    [Fact]
    public void A_container_whose_image_is_missing_is_not_played_the_others_are()
    {
        // podman would retry the pull for minutes and then fail the whole pod: the adapter answers that container itself.
        var pod = Pod("Always", [Named("gone", "nope:1"), Container("app")]);
        var rendered = PodmanManifest.Render(pod, Missing("nope:1"), "p1", "x", Options);
        Assert.Equal(["app"], rendered.Spec.Containers.Select(c => c.Name));
        Assert.DoesNotContain("nope:1", PodmanManifest.ToYaml(rendered).Replace("podconf.io/image.gone: nope:1", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void When_every_app_container_is_missing_a_placeholder_keeps_the_pod_playable()
    {
        var rendered = PodmanManifest.Render(Pod("Always", [Named("gone", "nope:1")]), Missing("nope:1"), "p1", "x", Options);
        var only = Assert.Single(rendered.Spec.Containers);
        Assert.Equal((PodmanManifest.Placeholder, "localhost/busybox:local"), (only.Name, only.Image));
        Assert.Equal(["sh", "-c", "exec sleep 1d"], only.Command.ToArray());
    }

    [Fact]
    public void A_missing_init_image_stops_the_pod_there_only_the_init_containers_before_it_play()
    {
        // The kubelet never gets past an init container it cannot pull: later init containers and the app never start.
        var pod = Pod("Never", [Container("app")], [Container("first"), Named("gone", "nope:1"), Container("third")]);
        var rendered = PodmanManifest.Render(pod, Missing("nope:1"), "p1", "x", Options);
        Assert.Equal(["first"], rendered.Spec.InitContainers.Select(c => c.Name));
        Assert.Equal([PodmanManifest.Placeholder], rendered.Spec.Containers.Select(c => c.Name));
        Assert.Equal(PodmanManifest.Placeholder + "-x", PodmanManifest.PlaceholderName(Pod("Never", [Container(PodmanManifest.Placeholder)])));
    }

    [Fact]
    public void The_adapter_answers_a_missing_image_with_the_kubelets_pull_back_off()
    {
        // MissingImages plays the kubelet's image manager with the model's back-off (10 s, doubling): a failed pull is
        // ErrImagePull, a sync inside the back-off ImagePullBackOff, the next pull after 10 s fails again.
        var pod = Pod("Always", [Named("gone", "nope:1"), Container("app")]);
        var missing = MissingImages.For(pod, Missing("nope:1"), "p1");
        string Reason(double seconds) => missing.Attempt(TimeSpan.FromSeconds(seconds))["gone"].Reason;
        Assert.Equal(["ErrImagePull", "ImagePullBackOff", "ImagePullBackOff", "ErrImagePull", "ImagePullBackOff", "ImagePullBackOff", "ErrImagePull"],
            new[] { 1.0, 1.5, 10.5, 11, 11.5, 30.5, 31 }.Select(Reason));
        Assert.Equal(MissingImages.PullError, missing.Attempt(TimeSpan.FromSeconds(71))["gone"].Message);

        // The mapper reports the answered container waiting with it; the played one as podman says.
        var mapper = new PodmanStatusMapper(pod);
        var states = new Dictionary<string, PodmanContainerState> { ["p1-app"] = new() { Name = "p1-app", Status = "running", StartedAt = DateTimeOffset.UnixEpoch } };
        var mapped = mapper.Map(states, n => "p1-" + n, new Dictionary<string, Model.Api.ContainerStateWaiting> { ["gone"] = new() { Reason = "ErrImagePull", Message = "m" } });
        var gone = mapped.Status!.ContainerStatuses.Single(c => c.Name == "gone");
        Assert.Equal(("ErrImagePull", 0, false), (gone.State.Waiting!.Reason, gone.RestartCount, gone.Ready));
        Assert.NotNull(mapped.Status.ContainerStatuses.Single(c => c.Name == "app").State.Running);
        Assert.Equal("Running", mapped.Status.Phase);
    }

    private const string Inspected = """
        [{"Name": "p1-app", "RestartCount": 2,
          "State": {"Status": "exited", "ExitCode": 137, "OOMKilled": false, "Error": "",
                    "StartedAt": "2026-11-24T19:55:02.97294289Z", "FinishedAt": "2026-11-24T19:55:03.1Z"},
          "HostConfig": {"Memory": 33554432}},
         {"Name": "p1-side", "RestartCount": 0,
          "State": {"Status": "created", "ExitCode": 0, "StartedAt": "0001-01-01T00:00:00Z", "FinishedAt": "0001-01-01T00:00:00Z"},
          "HostConfig": {"Memory": 0}}]
        """;

    [Fact]
    public void Inspect_output_is_read()
    {
        var states = PodmanContainerState.ParseInspect(Inspected);
        Assert.Equal(("p1-app", "exited", 137, 2, 33554432L), (states[0].Name, states[0].Status, states[0].ExitCode, states[0].RestartCount, states[0].MemoryLimit));
        Assert.Null(states[1].StartedAt);
    }

    [Fact]
    public void Exit_137_under_a_memory_limit_is_reported_as_oom_killed_and_without_a_limit_as_error()
    {
        var s = PodmanContainerState.ParseInspect(Inspected)[0];
        Assert.Equal("OOMKilled", PodmanStatusMapper.ExitReason(s));
        Assert.Equal("Error", PodmanStatusMapper.ExitReason(s with { MemoryLimit = 0 }));
        Assert.Equal("Completed", PodmanStatusMapper.ExitReason(s with { ExitCode = 0 }));
    }

    [Fact]
    public void Mapped_statuses_keep_the_last_termination_and_complete_removed_init_containers()
    {
        var pod = Pod("OnFailure", [Container("app", "32Mi")], [Container("init")]);
        var mapper = new PodmanStatusMapper(pod);
        string Name(string c) => "p1-" + c;
        var exited = PodmanContainerState.ParseInspect(Inspected)[0];

        mapper.Map(new Dictionary<string, PodmanContainerState> { ["p1-app"] = exited }, Name);
        var running = exited with { Status = "running", RestartCount = 3 };
        var now = mapper.Map(new Dictionary<string, PodmanContainerState> { ["p1-app"] = running }, Name);

        var app = now.Status!.ContainerStatuses[0];
        Assert.Equal(("OOMKilled", 137, 3), (app.LastState.Terminated!.Reason, app.LastState.Terminated.ExitCode, app.RestartCount));
        Assert.Equal("Completed", now.Status.InitContainerStatuses[0].State.Terminated!.Reason);
        Assert.Equal("Running", now.Status.Phase);
    }
}
