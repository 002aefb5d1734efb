using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// <c>lifecycle.stopSignal</c> (spec/validation.md VAL-048; its drop without the gate is spec/admission.md ADM-094). Sources: validateStopSignal and
/// validateLifecycle, identical in validation.go v1.33.3, v1.34.1, v1.35.4 (openshift-kni/scheduler-plugins 0c967825a,
/// 313dff1ce, 4495d2058); dropContainerStopSignals in pkg/api/pod/util.go v1.33.3/v1.34.1 (openshift/openshift-apiserver
/// cd1ea2cd7, 71b7016d0). No upstream validation_test.go of 1.33+ was available (the stored one, 000f26050b9b, predates
/// the field): the cases are written from the source.
/// </summary>
public class StopSignalValidationTests
{
    private const string LinuxSignals =
        "\"SIGABRT\", \"SIGALRM\", \"SIGBUS\", \"SIGCHLD\", \"SIGCLD\", \"SIGCONT\", \"SIGFPE\", \"SIGHUP\", \"SIGILL\", \"SIGINT\", \"SIGIO\", \"SIGIOT\", \"SIGKILL\", \"SIGPIPE\", \"SIGPOLL\", \"SIGPROF\", \"SIGPWR\", \"SIGQUIT\", "
        + "\"SIGRTMAX\", \"SIGRTMAX-1\", \"SIGRTMAX-10\", \"SIGRTMAX-11\", \"SIGRTMAX-12\", \"SIGRTMAX-13\", \"SIGRTMAX-14\", \"SIGRTMAX-2\", \"SIGRTMAX-3\", \"SIGRTMAX-4\", \"SIGRTMAX-5\", \"SIGRTMAX-6\", \"SIGRTMAX-7\", \"SIGRTMAX-8\", \"SIGRTMAX-9\", "
        + "\"SIGRTMIN\", \"SIGRTMIN+1\", \"SIGRTMIN+10\", \"SIGRTMIN+11\", \"SIGRTMIN+12\", \"SIGRTMIN+13\", \"SIGRTMIN+14\", \"SIGRTMIN+15\", \"SIGRTMIN+2\", \"SIGRTMIN+3\", \"SIGRTMIN+4\", \"SIGRTMIN+5\", \"SIGRTMIN+6\", \"SIGRTMIN+7\", \"SIGRTMIN+8\", \"SIGRTMIN+9\", "
        + "\"SIGSEGV\", \"SIGSTKFLT\", \"SIGSTOP\", \"SIGSYS\", \"SIGTERM\", \"SIGTRAP\", \"SIGTSTP\", \"SIGTTIN\", \"SIGTTOU\", \"SIGURG\", \"SIGUSR1\", \"SIGUSR2\", \"SIGVTALRM\", \"SIGWINCH\", \"SIGXCPU\", \"SIGXFSZ\"";

    private static Profile On(int minor) => new(new KubernetesVersion(1, minor), ValueMap.Of((FeatureGateNames.ContainerStopSignals, true)));

    private static Profile Off(int minor) => new(new KubernetesVersion(1, minor), ValueMap<bool>.Empty);

    private static string Pod(string signal, string? os, string container = "containers", string extraLifecycle = "") =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n" + (os is null ? "" : "  os:\n    name: " + os + "\n")
        + (container == "containers" ? "" : "  containers:\n  - name: main\n    image: i\n")
        + "  " + container + ":\n  - name: c\n    image: i\n    lifecycle:\n      stopSignal: " + signal + "\n" + extraLifecycle;

    private static string[] Run(string manifest, Profile profile)
    {
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        var result = PodValidator.Validate(PodDefaulter.Apply(Assert.Single(read.Pods).Pod, profile), profile);
        Assert.Empty(result.NotChecked);
        return result.Errors.Select(e => e.ToString()).ToArray();
    }

    [Theory]
    [InlineData(33)]
    [InlineData(34)]
    [InlineData(35)]
    [InlineData(37)]
    public void A_stop_signal_needs_the_pod_os(int minor)
    {
        Assert.Equal(
            ["spec.containers[0].lifecycle.stopSignal: Forbidden: may not be set for containers with empty `spec.os.name`"],
            Run(Pod("SIGTERM", os: null), On(minor)));
    }

    [Theory]
    [InlineData("SIGTERM")]
    [InlineData("SIGRTMIN+15")]
    [InlineData("SIGRTMAX-14")]
    [InlineData("SIGSTKFLT")]
    public void Linux_accepts_its_signals(string signal) => Assert.Empty(Run(Pod(signal, "linux"), On(33)));

