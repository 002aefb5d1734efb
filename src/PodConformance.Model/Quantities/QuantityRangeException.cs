namespace PodConformance.Model.Quantities;

/// <summary>
/// Thrown when exact arithmetic on quantities would need more digits than the model computes with
/// (sums of quantities hundreds of thousands of orders of magnitude apart). Such values come only from
/// extreme input, so callers report it as an input problem rather than a bug.
/// </summary>
public sealed class QuantityRangeException : OverflowException
{
    public QuantityRangeException()
    {
    }

    public QuantityRangeException(string message)
        : base(message)
    {
    }

    public QuantityRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
