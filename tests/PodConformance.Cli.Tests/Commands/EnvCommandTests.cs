using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class EnvCommandTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
          namespace: team-a
        spec:
          containers:
          - name: main
            image: busybox
            env:
            - name: GREETING
              value: hello
            - name: PASSWORD
              valueFrom:
                secretKeyRef: {name: creds, key: password}
            - name: URL
              value: "https://user:$(PASSWORD)@example"
            - name: MODE
              valueFrom:
                configMapKeyRef: {name: settings, key: mode}
          - name: side
            image: busybox
            env:
            - name: ONLY_SIDE
              value: "1"
        """;

    private const string Objects = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: team-a}
        data: {mode: fast}
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: team-a}
        data: {password: aHVudGVyMg==}
        """;

    /// <summary>The KEP-3721 example pod (an init container writes config.env, the app reads a key of it).</summary>
    private const string FilePod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: dapi-test-pod}
        spec:
          initContainers:
          - name: setup-envfile
            image: busybox
            volumeMounts: [{name: config, mountPath: /data}]
          containers:
          - name: use-envfile
            image: busybox
            env:
            - name: CONFIG_MAIN
              valueFrom: {fileKeyRef: {path: config.env, volumeName: config, key: CONFIG_INIT}}
          volumes: [{name: config, emptyDir: {}}]
        """;

    /// <summary>ENV-016 with <c>--volume-file</c>; ENV-019 without it (never a value); a bad argument is exit 2.</summary>
    [Fact]
    public void File_key_refs_read_the_volume_file_given_and_are_not_checked_without_one()
    {
        using var file = CliRun.File("CONFIG_INIT='hello'\n");
        var given = CliRun.WithStdin(FilePod, "env", "-f", "-", "--no-kubernetes-service", "--volume-file", "config/config.env=" + file.Path);
        Assert.Equal(0, given.ExitCode);
        Assert.Equal("CONFIG_MAIN=hello\nHOSTNAME=dapi-test-pod\n", given.Out);

        var elsewhere = CliRun.WithStdin(FilePod, "env", "-f", "-", "--no-kubernetes-service", "--volume-file", "config/other.env=" + file.Path);
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.Contains("CreateContainerConfigError: couldn't parse env file", elsewhere.Error, StringComparison.Ordinal);

        var unknown = CliRun.WithStdin(FilePod, "env", "-f", "-", "--no-kubernetes-service");
        Assert.Equal(0, unknown.ExitCode);
        Assert.Equal("CONFIG_MAIN=<not checked: file config/config.env#CONFIG_INIT not known>\nHOSTNAME=dapi-test-pod\n", unknown.Out);
        Assert.Contains("not checked", unknown.Error, StringComparison.Ordinal);
        var json = CliRun.WithStdin(FilePod, "env", "-f", "-", "--no-kubernetes-service", "-o", "json");
        Assert.Contains("\"value\": null", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"notChecked\": true", json.Out, StringComparison.Ordinal);

        var bad = CliRun.WithStdin(FilePod, "env", "-f", "-", "--volume-file", "config.env");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--volume-file config.env: want VOLUME/PATH=FILE", bad.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A <c>--volume-file</c> FILE is read as <c>-f</c> and <c>--objects</c> are (InputFile.ReadBytes): bounded at 3 MiB, so a
    /// device such as /dev/zero ends in an error instead of filling memory, with the same wording, exit 2.
    /// </summary>
    [Fact]
    public void A_volume_file_that_cannot_be_read_is_an_input_error_with_the_inputs_wording()
    {
        string missing = Path.Combine(Path.GetTempPath(), "podconf-no-such-" + Guid.NewGuid().ToString("N") + ".env");
        var absent = CliRun.WithStdin(FilePod, "env", "-f", "-", "--volume-file", "config/config.env=" + missing);
        Assert.Equal(2, absent.ExitCode);
        Assert.Contains("podconf: --volume-file " + missing + ": no such file", absent.Error, StringComparison.Ordinal);

        string dir = Path.GetTempPath().TrimEnd('/');
        var directory = CliRun.WithStdin(FilePod, "env", "-f", "-", "--volume-file", "config/config.env=" + dir);
        Assert.Equal(2, directory.ExitCode);
        Assert.Contains(dir + ": is a directory (give a file)", directory.Error, StringComparison.Ordinal);

        if (File.Exists("/dev/zero"))
        {
            var endless = CliRun.WithStdin(FilePod, "env", "-f", "-", "--volume-file", "config/config.env=/dev/zero");
            Assert.Equal(2, endless.ExitCode);
            Assert.Contains("/dev/zero: Request entity too large: limit is 3145728", endless.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secret_values_are_masked_by_default_and_shown_with_reveal_secrets()
    {
        using var objects = CliRun.File(Objects);
        var masked = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path, "--no-kubernetes-service");
        Assert.Equal(0, masked.ExitCode);
        Assert.Equal("GREETING=hello\nHOSTNAME=app\nMODE=fast\nPASSWORD=<secret:creds/password>\nURL=<secret-derived>\n", masked.Out);
        Assert.DoesNotContain("hunter2", masked.Out + masked.Error, StringComparison.Ordinal);

        var revealed = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path, "--no-kubernetes-service", "--reveal-secrets");
        Assert.Contains("PASSWORD=hunter2\n", revealed.Out, StringComparison.Ordinal);
        Assert.Contains("URL=https://user:hunter2@example\n", revealed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_masked_by_default_and_carries_provenance()
    {
        using var objects = CliRun.File(Objects);
        var r = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path, "-o", "json", "--no-kubernetes-service");
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("hunter2", r.Out, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("team-a", doc.RootElement.GetProperty("namespace").GetString());
        Assert.Equal("main", doc.RootElement.GetProperty("container").GetString());
        var password = doc.RootElement.GetProperty("variables").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "PASSWORD");
        Assert.Equal("<secret:creds/password>", password.GetProperty("value").GetString());
        Assert.Equal("secret", password.GetProperty("source").GetString());
        Assert.Equal("creds/password", password.GetProperty("origin").GetString());
        Assert.True(password.GetProperty("masked").GetBoolean());
    }

    [Fact]
    public void A_missing_key_is_CreateContainerConfigError_with_the_kubelet_message_and_exit_1()
    {
        using var objects = CliRun.File(Objects.Replace("{mode: fast}", "{other: x}", StringComparison.Ordinal));
        var r = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("CreateContainerConfigError: couldn't find key mode in ConfigMap team-a/settings", r.Error, StringComparison.Ordinal);

        var json = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path, "-o", "json");
        Assert.Equal(1, json.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(json.Out);
        Assert.Equal("CreateContainerConfigError", doc.RootElement.GetProperty("error").GetProperty("reason").GetString());
    }

    [Fact]
    public void A_missing_Secret_is_not_found_and_objects_of_other_namespaces_are_invisible()
    {
        using var objects = CliRun.File(Objects.Replace("name: creds, namespace: team-a", "name: creds, namespace: team-b", StringComparison.Ordinal));
        var r = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("secret \"creds\" not found", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_base64_in_an_objects_file_is_a_positioned_error_and_exit_2()
    {
        using var objects = CliRun.File(Objects.Replace("aHVudGVyMg==", "not*base64", StringComparison.Ordinal));
        var r = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains(objects.Path + ":9:18: data[password]: Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_in_ConfigMap_data_is_a_positioned_decode_error()
    {
        using var objects = CliRun.File(Objects.Replace("{mode: fast}", "{mode: 8080}", StringComparison.Ordinal));
        var r = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(":4:14: data.mode: json: cannot unmarshal number into Go struct field ConfigMap.data of type string", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_flag_selects_and_an_unknown_container_is_exit_2()
    {
        using var objects = CliRun.File(Objects);
        var side = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path, "--container", "side", "--no-kubernetes-service");
        Assert.Equal((0, "HOSTNAME=app\nONLY_SIDE=1\n"), (side.ExitCode, side.Out));
        var bad = CliRun.WithStdin(Pod, "env", "-f", "-", "--container", "nope");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("container nope is not valid for pod app", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kubernetes_service_variables_are_there_unless_asked_away()
    {
        const string bare = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n";
        var r = CliRun.WithStdin(bare, "env", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("KUBERNETES_SERVICE_HOST=10.96.0.1\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443\n", r.Out, StringComparison.Ordinal);
        Assert.Equal("HOSTNAME=p\n", CliRun.WithStdin(bare, "env", "-f", "-", "--no-kubernetes-service").Out);
    }

    [Fact]
    public void Node_facts_come_from_flags()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: c
                image: x
                env:
                - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
                - {name: HOST_IP, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}
                - {name: POD_IPS, valueFrom: {fieldRef: {fieldPath: status.podIPs}}}
                - {name: MEM, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}
            """;
        var r = CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service", "--node-name", "worker-7", "--node-ip", "192.168.1.7",
            "--pod-ip", "fd00::5,10.1.0.15", "--node-allocatable", "cpu=2,memory=3Gi");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("HOSTNAME=p\nHOST_IP=192.168.1.7\nMEM=3072\nNODE=worker-7\nPOD_IPS=10.1.0.15,fd00::5\n", r.Out);
    }

    [Fact]
    public void Bad_node_allocatable_and_several_pods_without_pod_flag_are_exit_2()
    {
        const string bare = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n";
        var bad = CliRun.WithStdin(bare, "env", "-f", "-", "--node-allocatable", "memory=lots");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--node-allocatable: memory:", bad.Error, StringComparison.Ordinal);
        var negative = CliRun.WithStdin(bare, "env", "-f", "-", "--node-allocatable", "cpu=-1");
        Assert.Equal(2, negative.ExitCode);
        Assert.Equal("podconf: --node-allocatable: cpu: must not be negative\nSee 'podconf env --help' for usage.\n", negative.Error);
        var ip = CliRun.WithStdin(bare, "env", "-f", "-", "--node-ip", "not-an-ip");
        Assert.Equal(2, ip.ExitCode);
        Assert.Equal("podconf: --node-ip: \"not-an-ip\" is not an IP address\nSee 'podconf env --help' for usage.\n", ip.Error);
        var podIp = CliRun.WithStdin(bare, "env", "-f", "-", "--pod-ip", "10.0.0.1,zz");
        Assert.Equal(2, podIp.ExitCode);
        Assert.Equal("podconf: --pod-ip: \"zz\" is not an IP address\nSee 'podconf env --help' for usage.\n", podIp.Error);
        // status.podIPs holds at most one IP per family (validation.go validatePodIPs): three, or two IPv4, are refused.
        foreach (string ips in new[] { "10.0.0.1,fd00::1,10.0.0.2", "10.0.0.1,10.0.0.2", "fd00::1,fd00::2", "10.0.0.1,::ffff:10.0.0.2" })
        {
            var many = CliRun.WithStdin(bare, "env", "-f", "-", "--pod-ip", ips);
            Assert.Equal(2, many.ExitCode);
            Assert.Equal($"podconf: --pod-ip: Invalid value: \"{ips}\": may specify no more than one IP for each IP family\nSee 'podconf env --help' for usage.\n", many.Error);
        }

        Assert.Equal(0, CliRun.WithStdin(bare, "env", "-f", "-", "--pod-ip", "fd00::1,10.0.0.1").ExitCode);
        var two = CliRun.WithStdin(bare + "---\n" + bare.Replace("name: p}", "name: q}", StringComparison.Ordinal), "env", "-f", "-");
        Assert.Equal(2, two.ExitCode);
        Assert.Contains("choose one with --pod NAME", two.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRun.WithStdin(bare + "---\n" + bare.Replace("name: p}", "name: q}", StringComparison.Ordinal), "env", "-f", "-", "--pod", "q").ExitCode);
    }

    /// <summary>
    /// -f DIR with several pods and an input error: the errors and, as without them, the hint to choose with --pod (it
    /// printed the errors alone, and fixing them only led to the hint).
    /// </summary>
    [Fact]
    public void Several_pods_with_input_errors_still_say_to_choose_with_pod()
    {
        string dir = Path.Combine(Path.GetTempPath(), "podconf-env-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            const string Good = "apiVersion: v1\nkind: Pod\nmetadata: {name: NAME}\nspec:\n  containers: [{name: c, image: busybox}]\n";
            File.WriteAllText(Path.Combine(dir, "a.yaml"), Good.Replace("NAME", "p", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir, "b.yaml"), Good.Replace("NAME", "q", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(dir, "c.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: r}\nspec: {containers: 3}\n");

            var r = CliRun.Run("env", "-f", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("c.yaml:", r.Error, StringComparison.Ordinal);
            Assert.EndsWith("podconf: env: the input holds 2 Pods; choose one with --pod NAME\n", r.Error, StringComparison.Ordinal);

            var chosen = CliRun.Run("env", "-f", dir, "--pod", "q");
            Assert.Equal(2, chosen.ExitCode);
            Assert.DoesNotContain("--pod", chosen.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Output_is_the_same_under_de_DE()
    {
        using var objects = CliRun.File(Objects);
        var invariant = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", objects.Path, "-o", "json");
        var german = CliRun.RunInCulture("de-DE", Pod, "env", "-f", "-", "--objects", objects.Path, "-o", "json");
        Assert.Equal(invariant, german);
    }

    [Fact]
    public void Help_documents_node_facts_and_masking()
    {
        var r = CliRun.Run("env", "--help");
        Assert.Equal(0, r.ExitCode);
        foreach (string flag in new[] { "--node-name", "--node-ip", "--pod-ip", "--node-allocatable", "--reveal-secrets", "--objects", "--container" })
        {
            Assert.Contains(flag, r.Out, StringComparison.Ordinal);
        }
    }
    [Fact]
    public void Node_facts_can_come_from_a_scenario_and_the_default_container_annotation_is_honoured()
    {
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations: {kubectl.kubernetes.io/default-container: second}
            spec:
              containers:
              - {name: first, image: x}
              - name: second
                image: x
                env:
                - {name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
                - {name: HOST_IP, valueFrom: {fieldRef: {fieldPath: status.hostIP}}}
            """;
        using var scenario = CliRun.File("nodes:\n- name: worker-9\n  capacity: {cpu: \"2\", memory: 2Gi}\n  addresses: [172.16.0.9]\n");
        var r = CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service", "--scenario", scenario.Path);
        Assert.Equal((0, "HOSTNAME=p\nHOST_IP=172.16.0.9\nNODE=worker-9\n"), (r.ExitCode, r.Out));
    }

    [Fact]
    public void An_unreadable_pod_file_is_exit_2_with_a_position()
    {
        var r = CliRun.WithStdin("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: 5\n", "env", "-f", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("<stdin>:5:15: spec.containers", r.Error, StringComparison.Ordinal);
    }

    /// <summary>ENV-012…015: HOSTNAME from spec.hostname/subdomain/setHostnameAsFQDN or the pod name; a pod IP even when none is given.</summary>
    [Theory]
    [InlineData("", "", "", "HOSTNAME=web-7\n")]
    [InlineData("hostname: box", "", "", "HOSTNAME=box\n")]
    [InlineData("hostname: box", "subdomain: grp", "", "HOSTNAME=box\n")]
    [InlineData("hostname: box", "subdomain: grp", "setHostnameAsFQDN: true", "HOSTNAME=box.grp.team-a.svc.cluster.local\n")]
    [InlineData("", "", "setHostnameAsFQDN: true", "HOSTNAME=web-7\n")]
    public void Hostname_follows_hostname_subdomain_and_fqdn(string hostname, string subdomain, string fqdn, string expected)
    {
        string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: web-7, namespace: team-a}\nspec:\n  " + hostname + "\n  " + subdomain + "\n  " + fqdn + "\n  containers: [{name: c, image: x}]\n";
        var r = CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.Out);
        Assert.Contains("podconf: note: PATH and any other variable the image's config sets come from the image", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_container_defining_HOSTNAME_keeps_its_own_value()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x, env: [{name: HOSTNAME, value: mine}]}]\n";
        Assert.Equal("HOSTNAME=mine\n", CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service").Out);
    }

    [Fact]
    public void An_fqdn_over_64_characters_is_the_kubelets_error()
    {
        string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostname: " + new string('h', 40) + "\n  subdomain: " + new string('s', 20)
            + "\n  setHostnameAsFQDN: true\n  containers: [{name: c, image: x}]\n";
        var r = CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("podconf: default/p the kubelet cannot make the pod's hostname: failed to construct FQDN from pod hostname and cluster domain, FQDN "
            + new string('h', 40) + "." + new string('s', 20) + ".default.svc.cluster.local is too long (64 characters is the max, 87 characters requested)\n", r.Error);
    }

    [Fact]
    public void Pod_ip_defaults_to_the_scenarios_then_the_simulators_first_pod_ip()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x, env: [{name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}, {name: POD_IPS, valueFrom: {fieldRef: {fieldPath: status.podIPs}}}]}]\n";
        Assert.Contains("POD_IP=10.244.0.10\nPOD_IPS=10.244.0.10\n", CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service").Out, StringComparison.Ordinal);
        using var scenario = CliRun.File("pods:\n  p: {podIPs: [\"fd00::9\", 10.0.0.9]}\n");
        Assert.Contains("POD_IP=10.0.0.9\nPOD_IPS=10.0.0.9,fd00::9\n", CliRun.WithStdin(pod, "env", "-f", "-", "--no-kubernetes-service", "--scenario", scenario.Path).Out, StringComparison.Ordinal);
    }

    /// <summary>ADM-019: a misspelt ConfigMap field is the strict-decoding warning, and env runs as if it were absent.</summary>
    [Fact]
    public void A_misspelt_ConfigMap_field_is_warned_about_and_the_run_is_as_without_it()
    {
        using var misspelt = CliRun.File(Objects.Replace("data: {mode: fast}", "datas: {mode: fast}", StringComparison.Ordinal));
        using var without = CliRun.File(Objects.Replace("data: {mode: fast}", "immutable: false", StringComparison.Ordinal));
        var r = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", misspelt.Path);
        var baseline = CliRun.WithStdin(Pod, "env", "-f", "-", "--objects", without.Path);
        Assert.Contains("podconf: warning: " + misspelt.Path + ":4:1: unknown field \"datas\"\n", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown field", baseline.Error, StringComparison.Ordinal);
        Assert.Equal(1, baseline.ExitCode); // the key mode is then missing: CreateContainerConfigError
        Assert.Equal(baseline.ExitCode, r.ExitCode);
        Assert.Equal(baseline.Out, r.Out);
    }
}
