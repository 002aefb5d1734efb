namespace PodConformance.Model.Quantities;

/// <summary>
/// The fields of Go's <c>resource.Quantity</c> struct as this value holds them, for the one place that prints them:
/// apimachinery's <c>field.Error</c> up to 1.33 prints a <c>Quantity</c> bad value with <c>%#v</c>, its internal fields
/// included (VAL-031, <see cref="Validation.GoValueText.Quantity"/>).
/// </summary>
/// <remarks>
/// The struct is <c>{i int64Amount{value int64; scale Scale}; d infDecAmount{*inf.Dec}; s string; Format}</c> at every
/// release 1.28–1.37 (apimachinery quantity.go and amount.go, v0.28.0 … v0.36.0, local mirror). The int64 form has
/// <c>d.Dec == nil</c>; the decimal form leaves <c>i</c> at its zero value, since ParseQuantity's slow path and
/// RoundUp on a decimal only ever set <c>d</c>, and clears <c>s</c>.
/// </remarks>
public readonly partial struct Quantity
{
    /// <summary><c>d.Dec != nil</c>: the value is held as Go's inf.Dec.</summary>
    internal bool GoHasDec => IsDecimal;

    /// <summary><c>i.value</c>: the int64 form's coefficient, 0 on the decimal form.</summary>
    internal long GoInt64Value => IsDecimal ? 0 : _value;

    /// <summary><c>i.scale</c>: the int64 form's power of ten, 0 on the decimal form.</summary>
    internal int GoInt64Scale => IsDecimal ? 0 : _scale;

    /// <summary><c>s</c>: the cached text (QTY-020), "" when none.</summary>
    internal string GoCachedText => _text ?? "";
}
