namespace PodConformance.Cli.Output.JsonPath;

/// <summary>
/// The comparisons of a JSONPath filter as client-go's forked <c>text/template</c> funcs make them: values compare
/// only within a kind (bool, int, uint, float, string; an int and a uint by value), anything else is an error with
/// Go's text. A literal <c>1</c> is an int and a field's <c>1</c> an int64: both ints.
/// </summary>
internal static class GoCompare
{
    private enum Kind { Bool, Int, Uint, Float, String }

    public static bool Apply(string op, object? left, object? right) => op switch
    {
        "<" => Less(left, right),
        ">" => !LessEqual(left, right),
        "==" => Equal(left, right),
        "!=" => !Equal(left, right),
        "<=" => LessEqual(left, right),
        ">=" => !Less(left, right),
        _ => throw new JsonPathException("unrecognized filter operator " + op),
    };

    private static Kind KindOf(object? v) => v switch
    {
        bool => Kind.Bool,
        long => Kind.Int,
        byte => Kind.Uint,
        double => Kind.Float,
        string => Kind.String,
        _ => throw new JsonPathException("invalid type for comparison"),
    };

    private static bool Equal(object? a, object? b)
    {
        Kind ka = KindOf(a), kb = KindOf(b);
        if (ka != kb)
        {
            return (ka, kb) switch
            {
                (Kind.Int, Kind.Uint) => (long)a! >= 0 && (long)a! == (byte)b!,
                (Kind.Uint, Kind.Int) => (long)b! >= 0 && (byte)a! == (long)b!,
                _ => throw new JsonPathException("incompatible types for comparison"),
            };
        }

        return ka switch
        {
            Kind.Bool => (bool)a! == (bool)b!,
            Kind.Int => (long)a! == (long)b!,
            Kind.Uint => (byte)a! == (byte)b!,
            Kind.Float => (double)a! == (double)b!,
            _ => string.Equals((string)a!, (string)b!, StringComparison.Ordinal),
        };
    }

    private static bool Less(object? a, object? b)
    {
        Kind ka = KindOf(a), kb = KindOf(b);
        if (ka != kb)
        {
            return (ka, kb) switch
            {
                (Kind.Int, Kind.Uint) => (long)a! < 0 || (long)a! < (byte)b!,
                (Kind.Uint, Kind.Int) => (long)b! >= 0 && (byte)a! < (long)b!,
                _ => throw new JsonPathException("incompatible types for comparison"),
            };
        }

        return ka switch
        {
            Kind.Bool => throw new JsonPathException("invalid type for comparison"),
            Kind.Int => (long)a! < (long)b!,
            Kind.Uint => (byte)a! < (byte)b!,
            Kind.Float => (double)a! < (double)b!,
            _ => CodePointComparer.Instance.Compare((string)a!, (string)b!) < 0,
        };
    }

    private static bool LessEqual(object? a, object? b) => Less(a, b) || Equal(a, b);
}
