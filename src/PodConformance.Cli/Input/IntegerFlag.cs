using System.CommandLine;
using System.CommandLine.Parsing;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Input;

/// <summary>
/// podconf's number flags (<c>--count</c>, <c>--repeat</c>, <c>--seed</c>…) read as pflag reads its int and uint64 flags:
/// Go's <c>strconv.ParseInt(s, 0, 64)</c> / <c>strconv.ParseUint(s, 0, 64)</c> (spf13/pflag int.go, uint64.go), so a base
/// prefix (<c>0x10</c>, <c>0o17</c>, <c>0b101</c>, a leading <c>0</c> for octal) and digit-separating underscores
/// (<c>1_000</c>) are numbers, and anything else is pflag's <c>invalid argument "abc" for "--count" flag:
/// strconv.ParseInt: parsing "abc": invalid syntax</c>.
/// </summary>
/// <remarks>
/// System.CommandLine's own parsing answered <c>Cannot parse argument 'abc' for option '--count' as expected type
/// 'System.Int32'</c>, and took what .NET's <c>int.Parse</c> takes (<c>" 5"</c>) rather than Go's syntax. Go's int is 64 bits
/// on the platforms kubectl ships for, so a value beyond <see cref="int"/> is not pflag's error: it is held at the nearest
/// <see cref="int"/> bound for the verb's own range check to refuse in its words (or to take, as pflag would).
/// Go's rules are strconv/atoi.go at go1.22 (<c>ParseUint</c>'s base-0 prefixes, <c>underscoreOK</c>, <c>NumError.Error</c>).
/// </remarks>
public static class IntegerFlag
{
    /// <summary>Reads <paramref name="option"/>'s value as pflag's <c>IntVar</c> does.</summary>
    public static Option<int> AsPflagInt(this Option<int> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
        {
            string text = Value(result);
            if (!TryParseInt(text, out long value, out string? error))
            {
                result.AddError(Refusal(option, text, error!));
                return 0;
            }

            return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        };
        return option;
    }

    /// <summary>Reads <paramref name="option"/>'s value as pflag's <c>Uint64Var</c> does.</summary>
    public static Option<ulong> AsPflagUint64(this Option<ulong> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result =>
        {
            string text = Value(result);
            if (!TryParseUint(text, out ulong value, out string? error, "ParseUint"))
            {
                result.AddError(Refusal(option, text, error!));
                return 0;
            }

            return value;
        };
        return option;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 0, 64)</c>; on failure the <c>NumError</c>'s text.</summary>
    public static bool TryParseInt(string s, out long value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(s);
        value = 0;
        bool negative = s.Length > 0 && s[0] == '-';
        string unsigned = s.Length > 0 && (s[0] == '+' || s[0] == '-') ? s[1..] : s;
        if (!TryParseUint(unsigned, out ulong magnitude, out error, "ParseInt", s))
        {
            return false;
        }

        const ulong Cutoff = 1UL << 63;
        if ((!negative && magnitude >= Cutoff) || (negative && magnitude > Cutoff))
        {
            error = NumError("ParseInt", s, "value out of range");
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return true;
    }

    /// <summary>Go's <c>strconv.ParseUint(s, 0, 64)</c>, its error named as <paramref name="func"/> for <paramref name="whole"/>.</summary>
    public static bool TryParseUint(string s, out ulong value, out string? error, string func = "ParseUint", string? whole = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        whole ??= s;
        value = 0;
        error = null;
        if (s.Length == 0)
        {
            error = NumError(func, whole, "invalid syntax");
            return false;
        }

        int at = 0;
        ulong numberBase = 10;
        if (s[0] == '0')
        {
            char prefix = s.Length >= 3 ? char.ToLowerInvariant(s[1]) : '\0';
            (numberBase, at) = prefix switch
            {
                'b' => (2UL, 2),
                'o' => (8UL, 2),
                'x' => (16UL, 2),
                _ => (8UL, 1),
            };
        }

        bool underscores = false;
        ulong n = 0;
        for (; at < s.Length; at++)
        {
            char c = s[at];
            ulong digit;
            if (c == '_')
            {
                underscores = true;
                continue;
            }
            else if (c is >= '0' and <= '9')
            {
                digit = (ulong)(c - '0');
            }
            else if (char.ToLowerInvariant(c) is >= 'a' and <= 'z')
            {
                digit = (ulong)(char.ToLowerInvariant(c) - 'a' + 10);
            }
            else
            {
                error = NumError(func, whole, "invalid syntax");
                return false;
            }

            if (digit >= numberBase)
            {
                error = NumError(func, whole, "invalid syntax");
                return false;
            }

            if (n > (ulong.MaxValue - digit) / numberBase)
            {
                error = NumError(func, whole, "value out of range"); // Go stops at the overflow
                return false;
            }

            n = (n * numberBase) + digit;
        }

        if (underscores && !UnderscoreOk(whole))
        {
            error = NumError(func, whole, "invalid syntax");
            return false;
        }

        value = n;
        return true;
    }

    /// <summary>Go's <c>underscoreOK</c>: underscores only between digits, or after a base prefix.</summary>
    private static bool UnderscoreOk(string s)
    {
        char saw = '^';
        int i = 0;
        if (s.Length >= 1 && (s[0] == '-' || s[0] == '+'))
        {
            s = s[1..];
        }

        bool hex = false;
        if (s.Length >= 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'b' or 'o' or 'x')
        {
            i = 2;
            saw = '0';
            hex = char.ToLowerInvariant(s[1]) == 'x';
        }

        for (; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= '0' and <= '9' || (hex && char.ToLowerInvariant(c) is >= 'a' and <= 'f'))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }

    private static string NumError(string func, string num, string err) => "strconv." + func + ": parsing " + GoQuote.Quote(num) + ": " + err;

    private static string Value(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    /// <summary>pflag's <c>FlagSet.Set</c> error: the flag named <c>-c, --count</c> when it has a shorthand.</summary>
    private static string Refusal(Option option, string text, string error)
    {
        string names = option.Aliases.FirstOrDefault(a => a.Length == 2 && a[0] == '-') is { } shorthand ? shorthand + ", " + option.Name : option.Name;
        return "invalid argument " + GoQuote.Quote(text) + " for \"" + names + "\" flag: " + error;
    }
}
