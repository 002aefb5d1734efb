using System.Text.Json;
using System.Xml.Linq;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// kubectl's and kubeconform's output conventions (issue 13 item 2): -o table|wide|yaml|json|name|jsonpath=… and
/// --no-headers on the verbs that print objects or findings; validate/explain/audit with json, junit, tap and a
/// summary; file, line and column on every finding; usage errors that suggest the nearest verb or flag.
/// </summary>
public class OutputConventionsTests
{
    private static string Seed(string name) => Repo.Path("golden", "seed", "manifests", name);

    private static string Scenario(string name) => Repo.Path("golden", "seed", "scenarios", name);

    [Fact]
    public void The_tutorials_jsonpath_outputs_are_reproduced()
    {
        // pods-module.md: kubectl get pod resource-demo -o jsonpath='{.status.qosClass}'  →  Burstable
        var qos = CliRun.Run("qos", "-f", Seed("10-resources-resource-demo.yaml"), "-o", "jsonpath={.status.qosClass}");
        Assert.Equal(0, qos.ExitCode);
        Assert.Equal("Burstable", qos.Out);

        // … -o jsonpath='{.status.containerStatuses[0].lastState}'  →  {"terminated":{"exitCode":137,"reason":"OOMKilled",...}}
        string[] oom = ["simulate", "-f", Seed("10-resources-resource-demo.yaml"), "--scenario", Scenario("resource-demo-oom.yaml")];
        var last = CliRun.Run([.. oom, "-o", "jsonpath={.status.containerStatuses[0].lastState}"]);
        Assert.Matches("^\\{\"terminated\":\\{\"containerID\":\"containerd://[0-9a-f]+\",\"exitCode\":137,\"finishedAt\":\"[^\"]+\",\"reason\":\"OOMKilled\",\"startedAt\":\"[^\"]+\"\\}\\}$", last.Out);
        Assert.Equal("OOMKilled", CliRun.Run([.. oom, "-o", "jsonpath={.status.containerStatuses[0].lastState.terminated.reason}"]).Out);

        // … -o jsonpath='{range .status.conditions[*]}{.type}{"\t"}{.status}{"\n"}{end}'
        var conditions = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "jsonpath={range .status.conditions[*]}{.type}{\"\\t\"}{.status}{\"\\n\"}{end}");
        Assert.Contains("Initialized\tTrue\n", conditions.Out, StringComparison.Ordinal);
        Assert.Contains("Ready\tTrue\n", conditions.Out, StringComparison.Ordinal);
        Assert.Contains("PodScheduled\tTrue\n", conditions.Out, StringComparison.Ordinal);

