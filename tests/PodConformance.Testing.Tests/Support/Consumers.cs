using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;

namespace PodConformance.Testing.Tests.Support;

/// <summary>
/// Derived suites whose rule methods the tests call directly, not through xUnit. Internal, so xUnit does not
/// discover them as test classes of their own.
/// </summary>
internal sealed class DirectSuite(Func<IConformanceAdapter> create, Expectations? expectations = null, int count = RunOptions.DefaultCount) : PodConformanceSpecificationTests
{
    public int Created { get; private set; }

    protected override IConformanceAdapter CreateAdapter()
    {
        Created++;
        return create();
    }

    protected override Expectations Expectations => expectations ?? Expectations.None;

    protected override int Count => count;
}

/// <summary>An implementer's override of one rule's test, to check the override stays a discovered test.</summary>
internal sealed class OverridingSuite : PodConformanceSpecificationTests
{
    protected override IConformanceAdapter CreateAdapter() => new ModelAdapter();

    public override void P_QTY_PARSE() => base.P_QTY_PARSE();
}
