namespace PodConformance.Manifests.Nodes;

/// <summary>
/// Resolves an unquoted YAML scalar the way go-yaml v2 (under sigs.k8s.io/yaml, which Kubernetes uses) does:
/// YAML 1.1 booleans (<c>yes</c>, <c>on</c>, <c>y</c>…), <c>~</c>/<c>null</c>, Go integers (with <c>0x</c>,
/// <c>0o</c>, <c>0b</c>, leading-zero octal and underscores) and YAML floats. The writer uses the same
/// resolver to decide which strings must be quoted, which is what makes write-then-read exact.
/// Hand-written rather than regular expressions because it runs once per scalar.
/// </summary>
public static class ScalarResolver
{
    public static ScalarKind ResolvePlain(string text)
    {
        if (text.Length == 0)
        {
            return ScalarKind.Null;
        }

        switch (text)
        {
            case "~" or "null" or "Null" or "NULL":
                return ScalarKind.Null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE":
            case "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "false" or "False" or "FALSE":
                return ScalarKind.Bool;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF":
            case ".nan" or ".NaN" or ".NAN":
                return ScalarKind.Float;
        }

        char c = text[0];
        if (c is not ('+' or '-' or '.') && !char.IsAsciiDigit(c))
        {
            return ScalarKind.String;
        }

        if (IsGoInteger(text))
        {
            return ScalarKind.Int;
        }

        return IsYamlFloat(text) ? ScalarKind.Float : ScalarKind.String;
    }

    /// <summary>True when plain <paramref name="value"/> would be a boolean in YAML 1.1 <c>true</c> sense.</summary>
    public static bool IsTrue(string value) =>
        value is "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "true" or "True" or "TRUE";

    /// <summary>Go's strconv.ParseInt(s, 0, 64) after go-yaml removed underscores (range is not checked here).</summary>
    private static bool IsGoInteger(string text)
    {
        int i = 0;
        if (text[0] is '+' or '-')
        {
            i = 1;
        }

        if (i >= text.Length)
        {
            return false;
        }

        int radix = 10;
        if (text[i] == '0' && i + 1 < text.Length)
        {
            char p = text[i + 1];
            if (p is 'x' or 'X')
            {
                radix = 16;
                i += 2;
            }
            else if (p is 'o' or 'O')
            {
                radix = 8;
                i += 2;
            }
            else if (p is 'b' or 'B')
            {
                radix = 2;
                i += 2;
            }
            else
            {
                radix = 8;
                i += 1;
            }
        }

        int digits = 0;
        for (; i < text.Length; i++)
        {
            char d = text[i];
            if (d == '_')
            {
                continue;
            }

            bool ok = radix switch
            {
                16 => char.IsAsciiHexDigit(d),
                8 => d is >= '0' and <= '7',
                2 => d is '0' or '1',
                _ => char.IsAsciiDigit(d),
            };
            if (!ok)
            {
                return false;
            }

            digits++;
        }

        return digits > 0 || radix == 8;
    }

    /// <summary>go-yaml v2's yamlStyleFloat: <c>^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$</c>.</summary>
    private static bool IsYamlFloat(string text)
    {
        int i = 0;
        if (text[0] is '+' or '-')
        {
            i = 1;
        }

        int intDigits = CountDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            int fracDigits = CountDigits(text, ref i);
            if (intDigits == 0 && fracDigits == 0)
            {
                return false;
            }
        }
        else if (intDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int CountDigits(string text, ref int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }
}
