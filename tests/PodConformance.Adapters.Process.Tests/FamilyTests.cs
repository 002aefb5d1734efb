using PodConformance.Adapters.Process.Tests.Support;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Nothing an adapter started survives it (PROTO-040): not its children when it crashes (they are re-parented and out
/// of reach of a walk down the process tree), not a daemon that double-forked, not one that started a session of its own.
/// </summary>
public sealed class FamilyTests : IDisposable
{
    private static readonly ProcessAdapterOptions Options = new() { HandshakeTimeout = TimeSpan.FromMinutes(2), CaseTimeout = TimeSpan.FromMinutes(2), ExitGrace = TimeSpan.FromSeconds(1) };

    /// <summary>
    /// Before its hello: eight children, a double-forked daemon (its parent subshell exits at once), and a daemon in a
    /// session of its own (setsid). Then answers quantity cases with an echo, or ($2 = crash) exits 3 on the first one.
    /// </summary>
    private const string Spawner = """
        i=0
        while [ $i -lt 8 ]; do sleep 600 & echo $! >> "$1"; i=$((i+1)); done
        ( sleep 600 & echo $! >> "$1" ) &
        wait $!
        setsid sleep 600 &
        echo $! >> "$1"
        read hello
        echo '{"type":"hello","protocol":"podconf.adapter/v1","name":"spawner","version":"0","capabilities":["quantity"],"kubernetesVersions":["1.37"]}'
        while read line; do
          case "$line" in *'"type":"bye"'*) exit 0 ;; esac
          [ "$2" = crash ] && { echo "crashing, children left behind" >&2; exit 3; }
          id=$(printf '%s\n' "$line" | sed -n 's/^{"type":"run","id":\([0-9]*\),.*/\1/p')
          echo '{"type":"observation","id":'"$id"',"observation":{"quantity":{"ok":true,"string":"1","canonical":"1","format":"DecimalSI","milliValue":1000,"value":1,"error":""}}}'
        done
        """;

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ProcessAdapter Adapter(string mode) => new([Tools.Sh!, _dir.Write("spawner.sh", Spawner), _dir.PathOf("children.pid"), mode], Options);

    private List<int> Children() =>
        [.. File.ReadAllLines(_dir.PathOf("children.pid")).Where(l => l.Length > 0).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture))];

    private static void AssertAllGone(IEnumerable<int> pids)
    {
        var alive = pids.Where(ProcessFamily.IsRunning).ToList();
        Assert.True(alive.Count == 0, "still running: " + string.Join(", ", alive));
    }

    [ShellFact]
    public async Task A_crashed_adapters_children_and_daemons_are_killed_with_it()
    {
        await using var adapter = Adapter("crash");
        var o = await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None);

        Assert.Contains("got no answer: the adapter exited with code 3; it is restarted for the next case; stderr (last 1 lines): \"crashing, children left behind\"", o.Failure, StringComparison.Ordinal);
        var children = Children();
        Assert.Equal(10, children.Count);
        AssertAllGone(children.Append(adapter.StartedProcessIds[0]));
    }

    [ShellFact]
    public async Task A_cleanly_exiting_adapter_leaves_no_daemon_behind()
    {
        var adapter = Adapter("answer");
        await using (adapter)
        {
            Assert.Null((await adapter.RunAsync(new QuantityCase("1"), Profile.Default, CancellationToken.None)).Failure);
            Assert.All(Children(), pid => Assert.True(ProcessFamily.IsRunning(pid), "child " + pid + " should run while the adapter does"));
        }

        var children = Children();
        Assert.Equal(10, children.Count);
        AssertAllGone(children.Append(adapter.StartedProcessIds[0]));
    }

    [ShellFact]
    public async Task The_adapter_runs_in_a_session_of_its_own_with_its_family_mark()
    {
        await using var adapter = Adapter("answer");
        await adapter.StartAsync(CancellationToken.None);
        int pid = adapter.ProcessId!.Value;

        string stat = File.ReadAllText("/proc/" + pid + "/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal((pid.ToString(System.Globalization.CultureInfo.InvariantCulture), pid.ToString(System.Globalization.CultureInfo.InvariantCulture)), (fields[2], fields[3])); // pgrp, session
        Assert.Contains(ProcessFamily.Variable + "=", File.ReadAllText("/proc/" + pid + "/environ"), StringComparison.Ordinal);
    }
}
