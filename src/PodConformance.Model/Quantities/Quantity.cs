// PLACEHOLDER: replaced by the exact implementation on branch `quantity`. Never committed to main.
using System.Globalization;
namespace PodConformance.Model.Quantities;
public enum QuantityFormat { DecimalExponent, BinarySI, DecimalSI }
public enum QuantityError { None, FormatWrong, Suffix, Numeric }
[Flags] public enum QuantityDefects { None = 0 }
public sealed class QuantityFormatException(string message) : FormatException(message);
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private readonly decimal _v; private readonly string? _s;
    private Quantity(decimal v, QuantityFormat f, string? s) { _v = v; Format = f; _s = s; }
    public static Quantity Zero => default;
    public QuantityFormat Format { get; }
    public QuantityDefects Defects => QuantityDefects.None;
    public static bool TryParse(string? text, out Quantity quantity) => TryParse(text, out quantity, out _);
    public static bool TryParse(string? text, out Quantity quantity, out QuantityError error) => TryParse(text.AsSpan(), out quantity, out error);
    public static bool TryParse(ReadOnlySpan<char> text, out Quantity quantity, out QuantityError error)
    {
        quantity = default; error = QuantityError.FormatWrong;
        string t = text.ToString(); if (t.Length == 0) return false;
        (string suf, decimal mul, QuantityFormat f)[] sx = [("Ki", 1024m, QuantityFormat.BinarySI), ("Mi", 1048576m, QuantityFormat.BinarySI), ("Gi", 1073741824m, QuantityFormat.BinarySI), ("Ti", 1099511627776m, QuantityFormat.BinarySI), ("m", 0.001m, QuantityFormat.DecimalSI), ("k", 1000m, QuantityFormat.DecimalSI), ("M", 1e6m, QuantityFormat.DecimalSI), ("G", 1e9m, QuantityFormat.DecimalSI), ("T", 1e12m, QuantityFormat.DecimalSI), ("u", 0.000001m, QuantityFormat.DecimalSI), ("n", 0.000000001m, QuantityFormat.DecimalSI)];
        decimal m = 1; var fmt = QuantityFormat.DecimalSI; string num = t;
        foreach (var (s, mm, ff) in sx) if (t.EndsWith(s, StringComparison.Ordinal)) { m = mm; fmt = ff; num = t[..^s.Length]; break; }
        if (!decimal.TryParse(num, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return false;
        quantity = new Quantity(d * m, fmt, t); error = QuantityError.None; return true;
    }
    public static Quantity Parse(string text) => TryParse(text, out var q, out var e) ? q : throw new QuantityFormatException(ErrorText(e));
    public static string ErrorText(QuantityError error) => error.ToString();
    public static Quantity FromInt64(long value, QuantityFormat format) => new(value, format, null);
    public static Quantity FromMilli(long milli, QuantityFormat format) => new(milli / 1000m, format, null);
    public static Quantity FromScaled(long value, int scale, QuantityFormat format) => new(value * (decimal)Math.Pow(10, scale), format, null);
    public override string ToString() => _s ?? ToCanonicalString();
    public string ToCanonicalString() => _v.ToString(CultureInfo.InvariantCulture);
    public long Value() => (long)Math.Ceiling(_v);
    public long MilliValue() => (long)Math.Ceiling(_v * 1000);
    public long ScaledValue(int scale) => (long)Math.Ceiling(_v / (decimal)Math.Pow(10, scale));
    public bool AsInt64(out long value) { value = (long)_v; return true; }
    public int Sign => Math.Sign(_v);
    public bool IsZero => _v == 0;
    public int CompareTo(Quantity other) => _v.CompareTo(other._v);
    public bool Equals(Quantity other) => _v == other._v;
    public override bool Equals(object? obj) => obj is Quantity q && Equals(q);
    public override int GetHashCode() => _v.GetHashCode();
    public Quantity Add(Quantity other) => new(_v + other._v, IsZero ? other.Format : Format, null);
    public Quantity Sub(Quantity other) => new(_v - other._v, IsZero ? other.Format : Format, null);
    public Quantity RoundUp(int scale) => new(Math.Ceiling(_v / (decimal)Math.Pow(10, scale)) * (decimal)Math.Pow(10, scale), Format, null);
    public Quantity Negate() => new(-_v, Format, null);
    public static bool operator ==(Quantity a, Quantity b) => a.Equals(b);
    public static bool operator !=(Quantity a, Quantity b) => !a.Equals(b);
    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;
    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;
}