    [Theory]
    [InlineData(33)]
    [InlineData(35)]
    public void Linux_lists_every_supported_signal_in_byte_order(int minor)
    {
        Assert.Equal(
            ["spec.containers[0].lifecycle.stopSignal: Unsupported value: \"SIGRTMIN+16\": supported values: " + LinuxSignals],
            Run(Pod("SIGRTMIN+16", "linux"), On(minor)));
        Assert.Equal(
            ["spec.containers[0].lifecycle.stopSignal: Unsupported value: \"sigterm\": supported values: " + LinuxSignals],
            Run(Pod("sigterm", "linux"), On(minor)));
    }

    [Fact]
    public void Windows_accepts_only_kill_and_term()
    {
        Assert.Empty(Run(Pod("SIGKILL", "windows"), On(34)));
        Assert.Empty(Run(Pod("SIGTERM", "windows"), On(34)));
        Assert.Equal(
            ["spec.containers[0].lifecycle.stopSignal: Unsupported value: \"SIGINT\": supported values: \"SIGKILL\", \"SIGTERM\""],
            Run(Pod("SIGINT", "windows"), On(34)));
    }

    [Fact]
    public void Another_os_name_gets_no_stop_signal_error()
    {
        string[] errors = Run(Pod("SIGBOGUS", "plan9"), On(34));
        Assert.NotEmpty(errors);
        Assert.DoesNotContain(errors, e => e.Contains("stopSignal", StringComparison.Ordinal));
    }

    [Fact]
    public void Restartable_init_containers_are_checked_and_regular_ones_refuse_the_lifecycle()
    {
        const string sidecar = "    restartPolicy: Always\n";
        var errors = Run(Pod("SIGINT", "windows", "initContainers").Replace("    lifecycle:", sidecar + "    lifecycle:", StringComparison.Ordinal), On(34));
        Assert.Equal(["spec.initContainers[0].lifecycle.stopSignal: Unsupported value: \"SIGINT\": supported values: \"SIGKILL\", \"SIGTERM\""], errors);

        errors = Run(Pod("SIGTERM", "linux", "initContainers"), On(34));
        Assert.StartsWith("spec.initContainers[0].lifecycle: Forbidden: ", Assert.Single(errors), StringComparison.Ordinal);
    }

    /// <summary>The whole create (PodCreate: PrepareForCreate's dropDisabledFields, ADM-094, then validation).</summary>
    private static PodCreateResult Create(string manifest, Profile profile)
    {
        var read = PodManifestReader.ReadText(manifest, "test", profile.Version);
        Assert.False(read.HasErrors, string.Join("; ", read.Errors));
        return PodCreate.Run(Assert.Single(read.Pods).Pod, profile);
    }

    [Fact]
    public void Without_the_gate_the_create_strategy_drops_the_signal_and_an_emptied_lifecycle()
    {
        // ContainerStopSignals is alpha (off) in 1.33–1.36: nothing to check, and explain shows the drop.
        var created = Create(Pod("SIGBOGUS", os: null), Off(33));
        Assert.True(created.Accepted, created.Rejection?.ToString());
        Assert.Contains(created.Steps.SelectMany(s => s.Changes), c => c.Rule == "ADM-094" && c.Field == "spec.containers[0].lifecycle.stopSignal");
        Assert.Null(created.Stored.Spec.Containers[0].Lifecycle);

        // A regular init container whose lifecycle held only the signal has no lifecycle left to forbid ...
        Assert.True(Create(Pod("SIGTERM", "linux", "initContainers"), Off(35)).Accepted);

        // ... but one that also has a preStop hook keeps it, and is refused; with the gate on the signal is checked too.
        const string preStop = "      preStop:\n        exec:\n          command: [\"true\"]\n";
        var refused = Create(Pod("SIGTERM", "linux", "initContainers", preStop), Off(35));
        Assert.StartsWith("spec.initContainers[0].lifecycle: Forbidden: ", Assert.Single(refused.Validation.Errors).ToString(), StringComparison.Ordinal);
        Assert.Equal(
            ["spec.containers[0].lifecycle.stopSignal: Forbidden: may not be set for containers with empty `spec.os.name`"],
            Create(Pod("SIGBOGUS", os: null), On(33)).Validation.Errors.Select(e => e.ToString()).ToArray());
    }
}
