using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Limits;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Limits;

/// <summary>The tutorial's "What Happens When Limits Are Exceeded" boxes, as the kernel enforces them.</summary>
public sealed class ResourceLimitsTests
{
    private static Container App(string? cpuLimit, string? memLimit)
    {
        var limits = new List<(string, Quantity)>();
        if (cpuLimit is not null)
        {
            limits.Add(("cpu", Quantity.Parse(cpuLimit)));
        }

        if (memLimit is not null)
        {
            limits.Add(("memory", Quantity.Parse(memLimit)));
        }

        return new Container { Name = "app", Resources = new ResourceRequirements { Limits = ValueMap.Of(limits.ToArray()) } };
    }

    [Fact]
    public void Memory_over_limit_is_OOMKilled_with_137()
    {
        var o = ResourceLimits.Evaluate(App("500m", "512Mi"), Quantity.Parse("600Mi"), null);
        Assert.True(o.Killed);
        Assert.Equal("OOMKilled", o.Terminated!.Reason);
        Assert.Equal(137, o.Terminated.ExitCode);
        Assert.Equal(ValueList.Of(LimitRules.MemoryOverLimit), o.Rules);
    }

    [Theory]
    [InlineData("512Mi", false)]
    [InlineData("536870912", false)]
    [InlineData("536870913", true)]
    public void Memory_at_the_limit_is_not_killed(string usage, bool killed) =>
        Assert.Equal(killed, ResourceLimits.Evaluate(App(null, "512Mi"), Quantity.Parse(usage), null).Killed);

    [Fact]
    public void Cpu_over_limit_is_throttled_never_killed()
    {
        var o = ResourceLimits.Evaluate(App("500m", "512Mi"), Quantity.Parse("100Mi"), Quantity.Parse("800m"));
        Assert.False(o.Killed);
        Assert.True(o.CpuThrottled);
        Assert.Equal(Quantity.Parse("500m"), o.EffectiveCpu);
    }

    [Fact]
    public void No_memory_limit_no_container_oom()
    {
        var o = ResourceLimits.Evaluate(App(null, null), Quantity.Parse("64Gi"), Quantity.Parse("64"));
        Assert.False(o.Killed);
        Assert.False(o.CpuThrottled);
        Assert.Equal(ValueList.Of(LimitRules.NoMemoryLimit), o.Rules);
    }

    [Fact]
    public void Killed_containers_in_spec_order()
    {
        var spec = new PodSpec
        {
            InitContainers = ValueList.Of(App(null, "10Mi") with { Name = "init" }),
            Containers = ValueList.Of(App(null, "10Mi") with { Name = "a" }, App(null, "1Gi") with { Name = "b" }),
        };
        var usage = ValueMap.Of(("a", Quantity.Parse("11Mi")), ("b", Quantity.Parse("11Mi")), ("init", Quantity.Parse("20Mi")));
        Assert.Equal(ValueList.Of("init", "a"), ResourceLimits.OomKilledContainers(spec, usage));
    }
}
