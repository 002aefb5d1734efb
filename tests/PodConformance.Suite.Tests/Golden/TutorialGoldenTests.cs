using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>
/// The tutorial (pods-module.md) reproduced: each test cites its section and asserts the statuses, columns,
/// reasons and orders it shows come out of the simulator (ages that depend on timing are not compared).
/// Where the tutorial simplifies, the test asserts the real behaviour and the case carries a note.
/// </summary>
public class TutorialGoldenTests
{
    [Fact]
    public void Every_tutorial_manifest_is_used_by_a_seed_case()
    {
        var used = GoldenRepo.Tutorial.Select(c => ((GoldenMap)c.Tutorial!).GetText("manifest")).ToHashSet();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(GoldenRepo.GoldenDir, "seed", "manifests")))
        {
            Assert.Contains("seed/manifests/" + Path.GetFileName(file), used);
        }
    }

    [Fact]
    public void Pod_spec_web_app_runs_1_of_1()
    {
        // "The Pod Spec": kubectl get pod web-app → web-app 1/1 Running 0.
        var c = GoldenRepo.Seed("01-pod-spec-web-app");
        var get = GoldenRepo.View(c, "get");
        Assert.Equal(["NAME", "READY", "STATUS", "RESTARTS", "AGE"], Cells(get[0]));
        Assert.Equal(["web-app", "1/1", "Running", "0"], Cells(get[1])[..4]);
        Assert.Equal(["IP", "NODE"], Cells(GoldenRepo.View(c, "getWide")[0])[5..7]);
        Assert.Equal("node-1", Cells(GoldenRepo.View(c, "getWide")[1])[6]);
    }

    [Fact]
    public void Pod_conditions_are_printed_in_the_kubelets_order_not_the_tutorials()
    {
        // "Pod Lifecycle > Pod Conditions": the tutorial lists PodScheduled, Initialized, ContainersReady, Ready (simplified; COND-001).
        var c = GoldenRepo.Seed("01-pod-spec-web-app");
        string printed = GoldenRepo.JsonPath(c, "{range .status.conditions[*]}{.type}{\"\\t\"}{.status}{\"\\n\"}{end}");
        Assert.Equal("PodReadyToStartContainers\tTrue\nInitialized\tTrue\nReady\tTrue\nContainersReady\tTrue\nPodScheduled\tTrue\n", printed);
        Assert.Contains(Notes(c), n => n.Contains("COND-001", StringComparison.Ordinal));
    }

    [Fact]
    public void Container_state_is_running_with_a_start_time()
    {
        // "Pod Lifecycle > Container States": {"running":{"startedAt":"2025-01-31T10:00:02Z"}}.
        var c = GoldenRepo.Seed("01-pod-spec-web-app");
        Assert.Matches("^\\{\"running\":\\{\"startedAt\":\"2025-01-31T10:00:\\d\\dZ\"\\}\\}$", GoldenRepo.JsonPath(c, "{.status.containerStatuses[0].state}"));
    }

    [Fact]
    public void Init_containers_show_Init_0_2_then_Init_1_2_then_Running()
    {
        // "Multi-Container Patterns > Init Containers": Init:0/2 → Init:1/2 → Running (PodInitializing in between: PRINT-009).
        var c = GoldenRepo.Seed("06-init-containers-web-with-init");
        Assert.Equal(["Pending", "Init:0/2", "Init:1/2", "PodInitializing", "Running"], GoldenRepo.View(c, "statuses"));
        Assert.Equal(["web-with-init", "1/1", "Running", "0"], Cells(GoldenRepo.View(c, "watch")[^1]));
        Assert.Equal(["web-with-init", "0/1", "Init:0/2", "0"], Cells(GoldenRepo.View(c, "watch")[2]));
    }

    [Fact]
    public void Fullstack_pod_shows_Init_0_1_then_PodInitializing_then_Running_2_of_2()
    {
        // "Hands-On Exercise", Step 2: Init:0/1 → PodInitializing → Running with READY 2/2.
        var c = GoldenRepo.Seed("14-hands-on-fullstack-pod");
        Assert.Equal(["Pending", "Init:0/1", "PodInitializing", "Running"], GoldenRepo.View(c, "statuses"));
        var watch = GoldenRepo.View(c, "watch").Skip(2).Select(Cells).ToArray();
        Assert.Equal(["0/2", "Init:0/1"], watch[0][1..3]);
        Assert.Equal(["0/2", "PodInitializing"], watch[1][1..3]);
        Assert.Equal(["2/2", "Running", "0"], watch[2][1..4]);
    }

    [Fact]
    public void Fullstack_pod_is_Burstable()
    {
        // "Hands-On Exercise", Step 4: QoS Class: Burstable.
        Assert.Equal("Burstable", GoldenRepo.Model(GoldenRepo.Seed("14-hands-on-fullstack-pod"), "qos"));
    }

    [Fact]
    public void Broken_fullstack_pod_shows_Init_ImagePullBackOff_and_the_pull_failure()
    {
        // "Hands-On Exercise", Step 5: fullstack-pod 0/2 Init:ImagePullBackOff 0 30s; events Scheduled then Failed to pull image.
        var c = GoldenRepo.Seed("14-hands-on-fullstack-pod-broken");
        var get = Cells(GoldenRepo.View(c, "get")[1]);
        Assert.Equal(["fullstack-pod", "0/2", "Init:ImagePullBackOff", "0", "30s"], get);
        var events = GoldenRepo.View(c, "describeEvents");
        Assert.Equal(["Type", "Reason", "From", "Message"], Cells(events[0]));
        Assert.StartsWith("Normal   Scheduled  default-scheduler  Successfully assigned default/fullstack-pod to node-1", events[2], StringComparison.Ordinal);
        Assert.Contains(events, e => e.StartsWith("Warning  Failed", StringComparison.Ordinal) && e.Contains("Failed to pull image \"busybox:nonexistent\"", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Contains("Error: ImagePullBackOff", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("11-qos-guaranteed", "Guaranteed")]
    [InlineData("12-qos-burstable", "Burstable")]
    [InlineData("13-qos-besteffort", "BestEffort")]
    public void Qos_snippets_get_their_class(string name, string qos)
    {
        // "Quality of Service (QoS) Classes > The Three Classes".
        var c = GoldenRepo.Seed(name);
        Assert.Equal(qos, GoldenRepo.Model(c, "qos"));
        Assert.Contains(Notes(c), n => n.Contains("EVICT-001", StringComparison.Ordinal));
    }

    [Fact]
    public void Resource_demo_is_Burstable_and_OOMKilled_with_exit_137()
    {
        // "What Happens When Limits Are Exceeded" (600Mi over a 512Mi limit), "Check a Pod's QoS class", "OOMKilled".
        var c = GoldenRepo.Seed("10-resources-resource-demo-oom");
        Assert.Equal("Burstable", GoldenRepo.JsonPath(c, "{.status.qosClass}"));
        Assert.Equal("app", GoldenRepo.JsonPath(c, "{.status.containerStatuses[0].name}"));
        Assert.Equal("OOMKilled", GoldenRepo.JsonPath(c, "{.status.containerStatuses[0].lastState.terminated.reason}"));
        Assert.Equal("137", GoldenRepo.JsonPath(c, "{.status.containerStatuses[0].lastState.terminated.exitCode}"));
        Assert.Contains("OOMKilled", GoldenRepo.View(c, "statuses"));
    }

    [Fact]
    public void Stuck_pod_fails_scheduling_with_the_tutorials_message()
    {
        // "Debugging Pods > Common Failure Patterns > Pending": 0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.
        var c = GoldenRepo.Seed("debugging-pending-stuck-pod");
        Assert.Equal(["Pending"], GoldenRepo.View(c, "statuses"));
        string e = GoldenRepo.View(c, "describeEvents")[2];
        Assert.StartsWith("Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", e, StringComparison.Ordinal);
        Assert.Contains(Notes(c), n => n.Contains("SCHED-008", StringComparison.Ordinal));
    }

    [Fact]
    public void Crash_loop_back_off_waits_grow_10s_20s_40s()
    {
        // "Pod Lifecycle > Restart Policy": exponential backoff 10s, 20s, 40s, ... up to 5 minutes (first restart immediate).
        var c = GoldenRepo.Seed("01-restart-policy-crashloop");
        Assert.StartsWith("10s, 20s, 40s, 80s, 160s", GoldenRepo.View(c, "backoffWaits")[0], StringComparison.Ordinal);
        Assert.Contains("CrashLoopBackOff", GoldenRepo.View(c, "statuses"));
        Assert.Contains(GoldenRepo.View(c, "describeEvents"), e => e.StartsWith("Warning  BackOff", StringComparison.Ordinal) && e.Contains("Back-off restarting failed container web", StringComparison.Ordinal));
        Assert.Contains(Notes(c), n => n.Contains("PHASE-006", StringComparison.Ordinal));
    }

    [Fact]
    public void Restarts_column_shows_3_2m_ago_after_three_crashes()
    {
        // "Pod Lifecycle > Restart Policy": web-app 1/1 Running 3 (2m ago) 10m; Last State Terminated, Reason Error, Exit Code 1.
        var c = GoldenRepo.Seed("01-restart-policy-three-restarts");
        var get = GoldenRepo.View(c, "get");
        Assert.Equal("web-app   1/1     Running   3 (2m ago)   10m", get[1]);
        Assert.Equal("Error", GoldenRepo.JsonPath(c, "{.status.containerStatuses[0].lastState.terminated.reason}"));
        Assert.Equal("1", GoldenRepo.JsonPath(c, "{.status.containerStatuses[0].lastState.terminated.exitCode}"));
    }

    [Fact]
    public void Downward_api_env_shows_pod_name_and_namespace()
    {
        // "Environment Variables > From the Downward API": POD_NAME=web-app, POD_NAMESPACE=default, POD_IP=<pod IP>.
        var env = GoldenRepo.View(GoldenRepo.Seed("05-env-downward-api"), "env");
        Assert.Contains("web: POD_NAME=web-app", env);
        Assert.Contains("web: POD_NAMESPACE=default", env);
        Assert.Contains(env, e => e.StartsWith("web: POD_IP=10.244.0.", StringComparison.Ordinal));
        Assert.Contains("web: NODE_NAME=node-1", env);
    }

    [Fact]
    public void Env_sources_resolve_and_the_secret_is_masked()
    {
        // "Environment Variables": Direct Values, From a ConfigMap, From a Secret.
        Assert.Contains("web: APP_ENV=production", GoldenRepo.View(GoldenRepo.Seed("02-env-direct-values"), "env"));
        Assert.Contains("web: DATABASE_URL=postgres://postgres.default.svc.cluster.local:5432/app", GoldenRepo.View(GoldenRepo.Seed("03-env-from-configmap"), "env"));
        Assert.Contains("web: DB_PASSWORD=<secret:db-credentials/password>", GoldenRepo.View(GoldenRepo.Seed("04-env-from-secret"), "env"));
    }

    [Fact]
    public void Multi_container_patterns_run_2_of_2()
    {
        // "Sidecar Containers" and "Ambassador Pattern": both containers run.
        Assert.Equal(["web-with-logging", "2/2", "Running", "0"], Cells(GoldenRepo.View(GoldenRepo.Seed("07-sidecar-web-with-logging"), "get")[1])[..4]);
        Assert.Equal(["app-with-ambassador", "2/2", "Running", "0"], Cells(GoldenRepo.View(GoldenRepo.Seed("08-ambassador-app-with-ambassador"), "get")[1])[..4]);
    }

    [Fact]
    public void Cpu_and_memory_units_mean_what_the_tutorial_says()
    {
        // "CPU and Memory Units": "0.1" is the same as 100m; 128Mi is binary, 256M decimal.
        var q = GoldenRepo.View(GoldenRepo.Seed("09-resources-how-they-work"), "quantities");
        Assert.Contains("0.1: milliValue=100 value=1 canonical=100m", q);
        Assert.Contains("100m: milliValue=100 value=1 canonical=100m", q);
        Assert.Contains("128Mi: milliValue=134217728000 value=134217728 canonical=128Mi", q);
        Assert.Contains("256M: milliValue=256000000000 value=256000000 canonical=256M", q);
    }

    private static string[] Cells(string line) =>
        System.Text.RegularExpressions.Regex.Split(line.Trim(), " {2,}");

    private static IReadOnlyList<string> Notes(GoldenCase c) =>
        ((GoldenMap)c.Tutorial!).Get("notes") is GoldenList l ? l.Items.Select(i => ((GoldenScalar)i).Text).ToArray() : [];
}
