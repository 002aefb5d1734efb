namespace PodConformance.Model.Quantities;

/// <summary>One-line, user-facing descriptions of <see cref="QuantityDefects"/>, for warnings.</summary>
public static class QuantityDefectInfo
{
    public static IReadOnlyList<string> Describe(QuantityDefects defects)
    {
        if (defects == QuantityDefects.None)
        {
            return [];
        }

        var lines = new List<string>(2);
        if ((defects & QuantityDefects.SuffixDropped) != 0)
        {
            lines.Add("Kubernetes 1.28-1.37 print this value without its suffix, so the printed string means a much smaller number (kubernetes/kubernetes#141249)");
        }

        if ((defects & QuantityDefects.NegativeRoundingByRepresentation) != 0)
        {
            lines.Add("negative value held as an arbitrary-precision decimal: Value()/MilliValue() truncate toward zero and add one instead of rounding away from zero (spec QTY-031)");
        }

        if ((defects & QuantityDefects.ExponentTruncated) != 0)
        {
            lines.Add("the exponent does not fit a 32-bit integer and wraps, as in Kubernetes (spec QTY-006)");
        }

        if ((defects & QuantityDefects.BinarySICapped) != 0)
        {
            lines.Add("binary-suffixed value above 2^63-1 silently capped to 9223372036854775807 (spec QTY-010)");
        }

        if ((defects & QuantityDefects.AsInt64Refused) != 0)
        {
            lines.Add("integral value that fits int64 but is held as a decimal: AsInt64 reports false (kubernetes/kubernetes#135487)");
        }

        if ((defects & QuantityDefects.NegativeFastPathWraps) != 0)
        {
            lines.Add("negative value beyond int64 once scaled: Kubernetes' Value()/MilliValue() divide its low 64 bits and return a meaningless number (spec QTY-038)");
        }

        if ((defects & QuantityDefects.UpstreamIntractable) != 0)
        {
            lines.Add("Kubernetes' own parser does not finish on this input in practice; the answer shown is the exact value it would compute (spec QTY-050)");
        }

        return lines;
    }
}
