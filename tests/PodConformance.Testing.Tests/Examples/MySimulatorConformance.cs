using PodConformance.Suite.Adapters;
using PodConformance.Testing;

public sealed class MySimulatorConformance : PodConformanceSpecificationTests
{
    protected override IConformanceAdapter CreateAdapter() => new ModelAdapter(); // your adapter here
    protected override int Count => 50;
}
