using PodConformance.Suite.Adapters;
using PodConformance.Suite.Running;
using PodConformance.Testing.Tests.Support;
using Xunit.Abstractions;

namespace PodConformance.Testing.Tests;

/// <summary>
/// The sample consumer with a broken adapter: its known failures are declared by signature (property, facet, kind),
/// so they pass; the lifecycle rules it cannot observe show as skipped with the reason.
/// </summary>
public sealed class DeclaredDeviationConformance(ITestOutputHelper output) : PodConformanceSpecificationTests(output)
{
    internal static Expectations Known { get; } = new("lower-case-suffixes",
    [
        new Expectation("P-QTY-PRINT", "string", "differs", "binary suffixes printed in lower case", ""),
        new Expectation("P-QTY-PRINT", "canonical", "differs", "binary suffixes printed in lower case", ""),
        new Expectation("P-QTY-ROUNDTRIP", "*", "differs", "binary suffixes printed in lower case", ""),
    ]);

    protected override IConformanceAdapter CreateAdapter() => new LowerCaseSuffixAdapter();

    protected override Expectations Expectations => Known;
}
