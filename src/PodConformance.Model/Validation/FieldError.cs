using System.Globalization;
using System.Text;

namespace PodConformance.Model.Validation;

/// <summary>
/// A bad value that apimachinery would render through <c>json.Marshal</c> (lists, structs): the JSON text
/// is printed as is, unquoted.
/// </summary>
public sealed record RawJsonValue(string Json)
{
    public override string ToString() => Json;
}

/// <summary>
/// One field-level validation error; <see cref="ToString"/> reproduces apimachinery's
/// <c>field.Error.Error()</c> to the character, because goldens and adapters compare the text.
/// </summary>
/// <param name="Type">The error type.</param>
/// <param name="Field">The printed field path.</param>
/// <param name="BadValue">
/// A <see cref="string"/> (printed Go-quoted), an <see cref="int"/>/<see cref="long"/>/<see cref="bool"/>
/// (printed bare), a <see cref="RawJsonValue"/>, or null when the type does not print a value.
/// </param>
/// <param name="Detail">Appended after <c>": "</c> when non-empty.</param>
public sealed record FieldError(FieldErrorType Type, string Field, object? BadValue, string Detail)
{
    /// <summary>
    /// The spec/validation.md rule ID (<see cref="ValidationRules"/>) whose check produced this error; empty for
    /// errors built outside <see cref="PodValidator"/>. Part of equality, never part of <see cref="ToString"/>.
    /// </summary>
    public string Rule { get; init; } = "";

    public static FieldError Required(FieldPath path, string detail = "") => new(FieldErrorType.Required, path.ToString(), "", detail);

    public static FieldError Forbidden(FieldPath path, string detail) => new(FieldErrorType.Forbidden, path.ToString(), "", detail);

    public static FieldError Invalid(FieldPath path, object? value, string detail) => new(FieldErrorType.Invalid, path.ToString(), value, detail);

    public static FieldError Duplicate(FieldPath path, object? value) => new(FieldErrorType.Duplicate, path.ToString(), value, "");

    public static FieldError NotFound(FieldPath path, object? value) => new(FieldErrorType.NotFound, path.ToString(), value, "");

    /// <summary><c>field.NotSupported</c>: the detail lists the supported values, each Go-quoted, in the given order.</summary>
    public static FieldError NotSupported(FieldPath path, object? value, params string[] supported)
    {
        string detail = "";
        if (supported.Length > 0)
        {
            var sb = new StringBuilder("supported values: ");
            for (int i = 0; i < supported.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                GoQuote.Append(sb, supported[i]);
            }

            detail = sb.ToString();
        }

        return new(FieldErrorType.NotSupported, path.ToString(), value, detail);
    }

    /// <summary><c>field.TooLong</c>: never prints the value.</summary>
    public static FieldError TooLong(FieldPath path, int maxLength)
    {
        string detail = maxLength >= 0
            ? "may not be more than " + maxLength.ToString(CultureInfo.InvariantCulture) + (maxLength == 1 ? " byte" : " bytes")
            : "value is too long";
        return new(FieldErrorType.TooLong, path.ToString(), null, detail);
    }

    /// <summary>
    /// <c>field.TooLong</c> as the release's apimachinery words it (VAL-001): v0.28.0–v0.31.1 (Kubernetes 1.28–1.31,
    /// vendored in ceph/ceph-csi) print <c>must have at most N bytes</c>; v0.32 rewrote it to <see cref="TooLong(FieldPath, int)"/>'s
    /// text (v0.32.3, openshift-kni/scheduler-plugins 4f354f99b). Neither prints the value.
    /// </summary>
    public static FieldError TooLong(FieldPath path, int maxLength, Profiles.KubernetesVersion version) =>
        version >= TooLongRewordedSince
            ? TooLong(path, maxLength)
            : new(FieldErrorType.TooLong, path.ToString(), null, "must have at most " + maxLength.ToString(CultureInfo.InvariantCulture) + " bytes");

    /// <summary>The first release whose apimachinery says "may not be more than N bytes" (v0.32).</summary>
    public static readonly Profiles.KubernetesVersion TooLongRewordedSince = new(1, 32);

    /// <summary><c>field.TooMany</c>: prints the actual count bare.</summary>
    public static FieldError TooMany(FieldPath path, int actual, int max)
    {
        string detail = max >= 0
            ? "must have at most " + max.ToString(CultureInfo.InvariantCulture) + (max == 1 ? " item" : " items")
            : "has too many items";
        return new(FieldErrorType.TooMany, path.ToString(), actual >= 0 ? actual : null, detail);
    }

    /// <summary>The body without the field (<c>ErrorBody()</c>).</summary>
    public string Body
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(TypeText(Type));
            bool printsValue = Type is FieldErrorType.Invalid or FieldErrorType.NotSupported or FieldErrorType.NotFound
                or FieldErrorType.Duplicate or FieldErrorType.TooMany;
            if (printsValue && BadValue is not null)
            {
                sb.Append(": ");
                AppendValue(sb, BadValue);
            }

            if (Detail.Length != 0)
            {
                sb.Append(": ").Append(Detail);
            }

            return sb.ToString();
        }
    }

    public override string ToString() => Field + ": " + Body;

    public static string TypeText(FieldErrorType type) => type switch
    {
        FieldErrorType.NotFound => "Not found",
        FieldErrorType.Required => "Required value",
        FieldErrorType.Duplicate => "Duplicate value",
        FieldErrorType.Invalid => "Invalid value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.Forbidden => "Forbidden",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Internal => "Internal error",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static void AppendValue(StringBuilder sb, object value)
    {
        switch (value)
        {
            case string s:
                GoQuote.Append(sb, s);
                break;
            case int i:
                sb.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case RawJsonValue raw:
                sb.Append(raw.Json);
                break;
            default:
                GoQuote.Append(sb, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }
}
