using System.Globalization;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>ValidateTolerations (spec/validation.md VAL-310, VAL-311).</summary>
public static partial class PodValidator
{
    /// <summary>
    /// Release whose ValidateTolerations reports an Exists toleration's value as the value string; before it the
    /// whole toleration struct was the bad value (printed as JSON with Go field names).
    /// </summary>
    private static readonly KubernetesVersion TolerationValueAsStringSince = new(1, 32);

    /// <summary>Release that added the Lt/Gt operators behind TaintTolerationComparisonOperators (KEP-5471).</summary>
    private static readonly KubernetesVersion TolerationComparisonOperatorsSince = new(1, 35);

    /// <summary>
    /// Per toleration, in upstream order: key a label name; an empty key needs operator Exists; tolerationSeconds needs
    /// effect NoExecute; the operator and value (Equal/empty: value a label value; Exists: value empty; Lt/Gt: only with
    /// the gate, value a canonical decimal int64; anything else Unsupported); a non-empty effect one of the three.
    /// </summary>
    private static void ValidateTolerations(Context ctx, ValueList<Toleration> tolerations, FieldPath path)
    {
        if (tolerations.IsEmpty)
        {
            return;
        }

        using var _ = ctx.Rule(ValidationRules.Tolerations);
        bool comparisonOperatorsExist = ctx.Version >= TolerationComparisonOperatorsSince;
        for (int i = 0; i < tolerations.Count; i++)
        {
            var t = tolerations[i];
            var idx = path.Index(i);
            var operatorPath = idx.Child("operator");
            if (t.Key.Length > 0)
            {
                ValidateLabelName(ctx, t.Key, idx.Child("key"));
            }

            if (t.Key.Length == 0 && !string.Equals(t.Operator, "Exists", StringComparison.Ordinal))
            {
                ctx.Add(FieldError.Invalid(operatorPath, Json(ctx, t.Operator), "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
            }

            if (t.TolerationSeconds is not null && !string.Equals(t.Effect, "NoExecute", StringComparison.Ordinal))
            {
                ctx.Add(FieldError.Invalid(idx.Child("effect"), Json(ctx, t.Effect), "effect must be 'NoExecute' when `tolerationSeconds` is set"));
            }

            switch (t.Operator)
            {
                case "Equal":
                case "":
                    var msgs = NameRules.LabelValue(t.Value);
                    if (msgs.Length != 0)
                    {
                        ctx.Add(FieldError.Invalid(operatorPath, t.Value, string.Join(";", msgs)));
                    }

                    break;
                case "Exists":
                    if (t.Value.Length > 0)
                    {
                        object bad = ctx.Version >= TolerationValueAsStringSince ? t.Value : TolerationJson(ctx, t);
                        ctx.Add(FieldError.Invalid(operatorPath, bad, "value must be empty when `operator` is 'Exists'"));
                    }

                    break;
                case "Lt" when comparisonOperatorsExist:
                case "Gt" when comparisonOperatorsExist:
                    ValidateComparisonToleration(ctx, t, idx);
                    break;
                default:
                    ctx.Add(FieldError.NotSupported(operatorPath, Json(ctx, t.Operator), "Equal", "Exists"));
                    break;
            }

            if (t.Effect.Length > 0)
            {
                switch (t.Effect)
                {
                    case "NoSchedule":
                    case "PreferNoSchedule":
                    case "NoExecute":
                        break;
                    default:
                        ctx.Add(FieldError.NotSupported(idx.Child("effect"), Json(ctx, t.Effect), "NoSchedule", "PreferNoSchedule", "NoExecute"));
                        break;
                }
            }
        }
    }

    /// <summary>
    /// Lt/Gt (VAL-311): without TaintTolerationComparisonOperators the operator is Unsupported (the list then names all
    /// four); with it the value must be a canonical decimal integer (content.IsDecimalInteger) and parse as an int64
    /// (strconv.ParseInt's error text).
    /// </summary>
    private static void ValidateComparisonToleration(Context ctx, Toleration t, FieldPath idx)
    {
        using var _ = ctx.Rule(ValidationRules.TolerationComparisonOperators);
        if (!ctx.Profile.IsEnabled(FeatureGateNames.TaintTolerationComparisonOperators))
        {
            ctx.Add(FieldError.NotSupported(idx.Child("operator"), Json(ctx, t.Operator), "Equal", "Exists", "Lt", "Gt"));
            return;
        }

        var valuePath = idx.Child("value");
        string? notDecimal = DecimalIntegerError(t.Value);
        if (notDecimal is not null)
        {
            ctx.Add(FieldError.Invalid(valuePath, t.Value, notDecimal));
        }

        string? parseError = GoParseInt64Error(t.Value);
        if (parseError is not null)
        {
            ctx.Add(FieldError.Invalid(valuePath, t.Value, parseError));
        }
    }

    /// <summary>apimachinery content.IsDecimalInteger: "0", or an optional '-' then a digit 1–9 and digits.</summary>
    private static string? DecimalIntegerError(string value)
    {
        if (value.Length == 0)
        {
            return NameRules.EmptyError;
        }

        const string msg = "must be a valid decimal integer in canonical form";
        int i = 0;
        if (value[0] == '-')
        {
            if (value.Length == 1)
            {
                return msg;
            }

            i = 1;
        }

        if (value[i] == '0')
        {
            return value.Length == 1 && i == 0 ? null : msg;
        }

        if (value[i] is < '1' or > '9')
        {
            return msg;
        }

        for (i++; i < value.Length; i++)
        {
            if (value[i] is < '0' or > '9')
            {
                return msg;
            }
        }

        return null;
    }

    /// <summary>
    /// The error text of Go's <c>strconv.ParseInt(value, 10, 64)</c>, or null when it parses: a sign then decimal
    /// digits (underscores are only allowed with base 0); <c>invalid syntax</c> or <c>value out of range</c>.
    /// </summary>
    private static string? GoParseInt64Error(string value)
    {
        string quoted = GoQuote.Quote(value);
        int i = value.Length > 0 && (value[0] == '+' || value[0] == '-') ? 1 : 0;
        if (i == value.Length)
        {
            return "strconv.ParseInt: parsing " + quoted + ": invalid syntax";
        }

        for (int k = i; k < value.Length; k++)
        {
            if (value[k] is < '0' or > '9')
            {
                return "strconv.ParseInt: parsing " + quoted + ": invalid syntax";
            }
        }

        return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? null
            : "strconv.ParseInt: parsing " + quoted + ": value out of range";
    }

    /// <summary>The internal core.Toleration as field.Error prints it (%#v; the bad value of an Exists toleration with a value, 1.28–1.31).</summary>
    private static RawJsonValue TolerationJson(Context ctx, Toleration t) =>
        new GoJson.StructWriter(ctx.Version, "core.Toleration")
            .String("Key", t.Key)
            .String("Operator", t.Operator)
            .String("Value", t.Value)
            .String("Effect", t.Effect)
            .OptionalInt64("TolerationSeconds", t.TolerationSeconds)
            .Build();
}
