using PodConformance.Model.Quantities;

namespace PodConformance.Cli.Commands;

/// <summary>
/// The defects worth a warning in <c>podconf quantity</c>: those that change a column it prints.
/// <see cref="QuantityDefects.AsInt64Refused"/> changes none (the verb never calls AsInt64), and would
/// otherwise flag every ordinary fractional binary value such as <c>1.5Gi</c>.
/// </summary>
internal static class QuantityWarnings
{
    private const QuantityDefects Shown = ~QuantityDefects.AsInt64Refused;

    public static IReadOnlyList<string> For(Quantity q) => QuantityDefectInfo.Describe(q.Defects & Shown);
}
