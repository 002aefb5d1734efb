using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>The simulator's sequencing of the model's rules (spec/simulator.md).</summary>
public class PodSimulatorTests
{
    [Fact]
    public void Init_containers_run_in_order_then_the_app_starts()
    {
        // pods-module.md "Init Containers": Init:0/2 → Init:1/2 → … → Running.
        var pod = Pod("web-with-init", "", [C("wait-for-db", "busybox:1.36"), C("run-migrations", "myapp/migrations:v2.0")], C("web", "myapp/web:v2.0"));
        var r = Run(pod, untilSeconds: 60);
        Assert.Equal(["Pending", "Init:0/2", "Init:1/2", "PodInitializing", "Running"], Statuses(r, "web-with-init"));
        var last = Last(r, "web-with-init");
        Assert.Equal("Running", last.Status!.Phase);
        Assert.Equal("1/1", PodPrinter.Row(last, r.End).Ready);
    }

    [Fact]
    public void A_crash_looping_container_waits_10_20_40_seconds_between_restarts()
    {
        var pod = Pod("crasher", "", null, C("app"));
        var r = Run(pod, Script("crasher", "app", Exit(1, 5)), untilSeconds: 300);
        var starts = new List<DateTimeOffset>();
        foreach (var e in r.EventsFor("crasher"))
        {
            if (e.Reason == EventReasons.Started)
            {
                starts.Add(e.FirstTimestamp);
            }
        }

        // Run n lasts 5 s; exit is seen 1 s later (PLEG); the first restart is immediate, then 10 s, 20 s, 40 s, 80 s.
        var gaps = starts.Zip(starts.Skip(1), (a, b) => (int)(b - a).TotalSeconds).ToList();
        Assert.Equal([6, 15, 25, 45, 85], gaps.Take(5));
        Assert.Contains(r.For("crasher"), s => PodPrinter.Row(s.Pod, s.Time).Status == "CrashLoopBackOff");
        Assert.Contains(r.EventsFor("crasher"), e => e.Reason == EventReasons.BackOff);
    }

