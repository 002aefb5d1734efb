using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// <c>podconf evict</c> with the signals beyond memory (spec/scenario.md "Node scenarios", EVICT-017/018): node and
/// image filesystems in bytes and inodes, the process limit, per-container disk use, volumes and process counts.
/// </summary>
public class EvictSignalsCommandTests
{
    private const string Disk = """
        apiVersion: podconf/v1
        kind: NodeScenario
        node: {name: node-1, capacity: {memory: 8Gi}}
        nodefs: {capacity: 10Gi, inodes: 1000000, systemUsed: 8Gi, systemInodesUsed: 900000}
        usage:
          web:
          - {at: 0s, disk: {app: {rootfs: 100Mi, logs: 10Mi}}}
          - {at: 30s, disk: {app: {rootfs: 700Mi, logs: 100Mi, rootfsInodes: 60000}}, volumes: {cache: {used: 200Mi, inodes: 1000}}}
          batch:
          - {at: 0s, disk: {main: {rootfs: 50Mi, logs: 50Mi}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          containers:
          - name: app
            image: x
            resources: {requests: {ephemeral-storage: 500Mi}}
          volumes:
          - name: cache
            emptyDir: {}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: batch}
        spec:
          priority: -5
          containers: [{name: main, image: x}]
        """;

    private const string Pid = """
        apiVersion: podconf/v1
        kind: NodeScenario
        node: {name: node-1, capacity: {memory: 8Gi}}
        pids: {max: 1000, systemProcesses: 200}
        evictionHard: {pid.available: "10%", memory.available: 100Mi}
        usage:
          forker:
          - {at: 0s, processes: 10}
          - {at: 20s, processes: 750}
          quiet:
          - {at: 0s, processes: 5}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: forker}
        spec:
          priority: 100
          containers: [{name: main, image: x}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: quiet}
        spec:
          containers: [{name: main, image: x}]
        """;

    private const string ImageFs = """
        apiVersion: podconf/v1
        kind: NodeScenario
        node: {name: node-1, capacity: {memory: 8Gi}}
        diskLayout: dedicatedImageFs
        nodefs: {capacity: 20Gi}
        imagefs: {capacity: 10Gi, systemUsed: 8Gi}
        evictionHard: {imagefs.available: 1Gi, nodefs.available: 1Gi}
        usage:
          a:
          - {at: 0s, disk: {main: {rootfs: 900Mi, logs: 5Gi}}}
          b:
          - {at: 0s, disk: {main: {rootfs: 300Mi, logs: 9Gi}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: a}
        spec:
          containers: [{name: main, image: x}]
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: b}
        spec:
          containers: [{name: main, image: x}]
        """;

