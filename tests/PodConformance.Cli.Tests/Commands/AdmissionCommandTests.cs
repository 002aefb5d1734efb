using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>The admission plugins seen through the verbs (spec/admission.md): validate, explain, env, --objects.</summary>
public partial class AdmissionCommandTests
{
    private const string Plain = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n";

    [Fact]
    public void Priority_without_a_class_is_refused_as_kubectl_prints_a_forbidden_create()
    {
        var r = CliRun.WithStdin(Plain + "  priority: 1000\n", "validate", "-f", "-");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("Error from server (Forbidden): error when creating \"STDIN\": pods \"p\" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name\n", r.Out);
    }

    [Fact]
    public void A_priority_class_given_with_objects_resolves_and_a_missing_one_is_refused_when_the_objects_are_complete()
    {
        using var objects = CliRun.File("apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: gold}\nvalue: 1000\n");
        string pod = Plain + "  priorityClassName: gold\n  priority: 1000\n";
        Assert.Equal(0, CliRun.WithStdin(pod, "validate", "-f", "-", "--objects", objects.Path, "--objects-complete").ExitCode);

        var missing = CliRun.WithStdin(pod.Replace("gold", "silver", StringComparison.Ordinal), "validate", "-f", "-", "--objects", objects.Path, "--objects-complete");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("pods \"p\" is forbidden: no PriorityClass with name silver was found", missing.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assumed_class_or_an_unchecked_field_is_never_called_valid_ADM_098_ADM_099()
    {
        var assumed = CliRun.WithStdin(Plain + "  priorityClassName: gold\n", "validate", "-f", "-");
        Assert.Equal(0, assumed.ExitCode);
        Assert.DoesNotContain("is valid", assumed.Out, StringComparison.Ordinal);
        Assert.Contains("not checked", assumed.Out, StringComparison.Ordinal);
        Assert.Equal("<stdin>:1:1: pod default/p: no errors found; not checked: spec.priorityClassName\n", assumed.Out);

        var runtime = CliRun.WithStdin(Plain + "  runtimeClassName: kata\n", "validate", "-f", "-");
        Assert.DoesNotContain("is valid", runtime.Out, StringComparison.Ordinal);
        Assert.Contains("spec.runtimeClassName", runtime.Out, StringComparison.Ordinal);

        Assert.Equal("<stdin>:1:1: pod default/p is valid\n", CliRun.WithStdin(Plain, "validate", "-f", "-").Out);
    }

    [Fact]
    public void Explain_shows_each_plugin_as_a_step()
    {
        var r = CliRun.WithStdin(Plain, "explain", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("   ServiceAccount:\n     ADM-030  spec.serviceAccountName = default\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("   Priority:\n     ADM-040  spec.priority = 0\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("     ADM-050  spec.tolerations[0] = {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("   ResourceQuota: no ResourceQuota in namespace default\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_says_a_field_whose_gate_is_off_is_dropped()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]\n";
        var r = CliRun.WithStdin(pod, "explain", "-f", "-", "--kubernetes-version", "1.30");
        Assert.Contains("ADM-087  spec.containers[0].resizePolicy = (dropped: feature gate InPlacePodVerticalScaling is off)\n", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Env_sees_the_admitted_pod_so_the_service_account_is_default()
    {
        // kubernetes/website content/en/examples/pods/inject/dapi-envars-pod.yaml (the MY_POD_SERVICE_ACCOUNT variable).
        const string pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: dapi-envars-fieldref
            spec:
              containers:
                - name: test-container
                  image: registry.k8s.io/busybox:1.27.2
                  env:
                    - name: MY_POD_NAME
                      valueFrom:
                        fieldRef:
                          fieldPath: metadata.name
                    - name: MY_POD_SERVICE_ACCOUNT
                      valueFrom:
                        fieldRef:
                          fieldPath: spec.serviceAccountName
              restartPolicy: Never
            """;
        var r = CliRun.WithStdin(pod, "env", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("MY_POD_SERVICE_ACCOUNT=default\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("MY_POD_NAME=dapi-envars-fieldref\n", r.Out, StringComparison.Ordinal);
    }
}
