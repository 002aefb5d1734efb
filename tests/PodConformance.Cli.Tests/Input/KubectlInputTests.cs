using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Input;

/// <summary>
/// Input as kubectl takes it (issue 13 item 1): -f FILE|DIR|-, -R, the pod templates of every workload kind with
/// messages at the template's real path, and kind-less fragments (a bare PodSpec or Container) detected with a note or
/// read with --fragment.
/// </summary>
public sealed class KubectlInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "podconf-input-" + Guid.NewGuid().ToString("N"));

    public KubectlInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Workload(string apiVersion, string kind, string name, string templatePrefix, string indent) =>
        $"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\nspec:\n" + templatePrefix +
        $"{indent}template:\n{indent}  spec:\n{indent}    containers:\n{indent}    - name: app\n{indent}      image: nginx:1.25\n{indent}      resources:\n{indent}        limits: {{cpu: \"1\", memory: 1Gi}}\n";

    [Fact]
    public void Every_workload_kind_gives_its_pod_template()
    {
        string all = string.Join("---\n",
            Workload("apps/v1", "Deployment", "d", "", "  "),
            Workload("apps/v1", "StatefulSet", "s", "", "  "),
            Workload("apps/v1", "DaemonSet", "ds", "", "  "),
            Workload("apps/v1", "ReplicaSet", "rs", "", "  "),
            Workload("batch/v1", "Job", "j", "", "  "),
            Workload("v1", "ReplicationController", "rc", "", "  "),
            Workload("batch/v1", "CronJob", "cj", "  schedule: \"0 0 * * *\"\n  jobTemplate:\n    spec:\n", "      "));
        var r = CliRun.WithStdin(all, "qos", "-f", "-", "--no-headers");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["d", "s", "ds", "rs", "j", "rc", "cj"], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.All(r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.EndsWith("Guaranteed", l, StringComparison.Ordinal));

        var v = CliRun.WithStdin(all, "validate", "-f", "-");
        Assert.Contains("<stdin>:1:1: deployment default/d: its pod template (spec.template) is valid; the Deployment's own fields are not checked\n", v.Out, StringComparison.Ordinal);
        Assert.Contains(": cronjob default/cj: its pod template (spec.jobTemplate.spec.template) is valid; the CronJob's own fields are not checked\n", v.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_labels_are_reported_without_metadata_as_ValidatePodTemplateSpec_does()
    {
        // MANI-051: core ValidatePodTemplateSpec validates labels at fldPath.Child("labels") (validation.go at v1.36.3 in
        // microshift ab25d11482f8), so the API server prints spec.template.labels; the location is the written labels map (spec.template.metadata.labels).
        string bad = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels:\n        \"bad key\": x\n    spec:\n      containers:\n      - name: app\n        image: nginx:1.25\n";
        var r = CliRun.WithStdin(bad, "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("The Deployment \"web\" is invalid: spec.template.labels: Invalid value: \"bad key\"", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("spec.template.metadata.labels", r.Out, StringComparison.Ordinal);
        Assert.StartsWith("<stdin>:8:7: ", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_keep_the_templates_real_path_and_place()
    {
        string bad = Workload("apps/v1", "Deployment", "web", "", "  ").Replace("limits: {cpu: \"1\", memory: 1Gi}", "limits: {cpu: 50m}\n          requests: {cpu: 300m}", StringComparison.Ordinal);
        var r = CliRun.WithStdin(bad, "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("<stdin>:13:11: The Deployment \"web\" is invalid: spec.template.spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m\n", r.Out);

        string cron = Workload("batch/v1", "CronJob", "cj", "  jobTemplate:\n    spec:\n", "      ").Replace("image: nginx:1.25", "image: 5", StringComparison.Ordinal);
        var e = CliRun.WithStdin(cron, "qos", "-f", "-");
        Assert.Equal(2, e.ExitCode);
        Assert.Contains("spec.jobTemplate.spec.template.spec.containers[0].image", e.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_gives_its_manifests_in_name_order_and_R_walks_into_subdirectories()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {0}\nspec:\n  containers:\n  - name: c\n    image: busybox\n";
        Write("b.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "b"));
        Write("a.yml", string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "a"));
        Write("c.json", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"c\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}");
        Write("notes.txt", "not a manifest");
        Write(Path.Combine("sub", "d.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "d"));
        Assert.Equal("pod/a\npod/b\npod/c\n", CliRun.Run("qos", "-f", _dir, "-o", "name").Out);
        Assert.Equal("pod/a\npod/b\npod/c\npod/d\n", CliRun.Run("qos", "-f", _dir, "-R", "-o", "name").Out);

        string empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);
        var none = CliRun.Run("qos", "-f", empty);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no .json, .yaml or .yml files in the directory", none.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>-v</c> lists what the verb does not check: the objects that are not Pods, located (as kubeconform -verbose
    /// lists the resources it skips). Since per-release decoding (287a878) the flag had done nothing at all.
    /// </summary>
    [Theory]
    [InlineData("validate")]
    [InlineData("qos")]
    [InlineData("explain")]
    [InlineData("simulate")]
    [InlineData("status")]
    public void V_lists_the_objects_that_are_not_checked(string verb)
    {
        string path = Write("mixed.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: team}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: i}]}\n"
            + "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: example.com/v1\n  kind: Widget\n  metadata: {name: w}\n");
        string[] notes =
        [
            "podconf: note: " + path + ":1:1: ConfigMap team/cm is not a Pod: not checked\n",
            "podconf: note: " + path + ":13:3: Widget w is not a Pod: not checked\n",
        ];

        var quiet = CliRun.Run(verb, "-f", path);
        var verbose = CliRun.Run(verb, "-f", path, "-v");

        Assert.Equal(quiet.ExitCode, verbose.ExitCode);
        Assert.Equal(quiet.Out, verbose.Out);
        Assert.DoesNotContain("podconf: note:", quiet.Error, StringComparison.Ordinal);
        Assert.Equal(quiet.Error + string.Concat(notes), verbose.Error);
    }

    /// <summary>
    /// MANI-050: -R walks as Go's filepath.Walk does, which reads entries with Lstat, so a symbolic link to a directory is
    /// never descended into (k8s.io/cli-runtime visitor.go ExpandPathsToFileVisitors). A link back to a parent once made
    /// podconf read the same files again and again until the path grew too long.
    /// </summary>
    [Fact]
    public void R_does_not_follow_a_link_to_a_directory()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {0}\nspec:\n  containers:\n  - name: c\n    image: busybox\n";
        Write("a.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "a"));
        Write(Path.Combine("sub", "b.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "b"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "sub", "up"), _dir);
        Directory.CreateSymbolicLink(Path.Combine(_dir, "sub2"), Path.Combine(_dir, "sub"));
        File.CreateSymbolicLink(Path.Combine(_dir, "c.yaml"), Path.Combine(_dir, "a.yaml"));

        var r = CliRun.Run("qos", "-f", _dir, "-R", "-o", "name");

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.Equal("pod/a\npod/a\npod/b\n", r.Out); // a.yaml, c.yaml (a link to a file is read), sub/b.yaml
    }

    /// <summary>
    /// MANI-050, MANI-008, MANI-030: a file of a directory that is not UTF-8 or is too large is that file's error, as a
    /// syntax error is: the other files are still read and answered, and the verb exits 2 (kubectl's builder likewise
    /// goes on to the other files and reports every error at the end). It once ended the whole input at that file.
    /// </summary>
    [Fact]
    public void An_unreadable_file_in_a_directory_does_not_hide_the_other_files()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {0}\nspec:\n  containers:\n  - name: c\n    image: busybox\n";
        Write("a.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "a"));
        string bad = Path.Combine(_dir, "b.yaml");
        File.WriteAllBytes(bad, [.. "a: \""u8, 0xC3, 0x28, .. "\"\n"u8]);
        string big = Write("c.json", "{\"a\": \"" + new string('x', 3 * 1024 * 1024) + "\"}");
        Write(Path.Combine("sub", "d.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, pod, "d"));

        var r = CliRun.Run("qos", "-f", _dir, "-R", "-o", "name");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("pod/a\npod/d\n", r.Out);
        Assert.Contains("podconf: error: " + bad + ":1:5: invalid UTF-8: invalid trailing UTF-8 octet 0x28 at byte 5 (save the file as UTF-8)\n", r.Error, StringComparison.Ordinal);
        Assert.Contains("podconf: error: " + big + ": Request entity too large: limit is 3145728", r.Error, StringComparison.Ordinal);

        // A path that does not exist still ends the command before anything is read, as kubectl's "the path … does not exist".
        string missing = Path.Combine(_dir, "missing.yaml");
        var gone = CliRun.Run("qos", "-f", Path.Combine(_dir, "a.yaml"), "-f", missing, "-o", "name");
        Assert.Equal(2, gone.ExitCode);
        Assert.Equal("", gone.Out);
        Assert.Equal("podconf: " + missing + ": no such file\n", gone.Error);
    }

    /// <summary>cli-runtime pkg/resource builder.go StdinMultiUseError (its builder test "stdin referenced twice"): -f - twice is refused, not read as an empty second input.</summary>
    [Fact]
    public void Standard_input_may_be_named_once()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: busybox}]}\n";

        var r = CliRun.WithStdin(pod, "qos", "-f", "-", "-f", "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("podconf: --filename: standard input cannot be used for multiple arguments\nSee 'podconf qos --help' for usage.\n", r.Error);
    }

    /// <summary>
    /// The same across flags: standard input read by <c>-f -</c> is drained, so <c>--scenario -</c> or <c>--objects -</c>
    /// would read it as an empty file (before session 16, an empty scenario: silently the default one). Refused as a usage
    /// error naming the second flag, whichever flag the verb reads first.
    /// </summary>
    [Theory]
    [InlineData("simulate", "--scenario")]
    [InlineData("env", "--scenario")]
    [InlineData("env", "--objects")]
    [InlineData("validate", "--objects")]
    [InlineData("explain", "--objects")]
    public void Standard_input_may_be_named_once_across_flags(string verb, string flag)
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: busybox}]}\n";

        var r = CliRun.WithStdin(pod, verb, "-f", "-", flag, "-");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Matches("^podconf: --(filename|scenario|objects): standard input cannot be used for multiple arguments \\(another flag has read it\\)\nSee 'podconf " + verb + " --help' for usage.\n$", r.Error);
    }

    /// <summary>Input without a Pod names where it looked, standard input as <c>&lt;stdin&gt;</c> as every diagnostic does (it read "-").</summary>
    [Fact]
    public void No_pod_found_names_standard_input_as_diagnostics_do()
    {
        var stdin = CliRun.WithStdin("# nothing\n", "qos", "-f", "-");
        Assert.Equal(2, stdin.ExitCode);
        Assert.Equal("podconf: qos: no Pod found in <stdin>\n", stdin.Error);

        using var cm = CliRun.File("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");
        var file = CliRun.Run("validate", "-f", cm.Path);
        Assert.Equal(2, file.ExitCode);
        Assert.Equal("podconf: validate: no Pod found in " + cm.Path + "\n", file.Error);
    }

    /// <summary>kubectl's -f takes URLs too; podconf reads no network, and says so instead of "no such file".</summary>
    [Fact]
    public void A_url_is_refused_with_what_to_do()
    {
        var r = CliRun.Run("qos", "-f", "https://k8s.io/examples/pods/qos/qos-pod.yaml");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("podconf: https://k8s.io/examples/pods/qos/qos-pod.yaml: podconf reads local files only, not URLs (download it, or pipe it: curl -sL URL | podconf … -f -)\n", r.Error);
    }

    [Fact]
    public void Every_tutorial_manifest_is_read_the_fragments_with_a_note()
    {
        var r = CliRun.Run("qos", "-f", Repo.Path("golden", "seed", "manifests"), "--no-headers");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(14, r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(8, r.Error.Split('\n').Count(l => l.StartsWith("podconf: note: ", StringComparison.Ordinal) && l.Contains(": no kind: read as a ", StringComparison.Ordinal)));
        Assert.Contains("02-env-direct-values.yaml:3:1: no kind: read as a Container fragment in a Pod, filled in: metadata.name = fragment, spec.containers[0].name = web, spec.containers[0].image = nginx:1.25", r.Error, StringComparison.Ordinal);
        Assert.Contains("11-qos-guaranteed.yaml:4:1: no kind: read as a PodSpec fragment", r.Error, StringComparison.Ordinal);

        // The tutorial's QoS fragments get the classes the tutorial names.
        foreach (var (file, qos) in new[] { ("11-qos-guaranteed.yaml", "Guaranteed"), ("12-qos-burstable.yaml", "Burstable"), ("13-qos-besteffort.yaml", "BestEffort") })
        {
            Assert.Equal(qos, CliRun.Run("qos", "-f", Repo.Path("golden", "seed", "manifests", file), "-o", "jsonpath={.status.qosClass}").Out);
        }
    }

    /// <summary>
    /// MANI-052: --fragment chooses what a kind-less document is and nothing else: the fragment gets the name and image a
    /// detected one gets (before session 16 it kept none, so the pod read "default/" and was invalid for its missing
    /// name), and a document with a kind is read as itself (before, a whole Pod was read as a PodSpec: unknown fields
    /// apiVersion, kind, metadata, spec, and an empty pod).
    /// </summary>
    [Fact]
    public void An_explicit_fragment_flag_applies_to_kindless_documents_only_and_fills_as_detection_does()
    {
        const string Input = "containers:\n- resources: {limits: {cpu: \"1\", memory: 1Gi}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: whole}\nspec: {containers: [{name: c, image: busybox}]}\n";
        var r = CliRun.WithStdin(Input, "validate", "-f", "-", "--fragment", "podspec");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("<stdin>:1:1: pod default/fragment is valid\n<stdin>:4:1: pod default/whole is valid\n", r.Out);
        Assert.Equal("", r.Error);

        var qos = CliRun.WithStdin(Input, "qos", "-f", "-", "--fragment", "podspec", "--no-headers");
        Assert.Equal("default   fragment   Guaranteed\ndefault   whole      BestEffort\n", qos.Out);
    }

    [Fact]
    public void An_explicit_fragment_flag_reads_without_a_note_and_errors_point_into_the_fragment()
    {
        var r = CliRun.WithStdin("resources:\n  limits: {cpu: \"1\", memory: 1Gi}\n", "qos", "-f", "-", "--fragment", "container", "-o", "jsonpath={.status.qosClass}");
        Assert.Equal("Guaranteed", r.Out);
        Assert.DoesNotContain("note", r.Error, StringComparison.Ordinal);

        var bad = CliRun.WithStdin("env:\n- name: A\n  value: x\n- name: \"\"\n  value: z\n", "validate", "-f", "-");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("<stdin>:4:3: The Pod \"fragment\" is invalid: spec.containers[0].env[1].name: Required value", bad.Out, StringComparison.Ordinal);

        var wrong = CliRun.WithStdin("env: []\n", "qos", "-f", "-", "--fragment", "volume");
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("--fragment: \"volume\" is not podspec or container", wrong.Error, StringComparison.Ordinal);

        var unknown = CliRun.WithStdin("foo: bar\n", "qos", "-f", "-");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("Object 'Kind' is missing", unknown.Error, StringComparison.Ordinal);
    }
}
