using System.Diagnostics;
using PodConformance.Adapters.KubernetesClient;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.KubernetesClient.Tests;

public class ResourceQuantityAdapterTests
{
    private static ResourceQuantityAdapter Adapter => ReportFixture.Adapter;

    [Fact]
    public async Task Maps_100m()
    {
        var o = await Adapter.RunAsync(new QuantityCase("100m"), Profile.Default, CancellationToken.None);
        Assert.Null(o.Failure);
        var q = o.Quantity!;
        Assert.True(q.Ok);
        Assert.Equal("100m", q.String);
        Assert.Equal("100m", q.Canonical);
        Assert.Equal("DecimalSI", q.Format);
        Assert.Equal(0, q.Value); // ToInt64 truncates; Go's Value() is 1
        Assert.Equal(QuantityMembers.MilliValue, q.NotObserved); // the library has no MilliValue (PROTO-019), no sentinel
        Assert.Equal(0, q.MilliValue);
    }

    [Fact]
    public void Maps_1_5Gi_to_1536Mi()
    {
        var q = Adapter.Run("1.5Gi").Quantity!;
        Assert.Equal(("1536Mi", "1536Mi", "BinarySI", 1610612736L), (q.String, q.Canonical, q.Format, q.Value));
    }

    [Fact]
    public void Canonicalizes_plus_1k_where_go_echoes_it()
    {
        var q = Adapter.Run("+1k").Quantity!;
        Assert.Equal("1k", q.String);
        Assert.Equal("+1k", Suite.Adapters.ModelAdapter.ObserveQuantity("+1k").String);
    }

    [Fact]
    public void Exceptions_become_rejections_with_their_type()
    {
        var q = Adapter.Run("1KB").Quantity!;
        Assert.False(q.Ok);
        Assert.StartsWith("ArgumentException: ", q.Error, StringComparison.Ordinal);
        Assert.StartsWith("FormatException: ", Adapter.Run("1ee3").Quantity!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throwing_value_accessor_is_recorded_not_thrown()
    {
        var q = Adapter.Run("1000E").Quantity!;
        Assert.True(q.Ok);
        Assert.Equal(QuantityMembers.Value | QuantityMembers.MilliValue, q.NotObserved);
        Assert.Equal(0, q.Value);
        Assert.Equal("ToInt64: OverflowException", q.Error);
    }

    [Theory]
    [InlineData("-1e3")]
    [InlineData("-5e-3")]
    public void Negative_exponent_forms_hang_and_are_reported_within_the_timeout(string input)
    {
        var adapter = new ResourceQuantityAdapter();
        var clock = Stopwatch.StartNew();
        var o = adapter.Run(input);

        // At least the CPU budget (wall time cannot be less); at most the wall-clock backstop plus a margin that holds
        // on a machine with a load average of 25 (the bound is on hanging, not on speed).
        Assert.InRange(clock.ElapsedMilliseconds, 200, adapter.WallLimit.TotalMilliseconds + 30_000);
        Assert.Equal("hang: no answer within 250 ms", o.Failure);
        Assert.Null(o.Quantity);

        // Remembered: asking again returns the very same answer object, so no second timed call (and no second
        // spinning thread) was made; shown by identity, not by how fast a busy machine answers.
        Assert.Same(o, adapter.Run(input));
    }

    [Fact]
    public void Abandoned_threads_are_moved_to_the_idle_class()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // Linux scheduling classes only
        }

        _ = new ResourceQuantityAdapter().Run("-7e3");
        Assert.True(TimedCall.Abandoned > 0);

        // /proc/self/task/<tid>/stat field 41 is the policy (5 = SCHED_IDLE); field 19 is nice.
        bool demoted = false;
        foreach (string task in Directory.GetDirectories("/proc/self/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            if (!stat.Contains("(podconf timed c)", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            demoted |= fields[41 - 3] == "5" || fields[19 - 3] == "19";
        }

        Assert.True(demoted);
    }
}
