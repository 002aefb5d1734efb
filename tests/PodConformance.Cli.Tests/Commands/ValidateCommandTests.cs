using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public partial class ValidateCommandTests
{
    [Fact]
    public void One_error_is_printed_as_kubectl_prints_it_and_exits_1()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: x\n    resources:\n      requests: {cpu: 300m}\n      limits: {cpu: 50m}\n";
        var r = CliRun.WithStdin(pod, "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        // kubectl's message, led by where the field is written (requests: line 10, column 7).
        Assert.Equal("<stdin>:10:7: The Pod \"bad\" is invalid: spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m\n", r.Out);
    }

    /// <summary>
    /// SCHEMA-008: a repeated key never reaches the API server from kubectl (its map keeps the later value whole), so
    /// the answer is that of the pod with the later value alone: here the later <c>limits</c> makes the pod valid, and
    /// nothing is printed about the repetition; exit 0 like the pod written once.
    /// </summary>
    [Fact]
    public void A_repeated_key_is_answered_as_the_pod_with_its_later_value()
    {
        const string head = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: twice\nspec:\n  containers:\n  - name: c\n    image: x\n    resources:\n      requests: {cpu: 300m}\n";
        var r = CliRun.WithStdin(head + "      limits: {cpu: 50m}\n      limits: {cpu: 500m}\n", "validate", "-f", "-");
        var once = CliRun.WithStdin(head + "      limits: {cpu: 500m}\n", "validate", "-f", "-");

        Assert.Equal(0, once.ExitCode);
        Assert.Equal(once.ExitCode, r.ExitCode);
        Assert.Equal(once.Out, r.Out);
        Assert.Equal(once.Error, r.Error);
        Assert.DoesNotContain("duplicate", r.Error + r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_errors_are_a_bulleted_list()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: Web_1\n    image: x\n";
        var r = CliRun.WithStdin(pod, "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("<stdin>:1:1: The Pod \"bad\" is invalid: \n* ", r.Out, StringComparison.Ordinal);
        Assert.Contains("* <stdin>:8:5: spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("* <stdin>:6:3: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"\n", r.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// GetWarningsForPod's warnings (spec/validation.md WARN-010…029) reach stderr as kubectl prints them, in the API
    /// server's order, and a pod that only warns is still valid: here a deprecated nodeSelector label (WARN-010), a
    /// gitRepo volume with GitRepoVolumeDriver off at 1.33 (WARN-015), a fractional memory limit, which defaulting
    /// copies into the request (WARN-022, twice), and a repeated env name (WARN-023).
    /// </summary>
    [Fact]
    public void GetWarningsForPod_warnings_go_to_stderr_and_the_pod_stays_valid()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: warn\nspec:\n  nodeSelector: {beta.kubernetes.io/os: linux}\n"
            + "  volumes:\n  - name: src\n    gitRepo: {repository: https://example.com/r.git}\n"
            + "  containers:\n  - name: c\n    image: x\n    resources:\n      limits: {memory: 1500m}\n    env:\n    - {name: A, value: one}\n    - {name: A, value: two}\n";
        var r = CliRun.WithStdin(pod, "validate", "-f", "-", "--kubernetes-version", "1.33");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("<stdin>:1:1: pod default/warn is valid\n", r.Out);
        Assert.Equal(
            "Warning: spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use \"kubernetes.io/os\" instead\n"
            + "Warning: spec.volumes[0].gitRepo: deprecated in v1.11, and disabled by default in v1.33+\n"
            + "Warning: spec.containers[0].resources.limits[memory]: fractional byte value \"1500m\" is invalid, must be an integer\n"
            + "Warning: spec.containers[0].resources.requests[memory]: fractional byte value \"1500m\" is invalid, must be an integer\n"
            + "Warning: spec.containers[0].env[1]: hides previous definition of \"A\", which may be dropped when using apply\n",
            r.Error);
    }

    [Fact]
    public void Valid_pods_exit_0()
    {
        var r = CliRun.Run("validate", "-f", Repo.Path("golden", "seed", "manifests", "01-pod-spec-web-app.yaml"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Repo.Path("golden", "seed", "manifests", "01-pod-spec-web-app.yaml") + ":3:1: pod default/web-app is valid\n", r.Out);
    }

    [Fact]
    public void A_field_without_a_rule_is_reported_as_not_checked_not_valid()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hook\nspec:\n  containers:\n  - name: c\n    image: x\n    lifecycle:\n      postStart:\n        httpGet: {port: 80, host: example.com}\n";
        var r = CliRun.WithStdin(pod, "validate", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("<stdin>:1:1: pod default/hook: no errors found; not checked: spec.containers[0].lifecycle.postStart.httpGet.host\n", r.Out);
    }

    [Fact]
    public void A_pod_certificate_projection_is_checked_with_its_gate_on()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: cert\nspec:\n  containers:\n  - name: c\n    image: x\n  volumes:\n  - name: v\n    projected:\n      sources:\n      - podCertificate: {signerName: example.com/s, keyType: ED25519, credentialBundlePath: b}\n";
        var r = CliRun.WithStdin(pod, "validate", "-f", "-", "--feature-gates", "PodCertificateRequest=true");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("<stdin>:1:1: pod default/cert is valid\n", r.Out);
        r = CliRun.WithStdin(pod.Replace("ED25519", "RSA2048", StringComparison.Ordinal), "validate", "-f", "-", "--feature-gates", "PodCertificateRequest=true");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("spec.volumes[0].projected.sources[0].podCertificate.keyType: Unsupported value: \"RSA2048\"", r.Out + r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_full_tutorial_pod_is_valid()
    {
        foreach (string file in Directory.GetFiles(Repo.Path("golden", "seed", "manifests"), "*.yaml"))
        {
            if (!File.ReadAllText(file).Contains("kind: Pod", StringComparison.Ordinal))
            {
                continue;
            }

            var r = CliRun.Run("validate", "-f", file);
            Assert.True(r.ExitCode == 0, $"{file}: {r.Out}{r.Error}");
        }
    }
}