        // … -o jsonpath='{.status.containerStatuses[0].state}'  →  {"running":{"startedAt":"2025-01-31T10:00:02Z"}}
        var state = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "jsonpath={.status.containerStatuses[0].state}");
        Assert.Equal("{\"running\":{\"startedAt\":\"2025-01-31T10:00:02Z\"}}", state.Out);
    }

    [Fact]
    public void Json_and_yaml_print_the_stored_object_as_kubectl_get_does()
    {
        const string bestEffort = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: be\nspec:\n  containers:\n  - name: c\n    image: busybox\n";
        var json = CliRun.WithStdin(bestEffort, "qos", "-f", "-", "-o", "json");
        Assert.Equal(0, json.ExitCode);
        Assert.StartsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {", json.Out, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(json.Out))
        {
            Assert.Equal("BestEffort", doc.RootElement.GetProperty("status").GetProperty("qosClass").GetString());
            Assert.Equal("Always", doc.RootElement.GetProperty("spec").GetProperty("restartPolicy").GetString()); // defaulted
            var keys = doc.RootElement.GetProperty("spec").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys); // kubectl prints unstructured maps: sorted keys
        }

        var yaml = CliRun.WithStdin(bestEffort, "qos", "-f", "-", "-o", "yaml");
        Assert.StartsWith("apiVersion: v1\nkind: Pod\nmetadata:\n", yaml.Out, StringComparison.Ordinal);
        Assert.Contains("\nstatus:\n  phase: Pending\n  qosClass: BestEffort\n", yaml.Out, StringComparison.Ordinal);

        // Several objects: a List, as kubectl get -o yaml prints it.
        var two = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-f", Seed("10-resources-resource-demo.yaml"), "-o", "yaml");
        Assert.StartsWith("apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n", two.Out, StringComparison.Ordinal);
        Assert.EndsWith("kind: List\nmetadata:\n  resourceVersion: \"\"\n", two.Out, StringComparison.Ordinal);
        Assert.Equal("web-app:Burstable resource-demo:Burstable ", CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-f", Seed("10-resources-resource-demo.yaml"), "-o", "jsonpath={range .items[*]}{.metadata.name}:{.status.qosClass} {end}").Out);
    }

    [Fact]
    public void Name_wide_and_no_headers()
    {
        Assert.Equal("pod/web-app\n", CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "name").Out);
        Assert.Equal(
            "NAMESPACE   NAME      QOS         DECIDING CONTAINER   RESOURCE   RULES\n" +
            "default     web-app   Burstable   web                  cpu        QOS-003,QOS-004,QOS-005\n",
            CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "wide").Out);
        Assert.Equal("default   web-app   Burstable\n", CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "--no-headers").Out);
        var table = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "table", "--no-headers");
        Assert.Equal("web-app   1/1   Running   0     10s\n", table.Out);
        var wide = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "10s", "-o", "wide");
        Assert.StartsWith("NAME      READY   STATUS    RESTARTS   AGE   IP", wide.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("NAME", CliRun.Run("quantity", "100m", "--no-headers").Out, StringComparison.Ordinal);
    }

    private const string Invalid = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: bad
        spec:
          containers:
          - name: app
            image: nginx
            resources:
              requests:
                cpu: 300m
              limits:
                cpu: 50m
        """;

    [Fact]
    public void Validate_names_file_line_and_column_of_every_error()
    {
        using var bad = CliRun.File(Invalid);
        using var good = CliRun.File(File.ReadAllText(Seed("01-pod-spec-web-app.yaml")));
        var r = CliRun.Run("validate", "-f", good.Path, "-f", bad.Path, "--summary");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(good.Path + ":3:1: pod default/web-app is valid\n", r.Out, StringComparison.Ordinal);
        // requests is written at line 10, column 9 of the bad file.
        Assert.Contains(bad.Path + ":10:7: The Pod \"bad\" is invalid: spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m\n", r.Out, StringComparison.Ordinal);
        Assert.EndsWith("Summary: 2 resources found in 2 files - Valid: 1, Invalid: 1, Errors: 0, Skipped: 0\n", r.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// kubeconform counts every resource of its input in the summary, those it does not validate as Skipped
    /// (pkg/output text.go/json.go, commit e65429b); podconf checks Pods and pod templates only, so a Service or a
    /// ConfigMap beside them is a skipped resource, not a resource the summary leaves out.
    /// </summary>
    [Theory]
    [InlineData("validate", "Valid: 1, Invalid: 0")]
    [InlineData("explain", "Valid: 1, Invalid: 0")]
    public void Summary_counts_objects_that_are_not_pods_as_skipped(string verb, string verdicts)
    {
        const string text = "apiVersion: v1\nkind: Service\nmetadata: {name: svc}\nspec: {ports: [{port: 80}]}\n---\n" +
            "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: a, image: nginx}]}\n---\n" +
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {a: b}\n";

        var r = CliRun.WithStdin(text, verb, "-f", "-", "--summary");

        Assert.Equal(0, r.ExitCode);
        Assert.EndsWith("Summary: 3 resources found parsing stdin - " + verdicts + ", Errors: 0, Skipped: 2\n", r.Out, StringComparison.Ordinal);
        var json = CliRun.WithStdin(text, verb, "-f", "-", "-o", "json", "--summary");
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("skipped").GetInt32());
        Assert.Equal(1, doc.RootElement.GetProperty("resources").GetArrayLength());
    }

    /// <summary>
    /// A document that could not be read is a resource in error in the machine outputs, as kubeconform reports one
    /// (pkg/output json.go, junit.go, tap.go, commit 07dec90: status "statusError"; a test case with &lt;error&gt;,
    /// counted in errors; "not ok N - PATH: ERROR"). Before, JUnit said tests="0" errors="0" for a file whose every
    /// document was refused, and a CI report showed nothing wrong.
    /// </summary>
    [Fact]
    public void Input_errors_are_resources_in_error_in_json_junit_and_tap()
    {
        const string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec: {containers: [{name: a, image: 5}]}\n---\n" +
            "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: a, image: nginx}]}\n";
        const string error = "spec.containers[0].image: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string";

        var json = CliRun.WithStdin(text, "validate", "-f", "-", "-o", "json", "--summary");
        Assert.Equal(2, json.ExitCode);
        using (var doc = JsonDocument.Parse(json.Out))
        {
            var resources = doc.RootElement.GetProperty("resources");
            Assert.Equal(2, resources.GetArrayLength()); // in the order of the input: the error (4:38) before the pod at 6:1
            Assert.Equal("statusValid", resources[1].GetProperty("status").GetString());
            var e = resources[0];
            Assert.Equal("<stdin>", e.GetProperty("filename").GetString());
            Assert.Equal(4, e.GetProperty("line").GetInt32());
            Assert.Equal(38, e.GetProperty("column").GetInt32());
            Assert.Equal("statusError", e.GetProperty("status").GetString());
            Assert.Equal(error, e.GetProperty("msg").GetString());
            Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        }

        var junit = XDocument.Parse(CliRun.WithStdin(text, "validate", "-f", "-", "-o", "junit").Out);
        Assert.Equal("2", junit.Root!.Attribute("tests")!.Value);
        Assert.Equal("1", junit.Root!.Attribute("errors")!.Value);
        var suite = junit.Descendants("testsuite").Single();
        Assert.Equal("1", suite.Attribute("errors")!.Value);
        Assert.Equal("<stdin>:4:38: " + error, suite.Descendants("error").Single().Attribute("message")!.Value);

        var tap = CliRun.WithStdin(text, "validate", "-f", "-", "-o", "tap");
        Assert.Equal("TAP version 13\nnot ok 1 - <stdin>:4:38: " + error + "\nok 2 - <stdin>:6:1 (Pod default/ok)\n1..2\n", tap.Out);
    }

    /// <summary>
    /// audit: a pod without status has nothing to audit and is a skipped resource in the summary (it was left out of the
    /// count); a file whose every document was refused still gets its machine report, the errors in it.
    /// </summary>
    [Fact]
    public void Audit_counts_pods_without_status_as_skipped_and_reports_input_errors()
    {
        string observed = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "1m", "-o", "yaml").Out;
        using var withStatus = CliRun.File(observed);
        var r = CliRun.Run("audit", "-f", withStatus.Path, "-f", Seed("01-pod-spec-web-app.yaml"), "--summary");
        Assert.Equal(0, r.ExitCode);
        Assert.EndsWith("Summary: 2 resources found in 2 files - Valid: 1, Invalid: 0, Errors: 0, Skipped: 1\n", r.Out, StringComparison.Ordinal);

        var refused = CliRun.WithStdin("apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: a, image: 5}]}\n", "audit", "-f", "-", "-o", "tap");
        Assert.Equal(2, refused.ExitCode);
        Assert.StartsWith("TAP version 13\nnot ok 1 - <stdin>:4:38: spec.containers[0].image: json: cannot unmarshal number", refused.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_json_junit_and_tap_as_kubeconform()
    {
        var json = CliRun.WithStdin(Invalid, "validate", "-f", "-", "-o", "json", "--summary");
        Assert.Equal(1, json.ExitCode);
        using (var doc = JsonDocument.Parse(json.Out))
        {
            var res = doc.RootElement.GetProperty("resources")[0];
            Assert.Equal("<stdin>", res.GetProperty("filename").GetString());
            Assert.Equal("statusInvalid", res.GetProperty("status").GetString());
            var e = res.GetProperty("validationErrors")[0];
            Assert.Equal("spec.containers[0].resources.requests", e.GetProperty("path").GetString());
            Assert.Equal(10, e.GetProperty("line").GetInt32());
            Assert.Equal(7, e.GetProperty("column").GetInt32());
            Assert.StartsWith("VAL-", e.GetProperty("rule").GetString(), StringComparison.Ordinal);
            Assert.Equal(1, doc.RootElement.GetProperty("summary").GetProperty("invalid").GetInt32());
        }

        var junit = CliRun.WithStdin(Invalid, "validate", "-f", "-", "-o", "junit");
        var xml = XDocument.Parse(junit.Out);
        Assert.Equal("1", xml.Root!.Attribute("failures")!.Value);
        var testcase = xml.Descendants("testcase").Single();
        Assert.Equal("default/bad", testcase.Attribute("name")!.Value);
        Assert.Equal("Pod@v1", testcase.Attribute("classname")!.Value);
        Assert.Contains("<stdin>:10:7: spec.containers[0].resources.requests: Invalid value", testcase.Element("failure")!.Value, StringComparison.Ordinal);

        var tap = CliRun.WithStdin(Invalid, "validate", "-f", "-", "-o", "tap", "--summary");
        Assert.StartsWith("TAP version 13\nnot ok 1 - <stdin>:1:1 (Pod default/bad): The Pod \"bad\" is invalid: ", tap.Out, StringComparison.Ordinal);
        Assert.Contains("\n  # <stdin>:10:7: spec.containers[0].resources.requests: Invalid value: \"300m\"", tap.Out, StringComparison.Ordinal);
        Assert.EndsWith("1..1\n# Summary: 1 resource found parsing stdin - Valid: 0, Invalid: 1, Errors: 0, Skipped: 0\n", tap.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_and_audit_have_the_machine_outputs_too()
    {
        var explain = CliRun.Run("explain", "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "json");
        using (var doc = JsonDocument.Parse(explain.Out))
        {
            var res = doc.RootElement.GetProperty("resources")[0];
            Assert.Equal("statusValid", res.GetProperty("status").GetString());
            Assert.Equal("Burstable", res.GetProperty("qos").GetProperty("class").GetString());
            Assert.Contains(res.GetProperty("defaulting").EnumerateArray(), d => d.GetProperty("field").GetString() == "spec.dnsPolicy");
        }

        Assert.StartsWith("TAP version 13\nok 1 - ", CliRun.Run("explain", "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "tap").Out, StringComparison.Ordinal);
        var sim = CliRun.Run("simulate", "-f", Seed("14-hands-on-fullstack-pod.yaml"), "--until", "30s", "-o", "yaml");
        string wrong = sim.Out.Replace("qosClass: Burstable", "qosClass: Guaranteed", StringComparison.Ordinal);
        var audit = CliRun.WithStdin(wrong, "audit", "-f", "-", "--now", "2025-01-31T10:10:00Z", "-o", "tap");
        Assert.Equal(1, audit.ExitCode);
        Assert.Matches(@"\n  # <stdin>:\d+:\d+: status.qosClass: observed Guaranteed, the model says Burstable", audit.Out);
        var table = CliRun.WithStdin(wrong, "audit", "-f", "-", "--now", "2025-01-31T10:10:00Z", "--no-headers");
        Assert.Matches(@"^<stdin>:\d+:\d+ +default/fullstack-pod +QOS-", table.Out);
    }

    /// <summary>
    /// pflag keeps a repeated flag's last value, so kubectl get -o yaml -o name prints names; -o was refused ("Option '-o'
    /// expects a single argument but 2 were provided"), exit 2. Only the last value is checked, as kubectl checks it.
    /// </summary>
    [Theory]
    [InlineData("qos")]
    [InlineData("simulate")]
    [InlineData("status")]
    public void A_repeated_output_flag_keeps_its_last_value(string verb)
    {
        var r = CliRun.Run(verb, "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "bogus", "-o", "yaml", "--output", "name");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("pod/web-app\n", r.Out);
        Assert.Equal("", r.Error);
    }

    /// <summary>
    /// Every single-valued flag keeps its last value when repeated, as pflag's Set overwrites (not only -o): --until was
    /// refused ("expects a single argument but 2 were provided"). Repeatable flags (-f) still keep every value.
    /// </summary>
    [Fact]
    public void Any_repeated_single_valued_flag_keeps_its_last_value_and_repeatable_ones_accumulate()
    {
        var once = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "6s", "-o", "yaml");
        var twice = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "bogus", "--until", "6s", "-o", "yaml");
        Assert.Equal(0, once.ExitCode);
        Assert.Equal("", twice.Error);
        Assert.Equal(once.Out, twice.Out);

        var plain = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"));
        var headed = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "--no-headers", "--no-headers=false");
        var bare = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "--no-headers=false", "--no-headers");
        Assert.Equal(plain.Out, headed.Out);
        Assert.Equal(2, plain.Out.Split('\n').Length - 1); // the header and the pod
        Assert.Matches("^default +web-app +Burstable\n$", bare.Out);

        var both = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "name");
        Assert.Equal("pod/web-app\npod/web-app\n", both.Out);
    }

    /// <summary>
    /// A JSONPath template that does not parse and one that fails on the object are both usage errors, exit 2 (kubectl
    /// exits 1 for both, as for every error, CheckErr's DefaultErrorExitCode; podconf keeps 1 for a failed check so that
    /// a script never reads a template typo as "the pod is refused"). spec/guides/output.md.
    /// </summary>
    [Fact]
    public void Jsonpath_errors_are_usage_errors_whether_parsing_or_executing()
    {
        var parse = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "jsonpath={.spec.containers[");
        Assert.Equal(2, parse.ExitCode);
        Assert.StartsWith("podconf: --output: error parsing jsonpath", parse.Error, StringComparison.Ordinal);

        var execute = CliRun.Run("qos", "-f", Seed("01-pod-spec-web-app.yaml"), "-o", "jsonpath={.spec.containers[9]}");
        Assert.Equal(2, execute.ExitCode);
        Assert.Equal("podconf: error executing jsonpath \"{.spec.containers[9]}\": Error executing template: array index out of bounds: index 9, length 1.\n", execute.Error);
    }

    /// <summary>pflag reads a group of shorthands letter by letter: boolean ones go on (-wR), one with a value ends it.</summary>
    [Fact]
    public void Grouped_shorthands_are_read_as_pflag_reads_them()
    {
        string dir = Path.GetDirectoryName(Seed("01-pod-spec-web-app.yaml"))!;
        var apart = CliRun.Run("qos", "-f", dir, "-R", "-v", "-o", "name");
        var grouped = CliRun.Run("qos", "-f", dir, "-Rvoname");
        Assert.Equal(apart.ExitCode, grouped.ExitCode);
        Assert.Equal(apart.Error, grouped.Error);
        Assert.Equal(apart.Out, grouped.Out);
        Assert.NotEqual("", apart.Out);
        var valueLast = CliRun.Run("qos", "-Rvf", dir, "-o", "name");
        Assert.Equal(apart.Out, valueLast.Out);

        var watch = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "5s", "-wo", "name");
        var watchApart = CliRun.Run("simulate", "-f", Seed("01-pod-spec-web-app.yaml"), "--until", "5s", "-w", "-o", "name");
        Assert.Equal(watchApart.Out, watch.Out);
        Assert.Equal(watchApart.ExitCode, watch.ExitCode);
    }

    [Theory]
    [InlineData(new[] { "valdate" }, "podconf: unknown command \"valdate\" for \"podconf\"\n\nDid you mean this?\n\tvalidate\n\nRun 'podconf --help' for usage.\n")]
    [InlineData(new[] { "qos", "--outptu", "json" }, "podconf: unknown flag: --outptu (did you mean --output?)\nSee 'podconf qos --help' for usage.\n")]
    // pflag's parseShortArg (spf13/pflag flag.go): "unknown shorthand flag: %q in -%s", as kubectl prints it.
    [InlineData(new[] { "qos", "-O", "yaml" }, "podconf: unknown shorthand flag: 'O' in -O\nSee 'podconf qos --help' for usage.\n")]
    [InlineData(new[] { "qos", "-O=yaml" }, "podconf: unknown shorthand flag: 'O' in -O=yaml\nSee 'podconf qos --help' for usage.\n")]
    // A bad letter after a good boolean one: pflag reports the group from the bad letter on.
    [InlineData(new[] { "simulate", "-wO", "yaml" }, "podconf: unknown shorthand flag: 'O' in -O\nSee 'podconf simulate --help' for usage.\n")]
    [InlineData(new[] { "simulate", "-wOyaml" }, "podconf: unknown shorthand flag: 'O' in -Oyaml\nSee 'podconf simulate --help' for usage.\n")]
    [InlineData(new[] { "golden", "verfy" }, "podconf: unknown command \"verfy\" for \"podconf golden\"\n\nDid you mean this?\n\tverify\n\nRun 'podconf golden --help' for usage.\n")]
    [InlineData(new[] { "qos", "-f", "-", "-o", "jsn" }, "podconf: --output: unknown format \"jsn\"; did you mean \"json\"? Allowed: table, wide, yaml, json, name, jsonpath=TEMPLATE\nSee 'podconf qos --help' for usage.\n")]
    [InlineData(new[] { "oom-score", "-f", "-", "--node-memory", "8Gi", "-o", "wide" }, "podconf: --output: unknown format \"wide\". Allowed: table, json, yaml, jsonpath=TEMPLATE\nSee 'podconf oom-score --help' for usage.\n")]
    // kubectl's printers podconf lacks are named as such (not "did you mean yaml?" for -o name's neighbours).
    [InlineData(new[] { "qos", "-f", "-", "-o", "custom-columns=NAME:.metadata.name,QOS:.status.qosClass" }, "podconf: --output: custom-columns is a kubectl output format podconf does not print (jsonpath=TEMPLATE reads the same fields). Allowed: table, wide, yaml, json, name, jsonpath=TEMPLATE\nSee 'podconf qos --help' for usage.\n")]
    [InlineData(new[] { "status", "-f", "-", "-o", "go-template={{.metadata.name}}" }, "podconf: --output: go-template is a kubectl output format podconf does not print (jsonpath=TEMPLATE reads the same fields). Allowed: table, wide, yaml, json, name, jsonpath=TEMPLATE\nSee 'podconf status --help' for usage.\n")]
    // -o jsonpath-file reads its template as every input is read (bounded, worded as InputFile), after kubectl's "error reading --template".
    [InlineData(new[] { "qos", "-f", "-", "-o", "jsonpath-file=/nonexistent-podconf/t.txt" }, "podconf: --output: error reading --template /nonexistent-podconf/t.txt, /nonexistent-podconf/t.txt: no such file or directory\nSee 'podconf qos --help' for usage.\n")]
    [InlineData(new[] { "qos", "-f", "-", "-o", "jsonpath={.status" }, "podconf: --output: error parsing jsonpath {.status, unclosed action\nSee 'podconf qos --help' for usage.\n")]
    public void Usage_errors_suggest_and_point_to_the_verbs_help(string[] args, string error)
    {
        var r = CliRun.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(error, r.Error);
        Assert.Equal("", r.Out);
    }
}
