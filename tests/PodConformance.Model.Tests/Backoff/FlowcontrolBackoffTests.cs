using PodConformance.Model.Backoff;

namespace PodConformance.Model.Tests.Backoff;

/// <summary>
/// Port of kubernetes/kubernetes staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go at commit
/// 04791b4906602ffda5ccf9bc4c84d3329f1d7080: TestSlowBackoff, TestBackoffReset, TestBackoffHighWaterMark,
/// TestBackoffGC, TestIsInBackOffSinceUpdate (default 2×max expiry, no jitter). The fake clock is a local variable.
/// </summary>
public sealed class FlowcontrolBackoffTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    [Fact]
    public void TestSlowBackoff()
    {
        const string id = "_idSlow";
        var now = T0;
        var b = new BackoffTracker(Step, 50 * Step);
        int[] cases = [0, 1, 2, 4, 8, 16, 32, 50, 50, 50];
        foreach (int c in cases)
        {
            now += Step;
            Assert.Equal(c * Step, b.Get(id));
            b.Next(id, now);
        }

        b.Next(id, now);
        b.Reset(id);
        Assert.Equal(TimeSpan.Zero, b.Get(id));
    }

    [Fact]
    public void TestBackoffReset()
    {
        const string id = "_idReset";
        var now = T0;
        var max = 5 * Step;
        var b = new BackoffTracker(Step, max);
        for (int i = 0; i <= 5; i++)
        {
            now += Step;
            b.Next(id, now);
        }

        Assert.True(b.IsInBackOffSince(id, now, now));
        var lastUpdate = now;
        now += (2 * max) + Step;
        Assert.False(b.IsInBackOffSince(id, lastUpdate, now));
    }

    [Fact]
    public void TestBackoffHighWaterMark()
    {
        const string id = "_idHiWaterMark";
        var now = T0;
        var max = 5 * Step;
        var b = new BackoffTracker(Step, max);
        for (int i = 0; i <= 5; i++)
        {
            now += Step;
            b.Next(id, now);
        }

        now += max + Step;
        b.Next(id, now);
        Assert.Equal(max, b.Get(id));
    }

    [Fact]
    public void TestBackoffGC()
    {
        const string id = "_idGC";
        var now = T0;
        var max = 5 * Step;
        var b = new BackoffTracker(Step, max);
        for (int i = 0; i <= 5; i++)
        {
            now += Step;
            b.Next(id, now);
        }

        now += max + Step;
        b.GC(now);
        Assert.True(b.Contains(id));
        now += max + Step;
        b.GC(now);
        Assert.False(b.Contains(id));
    }

    [Fact]
    public void TestIsInBackOffSinceUpdate()
    {
        const string id = "_idIsInBackOffSinceUpdate";
        var b = new BackoffTracker(Step, 10 * Step);
        (int Tick, bool InBackOff, int Value)[] cases =
        [
            (0, false, 0), (1, false, 1), (2, true, 2), (3, false, 2), (4, true, 4), (5, true, 4), (6, true, 4),
            (7, false, 4), (8, true, 8), (9, true, 8), (10, true, 8), (11, true, 8), (12, true, 8), (13, true, 8),
            (14, true, 8), (15, false, 8), (16, true, 10), (17, true, 10), (18, true, 10), (19, true, 10),
            (20, true, 10), (21, true, 10), (22, true, 10), (23, true, 10), (24, true, 10), (25, false, 10),
            (26, true, 10), (27, true, 10), (28, true, 10), (29, true, 10), (30, true, 10), (31, true, 10),
            (32, true, 10), (33, true, 10), (34, true, 10), (35, false, 10), (56, false, 0), (57, false, 1),
        ];
        foreach (var c in cases)
        {
            var now = T0 + (c.Tick * Step);
            Assert.True(c.InBackOff == b.IsInBackOffSinceUpdate(id, now), $"tick {c.Tick}");
            if (c.InBackOff)
            {
                Assert.Equal(c.Value * Step, b.Get(id));
            }
            else
            {
                b.Next(id, now);
            }
        }
    }
}
