using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class SimulateCommandTests
{
    private static string Seed(string file) => Repo.Path("golden", "seed", "manifests", file);

    /// <summary>pods-module.md "Hands-On Exercise", step 2: Init:0/1 → PodInitializing → Running 2/2.</summary>
    [Fact]
    public void Watch_shows_the_tutorial_sequence()
    {
        var r = CliRun.Run("simulate", "-f", Seed("14-hands-on-fullstack-pod.yaml"), "--until", "30s");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("NAME            READY   STATUS    RESTARTS   AGE", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("fullstack-pod   0/2     Init:0/1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("fullstack-pod   0/2     PodInitializing", StringComparison.Ordinal));
        Assert.StartsWith("fullstack-pod   2/2     Running", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Events_are_the_describe_block()
    {
        var r = CliRun.Run("simulate", "-f", Seed("14-hands-on-fullstack-pod.yaml"), "--until", "30s", "-o", "events", "--kubernetes-version", "1.34");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Events:\n  Type    Reason     Age   From               Message\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("default-scheduler  Successfully assigned default/fullstack-pod to node-1\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("kubelet            Created container: setup\n", r.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// pods-module.md "Restart Policy": kubectl describe pod web-app | grep -A 3 "Last State" (DESC-023); the whole text is
    /// describe.go's (spec/describe.md), one pod after another separated by a blank line as kubectl separates objects.
    /// </summary>
    [Fact]
    public void Describe_is_the_whole_kubectl_describe_pod()
    {
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", Repo.Path("golden", "seed", "scenarios", "web-app-three-restarts.yaml"), "-o", "describe");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.StartsWith("Name:             web-app\nNamespace:        default\nPriority:         0\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n      Started:      Fri, 31 Jan 2025 10:00:19 +0000\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("\nQoS Class:                   Burstable\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("\nEvents:\n  Type     Reason     Age ", r.Out, StringComparison.Ordinal);

        var two = CliRun.Run("simulate", "-f", Seed("07-sidecar-web-with-logging.yaml"), "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "describe");
        Assert.Equal(0, two.ExitCode);
        Assert.Contains("\n\n\nName:             web-app\n", two.Out, StringComparison.Ordinal);

        var watch = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "describe", "-w");
        Assert.Equal(2, watch.ExitCode);
        Assert.StartsWith("podconf: --watch: not with -o describe (kubectl describe has no --watch)\n", watch.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// DESC-036: an ephemeral volume's claim template as describe prints it, through its nested writer (labels after four
    /// more spaces); nothing unrendered, so nothing on stderr (DESC-003).
    /// </summary>
    [Fact]
    public void Describe_prints_an_ephemeral_volumes_claim_template()
    {
        using var pod = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata: {name: eph-pod}\nspec:\n  containers: [{name: web, image: nginx}]\n  volumes:\n  - name: scratch\n    ephemeral:\n      volumeClaimTemplate:\n        metadata: {labels: {a: b}}\n        spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n");
        var r = CliRun.Run("simulate", "-f", pod.Path, "--until", "10s", "-o", "describe");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.Contains("  scratch:\n    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n    StorageClass:  \n    Volume:        \n    Labels:            a=b\n    Annotations:       <none>\n    Capacity:      \n    Access Modes:  \n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_the_object_at_the_end_and_watch_gives_every_change_with_its_type()
    {
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "json");
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("Running", doc.RootElement.GetProperty("status").GetProperty("phase").GetString());

        var w = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "yaml", "--watch");
        Assert.StartsWith("--- # 2025-01-31T10:00:00Z ADDED\napiVersion: v1\nkind: Pod\n", w.Out, StringComparison.Ordinal);
        Assert.Contains("--- # 2025-01-31T10:00:0", w.Out[10..], StringComparison.Ordinal);
        Assert.Contains(" MODIFIED\n", w.Out, StringComparison.Ordinal);
        string phases = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "jsonpath={.status.phase} ", "-w").Out;
        Assert.StartsWith("Pending ", phases, StringComparison.Ordinal); // one template per change, as kubectl get -w -o jsonpath
        Assert.EndsWith("Running ", phases, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_errors_name_the_file_and_exit_2()
    {
        using var scenario = CliRun.File("pods:\n  web-app:\n    containers:\n      web: {exit: one}\n");
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", scenario.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(scenario.Path + ":4:19: pods.web-app.containers.web.exit: expected an integer, got a string", r.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A lone scenario error is the whole of stderr (no closing line repeating that there were errors, as evict's and
    /// -f's error lists end); several get one closing line that counts them.
    /// </summary>
    [Fact]
    public void One_scenario_error_is_the_only_line_and_several_are_counted()
    {
        using var one = CliRun.File("pods:\n  web-app:\n    containers:\n      web: {exit: one}\n");
        var single = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", one.Path);
        Assert.Equal(2, single.ExitCode);
        Assert.Equal("", single.Out);
        Assert.Equal("podconf: error: " + one.Path + ":4:19: pods.web-app.containers.web.exit: expected an integer, got a string\n", single.Error);

        using var two = CliRun.File("bogus: 1\npods:\n  web-app:\n    containers:\n      web: {exit: one}\n");
        var several = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", two.Path);
        Assert.Equal(2, several.ExitCode);
        var lines = several.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[..2], l => Assert.StartsWith("podconf: error: " + two.Path + ":", l, StringComparison.Ordinal));
        Assert.Equal("podconf: " + two.Path + ": the scenario has 2 errors (listed above)", lines[2]);
    }

    /// <summary>
    /// SCN-001: an empty scenario file is an input error (kubectl apply's "no objects passed to apply"), not silently
    /// the default scenario; <c>{}</c> asks for the default explicitly. The same reader serves <c>env --scenario</c>.
    /// </summary>
    [Fact]
    public void An_empty_scenario_file_is_an_input_error()
    {
        using var empty = CliRun.File("# nothing yet\n");
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", empty.Path, "--until", "5s");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.StartsWith("podconf: error: " + empty.Path + ": no scenario found: the file holds no document (for the default scenario write {} or give no scenario)\n", r.Error, StringComparison.Ordinal);

        var env = CliRun.Run("env", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", empty.Path);
        Assert.Equal(2, env.ExitCode);
        Assert.Equal("", env.Out);
        Assert.Contains(empty.Path + ": no scenario found: the file holds no document", env.Error, StringComparison.Ordinal);

        using var explicitDefault = CliRun.File("{}\n");
        var withDefault = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", explicitDefault.Path, "--until", "5s");
        var without = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "5s");
        Assert.Equal(0, withDefault.ExitCode);
        Assert.Equal(without.Out, withDefault.Out);
        Assert.Contains("web-app   1/1     Running", withDefault.Out, StringComparison.Ordinal);
    }

    /// <summary>SCN-002: a Pod manifest given as the scenario is named as a Pod at its kind, not as unknown fields.</summary>
    [Fact]
    public void A_pod_given_as_the_scenario_is_named_as_such()
    {
        string pod = Seed("01-pod-spec-web-app.yaml");
        var r = CliRun.Run("simulate", "-f", pod, "--scenario", pod);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.StartsWith("podconf: error: " + pod + ":4:7: kind: a Pod (apiVersion v1) was given where a scenario was expected: a scenario has kind Scenario and apiVersion podconf/v1, both optional (spec/scenario.md)\n", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", r.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// ADM-019 per release: a scenario's objects are decoded with <c>--kubernetes-version</c>'s structs, as <c>--objects</c>
    /// are; Service <c>spec.trafficDistribution</c> (kubernetes/api core/v1 ServiceSpec: absent at v0.29.15, present at
    /// v0.30.14) is the unknown-field warning at 1.29 (printed as a warning, the run goes on) and nothing at 1.30.
    /// </summary>
    [Fact]
    public void A_scenario_objects_field_from_a_later_release_is_a_warning()
    {
        using var scenario = CliRun.File("objects:\n- kind: Service\n  apiVersion: v1\n  metadata: {name: s}\n  spec: {trafficDistribution: PreferClose}\n");
        var old = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", scenario.Path, "--kubernetes-version", "1.29");
        var current = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", scenario.Path, "--kubernetes-version", "1.30");

        Assert.Equal(0, old.ExitCode);
        Assert.Equal("podconf: warning: " + scenario.Path + ":5:10: objects[0]: unknown field \"spec.trafficDistribution\"\n", old.Error);
        Assert.Equal(0, current.ExitCode);
        Assert.Equal("", current.Error);
        Assert.Equal(current.Out, old.Out);
    }

    /// <summary>Requests 10^999999 apart cannot be summed exactly: an input error (exit 2) naming the range, not an internal error.</summary>
    [Fact]
    public void Quantities_out_of_the_exact_range_are_an_input_error()
    {
        using var pod = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n  - name: a\n    image: busybox\n    resources:\n      requests: {cpu: \"9e999999\"}\n  - name: b\n    image: busybox\n    resources:\n      requests: {cpu: \"1\"}\n");
        var r = CliRun.Run("simulate", "-f", pod.Path, "--until", "10s");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: the input's resource quantities are out of the model's range: quantities of order 10^999999 and 10^0 are too far apart to add exactly (the sum needs more than 200000 digits)\n", r.Error);
    }

    [Theory]
    [InlineData("1d", "podconf: --until: time: unknown unit \"d\" in duration \"1d\"\n")]
    [InlineData("-5s", "podconf: --until: must be positive\n")]
    [InlineData("0s", "podconf: --until: must be positive\n")]
    [InlineData("1ns", "podconf: --until: 1ns is shorter than the virtual clock's resolution (100ns)\n")]
    public void Bad_until_is_a_usage_error(string until, string expected)
    {
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", until);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(expected + "See 'podconf simulate --help' for usage.\n", r.Error);
    }

    [Fact]
    public void An_invalid_pod_is_rejected_with_exit_1()
    {
        var r = CliRun.WithStdin("apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: Bad_Name\n    image: x\n", "simulate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("podconf: the API server rejects it: Pod \"bad\" is invalid: spec.containers[0].name", r.Error, StringComparison.Ordinal);
    }

    /// <summary>pod-scheduling-readiness.md: SchedulingGated until the gates are removed, then scheduled and Running.</summary>
    [Fact]
    public void A_gated_pod_is_SchedulingGated_until_a_step_removes_its_gates()
    {
        var r = CliRun.Run("simulate", "-f", Repo.Path("golden", "docs", "manifests", "pod-with-scheduling-gates.yaml"),
            "--scenario", Repo.Path("golden", "docs", "scenarios", "scheduling-gates-removed.yaml"));
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("test-pod   0/1     SchedulingGated   0          0s", lines[1]);
        Assert.StartsWith("test-pod   1/1     Running ", lines[^1], StringComparison.Ordinal);
    }

    /// <summary>
    /// -w with a table is kubectl get -w: the table, then a row at each change (the watch view), not the end state with
    /// -w ignored; kubectl describe has no -w, so -w with -o events is a usage error rather than silently dropped.
    /// </summary>
    [Fact]
    public void Watch_flag_with_a_table_is_the_watch_view_and_with_events_a_usage_error()
    {
        var watch = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s");
        var table = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "table", "-w");
        Assert.Equal(0, table.ExitCode);
        Assert.Equal(watch.Out, table.Out);
        Assert.Equal(4, table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var events = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "events", "-w");
        Assert.Equal(2, events.ExitCode);
        Assert.Equal("", events.Out);
        Assert.StartsWith("podconf: --watch: not with -o events (kubectl describe has no --watch)\nSee 'podconf simulate --help' for usage.\n", events.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// -o events and -o describe are kubectl describe's text, which has no --no-headers: refused as -w is, not
    /// silently ignored; --no-headers=false is no request and passes.
    /// </summary>
    [Theory]
    [InlineData("events")]
    [InlineData("describe")]
    public void No_headers_with_describe_output_is_a_usage_error(string format)
    {
        var refused = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", format, "--no-headers");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("", refused.Out);
        Assert.StartsWith($"podconf: --no-headers: not with -o {format} (kubectl describe has no --no-headers)\nSee 'podconf simulate --help' for usage.\n", refused.Error, StringComparison.Ordinal);

        var plain = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", format);
        var off = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", format, "--no-headers=false");
        Assert.Equal(0, off.ExitCode);
        Assert.Equal(plain.Out, off.Out);
    }

    [Fact]
    public void A_step_naming_no_input_pod_is_an_input_error()
    {
        using var scenario = CliRun.File("steps:\n- {at: 1s, pod: nope, removeSchedulingGates: true}\n");
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", scenario.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: " + scenario.Path + ": scenario steps[0].pod: no pod named \"nope\" among the input pods\n", r.Error);
    }

    /// <summary>
    /// spec/scenario.md: a script for a pod the input does not have, or for a container its pod does not have, is a typo
    /// the run would silently ignore (the container then runs its default), as a step naming no pod is: an input error.
    /// "*" scripts apply to any pod, so their containers are not checked.
    /// </summary>
    [Theory]
    [InlineData("pods:\n  nope:\n    containers:\n      web: {exit: 1}\n", "scenario pods.nope: no pod named \"nope\" among the input pods")]
    [InlineData("pods:\n  web-app:\n    containers:\n      wbe: {exit: 1, after: 3s}\n", "scenario pods.web-app.containers.wbe: pod \"web-app\" has no container named \"wbe\" (its containers: web)")]
    public void A_script_naming_no_input_pod_or_container_is_an_input_error(string text, string message)
    {
        using var scenario = CliRun.File(text);
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", scenario.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("podconf: " + scenario.Path + ": " + message + "\n", r.Error);

        using var any = CliRun.File("pods:\n  \"*\":\n    containers:\n      sidecar: {exit: 1}\n");
        Assert.Equal(0, CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--scenario", any.Path, "--until", "5s").ExitCode);
    }

    /// <summary>ENV-009 in the lifecycle: CreateContainerConfigError until --objects supplies the ConfigMap (SIM-014).</summary>
    [Fact]
    public void Objects_decide_whether_a_configmap_reference_starts()
    {
        using var pod = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.25\n    envFrom: [{configMapRef: {name: cfg}}]\n");
        var missing = CliRun.Run("simulate", "-f", pod.Path, "--until", "20s");
        Assert.Equal(0, missing.ExitCode);
        Assert.StartsWith("web    0/1     CreateContainerConfigError   0", missing.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
        var events = CliRun.Run("simulate", "-f", pod.Path, "--until", "20s", "-o", "events");
        Assert.Contains("Warning  Failed     ", events.Out, StringComparison.Ordinal);
        Assert.Contains("Error: configmap \"cfg\" not found", events.Out, StringComparison.Ordinal);

        using var objects = CliRun.File("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg}\ndata: {MODE: prod}\n");
        var present = CliRun.Run("simulate", "-f", pod.Path, "--until", "20s", "--objects", objects.Path);
        Assert.Equal(0, present.ExitCode);
        Assert.StartsWith("web    1/1     Running", present.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_objects_are_an_input_error()
    {
        using var objects = CliRun.File("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {k: \"!!\"}\n");
        var r = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--objects", objects.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("illegal base64 data at input byte 0", r.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// --objects ends its error list as the scenario's does (spec/admission.md ADM-019): a lone error is the whole of
    /// stderr, in every verb that reads the objects; several get one closing line that counts them. Until session 16
    /// simulate followed even one error with <c>--objects: the objects have errors (listed above)</c>.
    /// </summary>
    [Theory]
    [InlineData("simulate")]
    [InlineData("validate")]
    [InlineData("explain")]
    [InlineData("env")]
    public void One_objects_error_is_the_only_line_and_several_are_counted(string verb)
    {
        const string Bad = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {k: \"!!\"}\n";
        using var one = CliRun.File(Bad);
        var single = CliRun.Run(verb, "-f", Seed("01-pod-spec-web-app.yaml"), "--objects", one.Path);
        Assert.Equal(2, single.ExitCode);
        Assert.Equal("", single.Out);
        var singleLines = single.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(singleLines);
        Assert.StartsWith("podconf: error: " + one.Path + ":", singleLines[0], StringComparison.Ordinal);
        Assert.Contains("illegal base64 data at input byte 0", singleLines[0], StringComparison.Ordinal);

        using var two = CliRun.File(Bad + "---\n" + Bad.Replace("name: s}", "name: t}", StringComparison.Ordinal));
        var several = CliRun.Run(verb, "-f", Seed("01-pod-spec-web-app.yaml"), "--objects", two.Path);
        Assert.Equal(2, several.ExitCode);
        var lines = several.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[..2], l => Assert.StartsWith("podconf: error: " + two.Path + ":", l, StringComparison.Ordinal));
        Assert.Equal("podconf: --objects: the objects have 2 errors (listed above)", lines[2]);
    }

    private const string AdmissionObjects =
        "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: gold}\nvalue: 1000\n---\n"
        + "apiVersion: v1\nkind: LimitRange\nmetadata: {name: lr, namespace: default}\nspec:\n  limits:\n  - type: Container\n"
        + "    default: {cpu: 500m, memory: 256Mi}\n    defaultRequest: {cpu: 100m, memory: 128Mi}\n";

    /// <summary>
    /// The admission objects of --objects (PriorityClass, LimitRange) change the simulated pod exactly as validate and explain
    /// admit it (ADM-040, ADM-060): the stored pod the kubelet runs carries the class's priority and the LimitRange's defaults.
    /// </summary>
    [Fact]
    public void Admission_objects_change_the_simulated_pod_as_explain_shows()
    {
        using var pod = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  priorityClassName: gold\n  containers:\n  - name: c\n    image: nginx\n");
        using var objects = CliRun.File(AdmissionObjects);
        var with = CliRun.Run("simulate", "-f", pod.Path, "--until", "5s", "--objects", objects.Path, "-o", "yaml");
        Assert.Equal(0, with.ExitCode);
        Assert.Contains("    kubernetes.io/limit-ranger: 'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c'\n", with.Out, StringComparison.Ordinal);
        Assert.Contains("      limits:\n        cpu: 500m\n        memory: 256Mi\n      requests:\n        cpu: 100m\n        memory: 128Mi\n", with.Out, StringComparison.Ordinal);
        Assert.Contains("  priority: 1000\n", with.Out, StringComparison.Ordinal);
        Assert.Contains("  qosClass: Burstable\n", with.Out, StringComparison.Ordinal);

        // explain shows the same plugin steps for the same objects.
        var explain = CliRun.Run("explain", "-f", pod.Path, "--objects", objects.Path);
        Assert.Contains("spec.priority = 1000", explain.Out, StringComparison.Ordinal);
        Assert.Contains("spec.containers[0].resources.limits.cpu = 500m", explain.Out, StringComparison.Ordinal);

        var without = CliRun.Run("simulate", "-f", pod.Path, "--until", "5s", "-o", "yaml");
        Assert.Equal(0, without.ExitCode);
        Assert.DoesNotContain("limit-ranger", without.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("  priority: 1000\n", without.Out, StringComparison.Ordinal); // the class is assumed, its value unknown
        Assert.Contains("  qosClass: BestEffort\n", without.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_objects_refuse_a_missing_class_as_validate_does()
    {
        using var pod = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  priorityClassName: silver\n  containers:\n  - name: c\n    image: nginx\n");
        using var objects = CliRun.File(AdmissionObjects);
        var r = CliRun.Run("simulate", "-f", pod.Path, "--until", "5s", "--objects", objects.Path, "--objects-complete");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("podconf: the API server rejects it: pods \"p\" is forbidden: no PriorityClass with name silver was found\n", r.Error);
        Assert.Equal(1, CliRun.Run("validate", "-f", pod.Path, "--objects", objects.Path, "--objects-complete").ExitCode);
    }
}
