using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>RuntimeClass objects through --objects (ADM-012…018): validate, explain and simulate see the admitted pod.</summary>
public partial class AdmissionCommandTests
{
    private const string Kata =
        "apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: kata}\nhandler: kata\n"
        + "overhead:\n  podFixed: {cpu: 250m, memory: 120Mi}\n"
        + "scheduling:\n  nodeSelector: {runtime: kata}\n  tolerations:\n  - {key: kata, operator: Exists, effect: NoSchedule}\n";

    [Fact]
    public void A_given_runtime_class_sets_overhead_and_scheduling_and_explain_shows_the_steps()
    {
        using var objects = CliRun.File(Kata);
        string pod = Plain + "  runtimeClassName: kata\n";
        var validate = CliRun.WithStdin(pod, "validate", "-f", "-", "--objects", objects.Path);
        Assert.Equal(0, validate.ExitCode);
        Assert.DoesNotContain("spec.runtimeClassName", validate.Out, StringComparison.Ordinal);

        var explain = CliRun.WithStdin(pod, "explain", "-f", "-", "--objects", objects.Path);
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("spec.overhead = {cpu: 250m, memory: 120Mi} (RuntimeClass kata)", explain.Out, StringComparison.Ordinal);
        Assert.Contains("spec.nodeSelector[runtime] = kata", explain.Out, StringComparison.Ordinal);
        Assert.Contains("spec.tolerations = [", explain.Out, StringComparison.Ordinal);
        Assert.Contains("{key: kata, operator: Exists, effect: NoSchedule}] (merged with RuntimeClass kata)", explain.Out, StringComparison.Ordinal);
        Assert.Contains("ADM-015", explain.Out, StringComparison.Ordinal);

        using var podFile = CliRun.File(pod);
        var simulated = CliRun.Run("simulate", "-f", podFile.Path, "--until", "5s", "--objects", objects.Path, "-o", "yaml");
        Assert.Contains("  overhead:\n    cpu: 250m\n    memory: 120Mi\n", simulated.Out, StringComparison.Ordinal);
        Assert.Contains("  nodeSelector:\n    runtime: kata\n", simulated.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_class_is_refused_once_classes_are_given_and_not_checked_before_ADM_014()
    {
        using var objects = CliRun.File(Kata);
        string pod = Plain + "  runtimeClassName: gvisor\n";
        var refused = CliRun.WithStdin(pod, "validate", "-f", "-", "--objects", objects.Path);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal("Error from server (Forbidden): error when creating \"STDIN\": pods \"p\" is forbidden: pod rejected: RuntimeClass \"gvisor\" not found\n", refused.Out);

        var open = CliRun.WithStdin(pod, "validate", "-f", "-");
        Assert.Equal(0, open.ExitCode);
        Assert.Contains("not checked: spec.runtimeClassName", open.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflicting_node_selector_and_a_differing_overhead_are_refused_ADM_015_ADM_016()
    {
        using var objects = CliRun.File(Kata);
        var conflict = CliRun.WithStdin(Plain + "  runtimeClassName: kata\n  nodeSelector: {runtime: runc}\n", "validate", "-f", "-", "--objects", objects.Path);
        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains("pods \"p\" is forbidden: conflict: runtimeClass.scheduling.nodeSelector[runtime] = kata; pod.spec.nodeSelector[runtime] = runc\n", conflict.Out, StringComparison.Ordinal);

        var overhead = CliRun.WithStdin(Plain + "  runtimeClassName: kata\n  overhead: {cpu: 1}\n", "validate", "-f", "-", "--objects", objects.Path);
        Assert.Equal(1, overhead.ExitCode);
        Assert.Contains("pods \"p\" is forbidden: pod rejected: Pod's Overhead doesn't match RuntimeClass's defined Overhead\n", overhead.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_runtime_class_is_an_input_error_with_its_location()
    {
        using var objects = CliRun.File("apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata: {name: kata}\nhandler: kata\noverhead:\n  podFixed: {cpu: lots}\n");
        var r = CliRun.WithStdin(Plain + "  runtimeClassName: kata\n", "validate", "-f", "-", "--objects", objects.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(":6:", r.Error, StringComparison.Ordinal);
        Assert.Contains("overhead.podFixed.cpu", r.Error, StringComparison.Ordinal);
    }
}
