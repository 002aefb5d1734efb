using PodConformance.Model.Quantities;

namespace PodConformance.Model.Eviction;

/// <summary>
/// evictionapi.ThresholdValue: a literal quantity, or a fraction of capacity kept as Go's float32 (so that
/// <c>10.5%</c> compares and multiplies exactly as in the kubelet).
/// </summary>
public readonly record struct ThresholdValue(Quantity? Quantity, float Percentage)
{
    public static ThresholdValue Of(Quantity quantity) => new(quantity, 0);

    public static ThresholdValue OfPercentage(float fraction) => new(null, fraction);

    /// <summary>GetThresholdQuantity: the literal, or int64(float64(capacity) × float64(fraction)) as BinarySI.</summary>
    public Quantity Resolve(Quantity capacity)
    {
        if (Quantity is { } q)
        {
            return q;
        }

        double product = (double)capacity.Value() * (double)Percentage;
        return Quantities.Quantity.FromInt64((long)product, QuantityFormat.BinarySI);
    }

    /// <summary>compareThresholdValue: quantities by value, percentages by float32 equality.</summary>
    public bool SameAs(ThresholdValue other)
    {
        if (Quantity is { } a)
        {
            return other.Quantity is { } b && a.CompareTo(b) == 0;
        }

        return other.Quantity is null && Percentage == other.Percentage;
    }

    /// <summary>
    /// The literal, or the percentage as the flag would be written: the shortest decimal that
    /// <see cref="ThresholdParser.TryParsePercentage"/> (ParsePercentage: float32 of the number, divided by 100 in float32)
    /// reads back to the same fraction, so <c>15%</c> prints as <c>15%</c>, not float32's <c>15.000001%</c> (EVICT-010).
    /// </summary>
    public override string ToString() => Quantity is { } q ? q.ToString() : PercentText(Percentage) + "%";

    private static string PercentText(float fraction)
    {
        double percent = (double)fraction * 100;
        for (int digits = 0; digits <= 9; digits++)
        {
            string text = Math.Round(percent, digits, MidpointRounding.ToEven).ToString(digits == 0 ? "0" : "0." + new string('#', digits), System.Globalization.CultureInfo.InvariantCulture);
            if (ThresholdParser.TryParsePercentage(text, out float back, out _) && back == fraction)
            {
                return text;
            }
        }

        return (fraction * 100).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>evictionapi.Threshold: signal, value, grace period (zero = hard) and optional minimum reclaim.</summary>
public sealed record Threshold(string Signal, ThresholdValue Value, TimeSpan GracePeriod = default, ThresholdValue? MinReclaim = null)
{
    /// <summary>The only operator Kubernetes has (OpForSignal maps every signal to it).</summary>
    public string Operator => "LessThan";

    /// <summary>isHardEvictionThreshold: no grace period.</summary>
    public bool IsHard => GracePeriod == TimeSpan.Zero;

    public override string ToString() => Signal + "<" + Value + (IsHard ? "" : " (soft, " + GracePeriod.ToString("c", System.Globalization.CultureInfo.InvariantCulture) + ")");
}

/// <summary>What the kubelet observed for one signal (signalObservation): available and capacity.</summary>
public readonly record struct SignalObservation(Quantity Available, Quantity Capacity)
{
    public static SignalObservation Bytes(long availableBytes, long capacityBytes) =>
        new(Quantity.FromInt64(availableBytes, QuantityFormat.BinarySI), Quantity.FromInt64(capacityBytes, QuantityFormat.BinarySI));

    /// <summary>Counts (inodes, pids) print in DecimalSI.</summary>
    public static SignalObservation Count(long available, long capacity) =>
        new(Quantity.FromInt64(available, QuantityFormat.DecimalSI), Quantity.FromInt64(capacity, QuantityFormat.DecimalSI));
}
