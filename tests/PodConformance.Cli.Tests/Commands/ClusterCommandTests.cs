using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary><c>podconf cluster cleanup</c> refuses before touching anything (no API server is needed for these).</summary>
public class ClusterCommandTests
{
    [Fact]
    public void Cleanup_refuses_without_prefix_or_confirmation_with_exit_2()
    {
        var r = CliRun.Run("cluster", "cleanup", "--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("refusing to run against a Kubernetes cluster without --namespace-prefix or --yes-i-know-this-is-a-cluster", r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void An_unreadable_kubeconfig_is_a_usage_error()
    {
        var r = CliRun.Run("cluster", "cleanup", "--namespace-prefix", "ci", "--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("cannot load the cluster configuration", r.Error, StringComparison.Ordinal);
        using var broken = CliRun.File("apiVersion: v1\nclusters: [\n");
        var yaml = CliRun.Run("cluster", "cleanup", "--namespace-prefix", "ci", "--kubeconfig", broken.Path);
        Assert.Equal(2, yaml.ExitCode);
        Assert.StartsWith("podconf: cannot load the cluster configuration: ", yaml.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Cluster_scoped_objects_under_a_system_prefix_are_refused_before_connecting()
    {
        var r = CliRun.Run("cluster", "cleanup", "--namespace-prefix", "system", "--cluster-scoped-objects", "--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--namespace-prefix \"system\" cannot name the objects of --cluster-scoped-objects: PriorityClass names starting with 'system-' are reserved for the system's classes", r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);

        // The flag itself parses: with an acceptable prefix the next problem is the kubeconfig.
        var ok = CliRun.Run("cluster", "cleanup", "--namespace-prefix", "ci", "--cluster-scoped-objects", "--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(2, ok.ExitCode);
        Assert.Contains("cannot load the cluster configuration", ok.Error, StringComparison.Ordinal);
    }

    /// <summary>The opt-in <c>--pod-security-privileged</c> (spec/adapter-cluster.md "Denials by the cluster's configuration") reaches the adapter's options, off unless given.</summary>
    [Fact]
    public void The_pod_security_flag_reaches_the_adapter_s_options_and_is_off_by_default()
    {
        var binding = new PodConformance.Cli.Commands.ClusterOptionsBinding();
        var command = new System.CommandLine.Command("run");
        binding.AddTo(command);
        Assert.True(binding.Read(command.Parse(["--namespace-prefix", "ci", "--pod-security-privileged"]), null).PodSecurityPrivileged);
        Assert.False(binding.Read(command.Parse(["--namespace-prefix", "ci"]), null).PodSecurityPrivileged);
    }
}
