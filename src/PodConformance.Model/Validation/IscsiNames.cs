namespace PodConformance.Model.Validation;

/// <summary>
/// The iSCSI name forms of validation.go (VAL-608), matched by hand with Go's regexp semantics:
/// <c>iqn\.\d{4}-\d{2}\.([[:alnum:]-.]+)(:[^,;*&amp;$|\s]+)$</c> (not anchored at the start: found anywhere),
/// <c>^eui.[[:alnum:]]{16}$</c> and <c>^naa.[[:alnum:]]{32}$</c> (<c>.</c> is any rune but a newline; <c>\d</c>,
/// <c>[[:alnum:]]</c> and <c>\s</c> are ASCII classes).
/// </summary>
public static class IscsiNames
{
    /// <summary>strings.HasPrefix with "iqn", "eui" or "naa".</summary>
    public static bool HasKnownPrefix(string name) =>
        name.StartsWith("iqn", StringComparison.Ordinal) || name.StartsWith("eui", StringComparison.Ordinal) || name.StartsWith("naa", StringComparison.Ordinal);

    /// <summary>The regular expression of the name's prefix matches (call after <see cref="HasKnownPrefix"/>).</summary>
    public static bool MatchesItsFormat(string name)
    {
        if (name.StartsWith("iqn", StringComparison.Ordinal))
        {
            return MatchesIqn(name);
        }

        if (name.StartsWith("eui", StringComparison.Ordinal))
        {
            return MatchesPrefixAnyAlnum(name, 16);
        }

        return MatchesPrefixAnyAlnum(name, 32);
    }

    /// <summary>The iqn expression, searched for at every position as regexp.MatchString does.</summary>
    public static bool MatchesIqn(string s)
    {
        for (int p = s.IndexOf("iqn.", StringComparison.Ordinal); p >= 0; p = s.IndexOf("iqn.", p + 1, StringComparison.Ordinal))
        {
            if (MatchesIqnAt(s, p))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesIqnAt(string s, int p)
    {
        // iqn. dddd - dd .
        int i = p + 4;
        if (!Digits(s, i, 4) || !At(s, i + 4, '-') || !Digits(s, i + 5, 2) || !At(s, i + 7, '.'))
        {
            return false;
        }

        // ([[:alnum:]-.]+): greedy; ':' is outside the class, so the group ends at the first character not in it,
        // which must be the ':' that starts the last group.
        int j = i + 8;
        int groupStart = j;
        while (j < s.Length && (IsAsciiAlnum(s[j]) || s[j] == '-' || s[j] == '.'))
        {
            j++;
        }

        if (j == groupStart || !At(s, j, ':'))
        {
            return false;
        }

        // (:[^,;*&$|\s]+)$ : at least one allowed character, all of them up to the end of the text.
        int k = j + 1;
        if (k >= s.Length)
        {
            return false;
        }

        for (; k < s.Length; k++)
        {
            if (s[k] is ',' or ';' or '*' or '&' or '$' or '|' or ' ' or '\t' or '\n' or '\f' or '\r')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>^xxx.[[:alnum:]]{n}$</c>: three prefix characters, one rune other than a newline, n ASCII letters or digits.</summary>
    private static bool MatchesPrefixAnyAlnum(string s, int n)
    {
        if (s.Length < 4)
        {
            return false;
        }

        // The "any" rune may be a surrogate pair (one rune, two UTF-16 units).
        int anyLength = char.IsHighSurrogate(s[3]) && s.Length > 4 && char.IsLowSurrogate(s[4]) ? 2 : 1;
        if (s[3] == '\n' || s.Length != 3 + anyLength + n)
        {
            return false;
        }

        for (int i = 3 + anyLength; i < s.Length; i++)
        {
            if (!IsAsciiAlnum(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Digits(string s, int start, int count)
    {
        if (start + count > s.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (s[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static bool At(string s, int i, char c) => i < s.Length && s[i] == c;

    private static bool IsAsciiAlnum(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
}