    [Fact]
    public void Memory_over_the_limit_is_OOMKilled_with_exit_137()
    {
        // pods-module.md "What Happens When Limits Are Exceeded": allocates 600Mi, limit 512Mi → OOMKilled.
        var app = C("app") with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("memory", Q("512Mi"))) } };
        var r = Run(Pod("oom-pod", "", null, app), Script("oom-pod", "app", new ContainerRun { AllocateMemory = Q("600Mi"), After = TimeSpan.FromSeconds(10) }), untilSeconds: 60);
        Assert.Contains("OOMKilled", Statuses(r, "oom-pod"));
        var last = Last(r, "oom-pod").Status!.ContainerStatuses[0];
        Assert.Equal("OOMKilled", last.LastState.Terminated!.Reason);
        Assert.Equal(137, last.LastState.Terminated.ExitCode);
    }

    [Fact]
    public void Cpu_over_the_limit_is_throttled_not_killed()
    {
        var app = C("app") with { Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Q("500m"))) } };
        var r = Run(Pod("cpu", "", null, app), Script("cpu", "app", new ContainerRun { UseCpu = Q("800m") }), untilSeconds: 60);
        Assert.Equal(0, Last(r, "cpu").Status!.ContainerStatuses[0].RestartCount);
        Assert.Equal("Running", Last(r, "cpu").Status!.Phase);
    }

    [Theory]
    [InlineData("Never", 1, "Failed", 0)]
    [InlineData("Never", 0, "Succeeded", 0)]
    [InlineData("OnFailure", 0, "Succeeded", 0)]
    [InlineData("OnFailure", 1, "Running", 3)]
    [InlineData("Always", 0, "Running", 3)]
    public void Restart_policy_decides_restarts_and_the_final_phase(string policy, int exit, string phase, int minRestarts)
    {
        var r = Run(Pod("p", policy, null, C("app")), Script("p", "app", Exit(exit, 2)), untilSeconds: 120);
        var last = Last(r, "p");
        Assert.Equal(phase, last.Status!.Phase);
        Assert.True(last.Status.ContainerStatuses[0].RestartCount >= minRestarts, $"restarts {last.Status.ContainerStatuses[0].RestartCount}");
        if (minRestarts == 0)
        {
            Assert.Equal(0, last.Status.ContainerStatuses[0].RestartCount);
        }
    }

    [Fact]
    public void A_failed_init_container_fails_the_pod_only_under_Never()
    {
        var init = new[] { C("setup", "busybox:1.36") };
        var never = Run(Pod("n", "Never", init, C("app")), Script("n", "setup", Exit(1, 1)), untilSeconds: 60);
        Assert.Equal("Failed", Last(never, "n").Status!.Phase);
        Assert.Contains("Init:Error", Statuses(never, "n"));
        var always = Run(Pod("a", "Always", init, C("app")), Script("a", "setup", Exit(1, 1)), untilSeconds: 60);
        Assert.Equal("Pending", Last(always, "a").Status!.Phase);
        Assert.Contains("Init:CrashLoopBackOff", Statuses(always, "a"));
    }

    [Fact]
    public void A_missing_image_gives_ErrImagePull_then_ImagePullBackOff()
    {
        var init = new[] { C("setup", "busybox:nonexistent") };
        var scenario = new Scenario { Images = new ImageCatalog { Missing = ValueList.Of("busybox:nonexistent") } };
        var r = Run(Pod("broken", "", init, C("web")), scenario, untilSeconds: 60);
        var statuses = Statuses(r, "broken");
        Assert.Contains("Init:ErrImagePull", statuses);
        Assert.Contains("Init:ImagePullBackOff", statuses);
        var reasons = r.EventsFor("broken").Select(e => e.Reason + ":" + e.Message).ToList();
        Assert.Contains("Failed:Error: ErrImagePull", reasons);
        Assert.Contains("Failed:Error: ImagePullBackOff", reasons);
        Assert.Contains("BackOff:Back-off pulling image \"busybox:nonexistent\"", reasons);
    }

    [Theory]
    [InlineData(31, "Back-off pulling image \"busybox:nonexistent\"")]
    [InlineData(32, "Back-off pulling image \"busybox:nonexistent\": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image \"busybox:nonexistent\": not found")]
    [InlineData(37, "Back-off pulling image \"busybox:nonexistent\": ErrImagePull: rpc error: code = NotFound desc = failed to pull and unpack image \"busybox:nonexistent\": not found")]
    public void From_1_32_the_ImagePullBackOff_message_carries_the_last_pull_error(int minor, string expected)
    {
        // BACKOFF-007: images/image_manager.go stores fmt.Sprintf("%s: %s", err, msg) after a failed pull and appends it
        // to the back-off message (v1.32.12 in microshift release-4.19 and later branches; absent at v1.31.13, release-4.18).
        var init = new[] { C("setup", "busybox:nonexistent") };
        var scenario = new Scenario { Images = new ImageCatalog { Missing = ValueList.Of("busybox:nonexistent") } };
        var r = Run(Pod("broken", "", init, C("web")), scenario, Profile.For(new KubernetesVersion(1, minor)), untilSeconds: 60);
        var waiting = r.For("broken").Select(s => s.Pod.Status)
            .Where(s => s is not null && s.InitContainerStatuses.Count > 0)
            .Select(s => s!.InitContainerStatuses[0].State.Waiting)
            .First(w => w?.Reason == "ImagePullBackOff");
        Assert.Equal(expected, waiting!.Message);
        // The Normal BackOff event keeps the bare text in every release.
        Assert.Contains(r.EventsFor("broken"), e => e.Reason == "BackOff" && e.Message == "Back-off pulling image \"busybox:nonexistent\"");
    }

    [Fact]
    public void An_unschedulable_pod_stays_Pending_with_the_scheduler_message()
    {
        // pods-module.md "Pending": 0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.
        static Node N(string name, string cpu, string mem) => new() { Name = name, Capacity = ValueMap.Of(("cpu", Q(cpu)), ("memory", Q(mem)), ("pods", Q("110"))) };
        var app = C("app") with { Resources = new ResourceRequirements { Requests = ValueMap.Of(("cpu", Q("2")), ("memory", Q("4Gi"))) } };
        var scenario = new Scenario { Nodes = ValueList.Of(N("node-1", "1", "8Gi"), N("node-2", "4", "2Gi"), N("node-3", "4", "2Gi")) };
        var r = Run(Pod("stuck-pod", "", null, app), scenario, untilSeconds: 30);
        var last = Last(r, "stuck-pod");
        Assert.Equal("Pending", last.Status!.Phase);
        var scheduled = Assert.Single(last.Status.Conditions, c => c.Type == "PodScheduled");
        Assert.Equal(("False", "Unschedulable"), (scheduled.Status, scheduled.Reason));
        Assert.StartsWith("0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", scheduled.Message, StringComparison.Ordinal);
        Assert.Contains(r.EventsFor("stuck-pod"), e => e.Reason == "FailedScheduling");
    }

    [Fact]
    public void Deletion_shows_Terminating_then_removes_the_object()
    {
        var scenario = new Scenario { Pods = ValueMap.Of(("p", new PodScript { DeleteAfter = TimeSpan.FromSeconds(20) })) };
        var r = Run(Pod("p", "", null, C("app")), scenario, untilSeconds: 60);
        Assert.Contains("Terminating", Statuses(r, "p"));
        Assert.Equal(SnapshotKind.Deleted, r.For("p").Last().Kind);
        Assert.Contains(r.EventsFor("p"), e => e.Reason == EventReasons.Killing);
    }

    [Fact]
    public void Sidecars_start_before_the_app_and_count_in_READY()
    {
        var init = new[] { C("log-shipper", "fluent/fluent-bit:2.2") with { RestartPolicy = "Always" } };
        var r = Run(Pod("with-sidecar", "", init, C("web")), untilSeconds: 30);
        var last = Last(r, "with-sidecar");
        Assert.Equal("2/2", PodPrinter.Row(last, r.End).Ready);
        var started = r.EventsFor("with-sidecar").Where(e => e.Reason == EventReasons.Started).Select(e => e.FieldPath).ToList();
        Assert.Equal(["spec.initContainers{log-shipper}", "spec.containers{web}"], started);
    }

    [Fact]
    public void Invalid_pods_are_rejected_with_the_api_server_message()
    {
        var bad = C("Bad_Name");
        var r = Run(Pod("x", "", null, bad), untilSeconds: 10);
        var rejected = Assert.Single(r.Rejected);
        Assert.StartsWith("Pod \"x\" is invalid: spec.containers[0].name: Invalid value: \"Bad_Name\"", rejected.Message, StringComparison.Ordinal);
        Assert.Empty(r.Timeline);
    }

    [Fact]
    public void Same_inputs_give_byte_identical_views()
    {
        var pod = Pod("p", "", [C("init", "busybox:1.36")], C("app"), C("side", "busybox:1.36"));
        var scenario = Script("p", "app", Exit(1, 3), new ContainerRun());
        string Render(SimulationResult r) => SimulationViews.Watch(r, wide: true) + SimulationViews.DescribeEvents(r, "p", Profile.Default);
        var first = Render(Run(pod, scenario, untilSeconds: 120));
        var second = Render(Run(pod, scenario, untilSeconds: 120));
        Assert.Equal(first, second);
        var old = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("tr-TR");
            Assert.Equal(first, Render(Run(pod, scenario, untilSeconds: 120)));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = old;
        }
    }
}
