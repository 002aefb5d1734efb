using PodConformance.Suite.Adapters;
using Xunit.Abstractions;

namespace PodConformance.Testing.Tests;

/// <summary>The sample consumer: the model against itself. Every rule passes, except the pending ones, which skip.</summary>
public sealed class ModelConformance(ITestOutputHelper output) : PodConformanceSpecificationTests(output)
{
    protected override IConformanceAdapter CreateAdapter() => new ModelAdapter();
}
