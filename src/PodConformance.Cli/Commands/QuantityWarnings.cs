using PodConformance.Model.Quantities;

namespace PodConformance.Cli.Commands;

internal static class QuantityWarnings
{
    public static IReadOnlyList<string> For(Quantity q) => QuantityDefectInfo.Describe(q.Defects);
}
