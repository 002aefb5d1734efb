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
        using var adapter = new ResourceQuantityAdapter();
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
    public void A_hang_kills_its_worker_and_the_next_call_starts_a_new_one()
    {
        using var adapter = new ResourceQuantityAdapter();
        int first = Assert.NotNull(adapter.WorkerPid);
        Assert.Equal(1, adapter.WorkersStarted);

        Assert.Equal("hang: no answer within 250 ms", adapter.Run("-7e3").Failure);

        // The spinning call went with its process: nothing keeps running (or allocating) after the verdict.
        Assert.Null(adapter.WorkerPid);
        Assert.False(IsRunning(first));
        Assert.Equal("1k", adapter.Run("1000").Quantity!.String);
        Assert.Equal(2, adapter.WorkersStarted);
        Assert.NotEqual(first, adapter.WorkerPid);
    }

    [Fact]
    public void Disposing_the_adapter_stops_its_worker()
    {
        var adapter = new ResourceQuantityAdapter();
        int pid = Assert.NotNull(adapter.WorkerPid);
        Assert.True(IsRunning(pid));
        adapter.Dispose();
        Assert.False(IsRunning(pid));
    }

    [Fact]
    public void Inputs_reach_the_library_unchanged_whatever_their_characters()
    {
        // A lone surrogate, line breaks, a tab, a backslash and non-ASCII digits: through UTF-8 and lines, any of these
        // would have asked the library about another text. In-process, the same call answers the same.
        foreach (string input in (string[])["1\ud800", "1\n2", "1\r", "\t1", "1\\k", "\u0661", "1\u00a0Ki", "\ud800"])
        {
            var expected = ResourceQuantityAdapter.Map(Worker.LibraryAnswer.Of(input));
            Assert.Equal(expected, Adapter.Run(input).Quantity);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
