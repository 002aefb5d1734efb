using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class ValidateCommandTests
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