    [Fact]
    public void Disk_pressure_on_one_filesystem_reclaims_ephemeral_storage_with_the_kubelet_defaults()
    {
        var r = CliRun.WithStdin(Disk, "evict", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Error);
        Assert.StartsWith("Node node-1: memory capacity 8Gi, allocatable 8Gi; singleFs nodefs 10Gi (1000000 inodes); hard thresholds ", r.Out, StringComparison.Ordinal);

        // The default thresholds as the kubelet's flag writes them, not float32's 15.000001%.
        Assert.Contains("imagefs.available<15%", r.Out, StringComparison.Ordinal);
        Assert.Contains("nodefs.inodesFree<5%", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("00001%", r.Out.Split('\n')[0], StringComparison.Ordinal);

        // One filesystem: imagefs is the node filesystem, so imagefs.available<15% fires before nodefs.available<10%.
        Assert.Contains("Cycle 30s: imagefs.available available 948Mi < threshold 1610612800; imagefs.inodesFree available 39k < threshold 50000; "
            + "nodefs.available available 948Mi < threshold 1073741840; nodefs.inodesFree available 39k < threshold 50000 → reclaim ephemeral-storage\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("  1. batch at 30s: exceeds its request (100Mi used, 0 requested), priority -5, usage − request 100Mi\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("message: The node was low on resource: ephemeral-storage. Threshold quantity: 1610612800, available: 948Mi. "
            + "Container main was using 100Mi, request is 0, has larger consumption of ephemeral-storage. \n", r.Out, StringComparison.Ordinal);

        // web's rootfs + logs (800Mi) is what the message blames; its volume counts in the ranking (1000Mi) but not there.
        Assert.Contains("  2. web at 40s: exceeds its request (1000Mi used, 500Mi requested)", r.Out, StringComparison.Ordinal);
        Assert.Contains("Container app was using 800Mi, request is 500Mi, has larger consumption of ephemeral-storage.", r.Out, StringComparison.Ordinal);
        Assert.Contains("  30s     node/node-1   Normal    NodeHasDiskPressure     Node node-1 status is now: NodeHasDiskPressure\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("  5m40s   node/node-1   Normal    NodeHasNoDiskPressure   Node node-1 status is now: NodeHasNoDiskPressure\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("Attempting to reclaim ephemeral-storage", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Pid_pressure_ranks_by_priority_then_processes_and_raises_PIDPressure()
    {
        var r = CliRun.WithStdin(Pid, "evict", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("; pid max 1000; hard thresholds ", r.Out, StringComparison.Ordinal);
        Assert.Contains("Cycle 20s: pid.available available 45 < threshold 100 → reclaim pids\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("  1. quiet at 20s: 5 processes, priority 0\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("     before forker by priority: its priority 0 is lower than 100\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("message: The node was low on resource: pids. Threshold quantity: 100, available: 45. \n", r.Out, StringComparison.Ordinal);
        Assert.Contains("NodeHasInsufficientPID", r.Out, StringComparison.Ordinal);
        Assert.Contains("  5m30s   node/node-1   Normal    NodeHasSufficientPID     Node node-1 status is now: NodeHasSufficientPID\n", r.Out, StringComparison.Ordinal);

        using var doc = System.Text.Json.JsonDocument.Parse(CliRun.WithStdin(Pid, "evict", "-f", "-", "-o", "json").Out);
        Assert.Equal(["quiet", "forker"], doc.RootElement.GetProperty("order").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("pids", doc.RootElement.GetProperty("cycles")[0].GetProperty("reclaim").GetString());
        Assert.Equal("5", doc.RootElement.GetProperty("cycles")[0].GetProperty("ranking")[0].GetProperty("usage").GetString());
    }

    [Fact]
    public void A_dedicated_imagefs_ranks_imagefs_pressure_by_writable_layers_only()
    {
        // b writes 9Gi of logs, but logs live on nodefs: imagefs pressure ranks by rootfs, where a uses more.
        var r = CliRun.WithStdin(ImageFs, "evict", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("dedicatedImageFs nodefs 20Gi, imagefs 10Gi;", r.Out, StringComparison.Ordinal);
        Assert.Contains("Cycle 0s: imagefs.available available 848Mi < threshold 1Gi → reclaim ephemeral-storage\n", r.Out, StringComparison.Ordinal);
        Assert.Contains("     before b by usage-request: usage − request 900Mi is larger than 300Mi\n", r.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("usage:\n  web:\n  - {at: 0s, disk: {app: {rootfs: 1Mi}}}", "usage.web[0]: disk or volume use needs the node filesystem (nodefs) to be measured against")]
    [InlineData("usage:\n  web:\n  - {at: 0s, processes: 3}", "usage.web[0].processes: process counts need the node's process limit (pids)")]
    [InlineData("nodefs: {capacity: 1Gi}\ndiskLayout: twoDisks", "diskLayout: Unsupported value: \"twoDisks\": supported values: \"singleFs\", \"dedicatedImageFs\", \"splitImageFs\"")]
    [InlineData("nodefs: {capacity: 1Gi}\nimagefs: {capacity: 1Gi}", "imagefs: Forbidden: a separate imagefs needs diskLayout dedicatedImageFs or splitImageFs")]
    [InlineData("nodefs: {capacity: 1Gi}\ndiskLayout: dedicatedImageFs", "imagefs: Required value: diskLayout dedicatedImageFs needs imagefs")]
    [InlineData("imagefs: {capacity: 1Gi}", "nodefs: Required value: imagefs needs the node filesystem (nodefs)")]
    [InlineData("nodefs: {inodes: 10}", "nodefs.capacity: Required value: a positive size")]
    [InlineData("pids: {systemProcesses: 10}", "pids.max: Required value: a positive process limit")]
    [InlineData("pids: {max: -3}", "pids.max: must be a non-negative whole number")]
    [InlineData("nodefs: {capacity: 1Gi}\nusage:\n  web:\n  - {at: 0s, disk: {side: {rootfs: 1Mi}}}", "usage.web[0].disk.side: pod \"web\" has no container \"side\"")]
    [InlineData("nodefs: {capacity: 1Gi}\nusage:\n  web:\n  - {at: 0s, volumes: {data: {used: 1Mi}}}", "usage.web[0].volumes.data: pod \"web\" has no volume \"data\"")]
    [InlineData("nodefs: {capacity: 1Gi}\nusage:\n  web:\n  - {at: 0s, disk: {app: {rootfs: 1Mi, cache: 2Mi}}}", "unknown field \"usage.web[0].disk.app.cache\"")]
    public void Bad_disk_and_pid_input_is_a_usage_error_with_the_field(string fragment, string message)
    {
        string text = "apiVersion: podconf/v1\nkind: NodeScenario\nnode: {name: n, capacity: {memory: 1Gi}}\n" + fragment
            + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: app, image: x}]\n";
        var r = CliRun.WithStdin(text, "evict", "-f", "-");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }
}
