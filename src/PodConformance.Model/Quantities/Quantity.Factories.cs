namespace PodConformance.Model.Quantities;

/// <summary>Constructors of quantity.go: values built in code carry no cached text.</summary>
public readonly partial struct Quantity
{
    /// <summary><c>resource.NewQuantity(value, format)</c>.</summary>
    public static Quantity FromInt64(long value, QuantityFormat format) => new(value, 0, format);

    /// <summary><c>resource.NewMilliQuantity(milli, format)</c>: milli × 10^-3.</summary>
    public static Quantity FromMilli(long milli, QuantityFormat format) => new(milli, -3, format);

    /// <summary>value × 10^scale; like <c>NewScaledQuantity</c>, which always uses DecimalSI, but with a chosen format.</summary>
    public static Quantity FromScaled(long value, int scale, QuantityFormat format) => new(value, scale, format);
}
