using Gen = FsCheck.Fluent.Gen;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Tests.Running;

/// <summary>Cases grow over a run as FsCheck's do, every property of the default run sees the whole size range, and a replay draws the same case.</summary>
public sealed class CaseScheduleTests
{
    [Theory]
    [InlineData(0, 100, 1)]
    [InlineData(1, 100, 2)]
    [InlineData(50, 100, 51)]
    [InlineData(99, 100, 99)]
    [InlineData(0, 10, 1)]
    [InlineData(9, 10, 90)]
    [InlineData(999, 1000, 100)]
    [InlineData(0, 1, 1)]
    public void Sizes_grow_linearly_over_the_budget_as_FsChecks_do(int index, int count, int size) =>
        Assert.Equal(size, CaseSchedule.SizeAt(index, count));

    /// <summary>The generator reports the size it was drawn at; the runner must hand every case its scheduled size.</summary>
    private static ConformanceProperty SizeProbe(List<int> seen) => new()
    {
        Id = "P-SIZE-PROBE",
        Title = "probe",
        Covers = ValueList.Of("QTY-001"),
        Spec = "spec/quantity.md",
        Source = "",
        Needs = Capability.Quantity,
        Cases = _ => Gen.Sized(size => Gen.Constant((ConformanceCase)new QuantityCase(size.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        Shrink = _ => [],
        Compare = (c, _, _) =>
        {
            seen.Add(int.Parse(((QuantityCase)c).Input, System.Globalization.CultureInfo.InvariantCulture));
            return Verdict.Ok;
        },
    };

    public static TheoryData<string> Properties => [.. SuiteRun.Select(new RunOptions()).Select(p => p.Id)];

    /// <summary>Each property of a default run draws its cases at sizes spread over 1–100: from 1 to at least 90, never skipping a tenth of the range.</summary>
    [Theory]
    [MemberData(nameof(Properties))]
    public void The_default_run_draws_every_property_across_the_whole_size_range(string propertyId)
    {
        var options = new RunOptions();
        var property = Catalog.Find(propertyId)!;
        var seen = new List<int>();
        var probe = SizeProbe(seen);
        var result = new SuiteRunner(new ModelAdapter(), new ModelAdapter(), options.Profile).Run(probe, options.Seed, options.CountFor(property));
        Assert.Equal(Outcome.Passed, result.Outcome);
        Assert.Equal(options.CountFor(property), seen.Count);
        Assert.Equal(1, seen.Min());
        Assert.True(seen.Max() >= 90, $"largest size {seen.Max()}");
        Assert.Equal(seen.Order().ToList(), seen);
        for (int i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i] - seen[i - 1] <= 10, $"sizes jump from {seen[i - 1]} to {seen[i]}: a tenth of the range is skipped");
        }
    }

    /// <summary>Pods grow with the size in a default run: the first cases are single-container pods, the last ones reach the caps.</summary>
    [Fact]
    public void Pods_of_a_default_run_grow_from_one_container_to_the_cap()
    {
        var options = new RunOptions();
        var gen = Catalog.Find("P-QOS-CLASS")!.Cases(options.Profile);
        var pods = Enumerable.Range(0, options.Count).Select(i => ((PodCase)SuiteRunner.CaseAt(gen, options.Seed, i, options.Count)).Pod).ToList();
        Assert.All(pods.Take(10), p => Assert.Single(p.Spec.Containers));
        Assert.Equal(Generators.PodGen.MaxContainers, pods.Skip(80).Max(p => p.Spec.Containers.Count));
        Assert.True(pods.Skip(80).Max(p => p.Spec.InitContainers.Count) >= 3);
    }

    [Fact]
    public void A_case_is_drawn_from_seed_index_and_count_alone()
    {
        var gen = Catalog.Find("P-LIFE-PHASE")!.Cases(Profile.Default);
        var a = SuiteRunner.CaseAt(gen, 42, 37, 100);
        var b = SuiteRunner.CaseAt(gen, 42, 37, 100);
        Assert.Equal(a.ToString(), b.ToString());
        Assert.NotEqual(a.ToString(), SuiteRunner.CaseAt(gen, 43, 37, 100).ToString());
    }
}
