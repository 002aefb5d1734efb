using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>
/// Names every way one case's library observation differs from Go's (the model's). A case may belong to
/// several classes; each class is then shrunk on its own, keeping only candidates still in that class.
/// </summary>
public static class QuantityDivergenceClassifier
{
    /// <summary>Exponents with this many significant digits (≥ 10^4) hang on any machine; fewer may just be slow.</summary>
    private const int HugeExponentDigits = 5;

    public static IReadOnlyList<DivergenceClass> Classify(string input, QuantityObservation go, Observation library)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(go);
        ArgumentNullException.ThrowIfNull(library);
        var classes = new List<DivergenceClass>();
        if (library.Failure is { } failure)
        {
            if (failure.StartsWith(ResourceQuantityAdapter.HangPrefix, StringComparison.Ordinal))
            {
                classes.Add(
                    go.Ok && IsNegative(go) && go.Format == "DecimalExponent" ? DivergenceClass.HangNegativeExponent
                    : ExponentDigits(input) >= HugeExponentDigits ? DivergenceClass.HangHugeExponent
                    : DivergenceClass.HangOther);
            }

            return classes;
        }

        if (library.Quantity is not { } lib)
        {
            return classes;
        }

        if (!lib.Ok)
        {
            string type = ResourceQuantityAdapter.ExceptionType(lib.Error);
            if (type != nameof(FormatException))
            {
                classes.Add(DivergenceClass.ExceptionLeak(type));
            }

            if (go.Ok)
            {
                classes.Add(
                    !input.Any(char.IsAsciiDigit) ? DivergenceClass.RejectsDigitless
                    : ExponentDigits(input) > 0 && type is nameof(OverflowException) or nameof(ArgumentOutOfRangeException) ? DivergenceClass.RejectsBigExponent
                    : type == nameof(OverflowException) && lib.Error.Contains("Decimal", StringComparison.Ordinal) ? DivergenceClass.RejectsHugeNumber
                    : DivergenceClass.RejectsOther);
            }

            return classes;
        }

        if (!go.Ok)
        {
            classes.Add(
                input.Any(char.IsWhiteSpace) ? DivergenceClass.AcceptsWhitespace
                : input.Contains(',', StringComparison.Ordinal) ? DivergenceClass.AcceptsGroupSeparator
                : input.Contains('/', StringComparison.Ordinal) ? DivergenceClass.AcceptsFraction
                : DivergenceClass.AcceptsOther);
            return classes;
        }

        bool beyondInt64 = lib.Error.StartsWith(ResourceQuantityAdapter.ValueAccessorPrefix, StringComparison.Ordinal);
        if (go.Canonical != lib.Canonical)
        {
            classes.Add(
                IsNegative(go) ? DivergenceClass.NegativeValues
                : beyondInt64 ? DivergenceClass.HugeValues
                : go.Format == "DecimalExponent" ? DivergenceClass.ExponentForms
                : go.Format != lib.Format ? DivergenceClass.FormatDiffers
                : DivergenceClass.CanonicalOther);
        }
        else if (go.Format != lib.Format)
        {
            classes.Add(DivergenceClass.FormatDiffers);
        }
        else if (go.String != lib.String)
        {
            classes.Add(DivergenceClass.CachedSpelling);
        }

        if (beyondInt64)
        {
            classes.Add(DivergenceClass.ValueThrows);
        }
        else if ((lib.NotObserved & QuantityMembers.Value) == 0 && lib.Value != go.Value)
        {
            classes.Add(DivergenceClass.ValueRounding);
        }

        return classes;
    }

    private static bool IsNegative(QuantityObservation q) => q.Canonical.StartsWith('-');

    /// <summary>Significant digits of a trailing <c>e</c>/<c>E</c> exponent (<c>1e-00123</c> → 3), or 0 if there is none.</summary>
    internal static int ExponentDigits(string input)
    {
        int e = input.LastIndexOfAny(['e', 'E']);
        if (e < 0 || e == input.Length - 1)
        {
            return 0;
        }

        int start = e + 1;
        if (input[start] is '+' or '-')
        {
            start++;
        }

        if (start == input.Length)
        {
            return 0;
        }

        for (int i = start; i < input.Length; i++)
        {
            if (!char.IsAsciiDigit(input[i]))
            {
                return 0;
            }
        }

        string digits = input[start..].TrimStart('0');
        return Math.Max(digits.Length, 1);
    }
}
