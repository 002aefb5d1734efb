using System.Globalization;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Validation;

/// <summary>
/// The string-format checks of apimachinery <c>pkg/util/validation/validation.go</c>, hand-written (no Regex:
/// this runs on hot paths). Each returns the upstream messages, in upstream order; empty when valid.
/// </summary>
public static class NameRules
{
    public const string Dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    public const string Dns1123SubdomainFmt = Dns1123LabelFmt + "(\\." + Dns1123LabelFmt + ")*";
    public const string QualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    public const string LabelValueFmt = "(" + QualifiedNameFmt + ")?";
    public const string EnvVarNameFmt = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    public const string ConfigMapKeyFmt = "[-._a-zA-Z0-9]+";

    /// <summary>
    /// The version that added the "must not contain dots" special case to IsDNS1123Label: apimachinery cf894f11 ("Change DNS
    /// Label validation to check for dots", 2022-12-16), first in v0.27.0 (local mirror: absent in v0.26.0, present in
    /// v0.27.0 … v0.37), so every release the model supports has it (spec VAL-012).
    /// </summary>
    public static readonly KubernetesVersion DnsLabelDotsMessageSince = new(1, 27);

    private static readonly string[] None = [];

    public static string MaxLenError(int length) =>
        "must be no more than " + length.ToString(CultureInfo.InvariantCulture) + " characters";

    /// <summary>apimachinery <c>pkg/api/validate/content</c> MaxLenError (v0.35+, local mirror): the same check, worded in bytes.</summary>
    public static string ContentMaxLenError(int length) =>
        "must be no more than " + length.ToString(CultureInfo.InvariantCulture) + " bytes";

    public static string InclusiveRangeError(int lo, int hi) =>
        "must be between " + lo.ToString(CultureInfo.InvariantCulture) + " and " + hi.ToString(CultureInfo.InvariantCulture) + ", inclusive";

    public const string EmptyError = "must be non-empty";

    /// <summary>apimachinery RegexError: note the doubled space before "or" that its loop produces.</summary>
    public static string RegexError(string msg, string fmt, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return msg + " (regex used for validation is '" + fmt + "')";
        }

        var s = msg + " (e.g. ";
        for (int i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                s += " or ";
            }

            s += "'" + examples[i] + "', ";
        }

        return s + "regex used for validation is '" + fmt + "')";
    }

    public static readonly string Dns1123LabelRegexMessage = RegexError(
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
        Dns1123LabelFmt, "my-name", "123-abc");

    public static readonly string Dns1123SubdomainRegexMessage = RegexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
        Dns1123SubdomainFmt, "example.com");

    private const string QualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    public static readonly string QualifiedNameRegexMessage = RegexError(QualifiedNameErrMsg, QualifiedNameFmt, "MyName", "my.name", "123-abc");

    public static readonly string LabelValueRegexMessage = RegexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        LabelValueFmt, "MyValue", "my_value", "12345");

    public static readonly string EnvVarNameRegexMessage = RegexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        EnvVarNameFmt, "my.env-name", "MY_ENV.NAME", "MyEnvName1");

    public const string RelaxedEnvVarNameMessage = "a valid environment variable name must consist only of printable ASCII characters other than '='";

    public static readonly string ConfigMapKeyRegexMessage = RegexError(
        "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
        ConfigMapKeyFmt, "key.name", "KEY_NAME", "key-name");

    /// <summary>
    /// Go's <c>len(value[start:end]) &gt; max</c>: the length in UTF-8 bytes, which exceeds the UTF-16 length only for
    /// non-ASCII text (counted only then).
    /// </summary>
    private static bool GoLenExceeds(string value, int start, int end, int max)
    {
        int chars = end - start;
        if (chars > max)
        {
            return true;
        }

        if (chars * 3 <= max)
        {
            return false;
        }

        return System.Text.Encoding.UTF8.GetByteCount(value.AsSpan(start, chars)) > max;
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static bool IsAlnum(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsAlpha(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>Matches <c>^[a-z0-9]([-a-z0-9]*[a-z0-9])?$</c> on [start, end).</summary>
    private static bool MatchesLabel(string v, int start, int end)
    {
        if (end <= start || !IsLowerAlnum(v[start]) || !IsLowerAlnum(v[end - 1]))
        {
            return false;
        }

        for (int i = start + 1; i < end - 1; i++)
        {
            if (!IsLowerAlnum(v[i]) && v[i] != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchesSubdomain(string v)
    {
        int start = 0;
        for (int i = 0; i <= v.Length; i++)
        {
            if (i == v.Length || v[i] == '.')
            {
                if (!MatchesLabel(v, start, i))
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return true;
    }

    /// <summary>IsDNS1123Label's message for a valid subdomain that is not a label (spec VAL-012).</summary>
    public const string DnsLabelDotsMessage = "must not contain dots";

    /// <summary>IsDNS1123Label. Newer releases say "must not contain dots" when the value is a valid subdomain.</summary>
    public static string[] Dns1123Label(string value, KubernetesVersion version)
    {
        bool tooLong = GoLenExceeds(value, 0, value.Length, 63);
        bool ok = MatchesLabel(value, 0, value.Length);
        if (!tooLong && ok)
        {
            return None;
        }

        var msgs = new List<string>(2);
        if (tooLong)
        {
            msgs.Add(MaxLenError(63));
        }

        if (!ok)
        {
            msgs.Add(version >= DnsLabelDotsMessageSince && MatchesSubdomain(value) ? DnsLabelDotsMessage : Dns1123LabelRegexMessage);
        }

        return [.. msgs];
    }

    public static string[] Dns1123Subdomain(string value)
    {
        bool tooLong = GoLenExceeds(value, 0, value.Length, 253);
        bool ok = MatchesSubdomain(value);
        if (!tooLong && ok)
        {
            return None;
        }

        if (tooLong && !ok)
        {
            return [MaxLenError(253), Dns1123SubdomainRegexMessage];
        }

        return tooLong ? [MaxLenError(253)] : [Dns1123SubdomainRegexMessage];
    }

    public const string Dns1123LabelWithUnderscoreFmt = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    public const string Dns1123SubdomainWithUnderscoreFmt = Dns1123LabelWithUnderscoreFmt + "(\\." + Dns1123LabelWithUnderscoreFmt + ")*";

    private const string Dns1123SubdomainWithUnderscoreErrorMsg =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";

    public static readonly string Dns1123SubdomainWithUnderscoreRegexMessage = RegexError(
        Dns1123SubdomainWithUnderscoreErrorMsg, Dns1123SubdomainWithUnderscoreFmt, "example.com");

    /// <summary>
    /// The message of v0.32–v0.33: the underscore wording with the <b>plain</b> subdomain regex (upstream passed
    /// <c>dns1123SubdomainFmt</c>; apimachinery vendored in openshift-kni/scheduler-plugins 4f354f99b, v0.32.3, and
    /// 0c967825a, v1.33.3), fixed to the underscore regex by v0.34 (313dff1ce, v1.34.1).
    /// </summary>
    public static readonly string Dns1123SubdomainWithUnderscorePlainRegexMessage = RegexError(
        Dns1123SubdomainWithUnderscoreErrorMsg, Dns1123SubdomainFmt, "example.com");

    /// <summary>The first release whose IsDNS1123SubdomainWithUnderscore message shows the underscore regex.</summary>
    public static readonly KubernetesVersion UnderscoreRegexShownSince = new(1, 34);

    /// <summary>
    /// IsDNS1123SubdomainWithUnderscore (apimachinery v0.32+, used by RelaxedDNSSearchValidation): dot-separated labels
    /// that may start with one '_' and contain '_' inside. The message as the newest releases print it.
    /// </summary>
    public static string[] Dns1123SubdomainWithUnderscore(string value) => Dns1123SubdomainWithUnderscore(value, UnderscoreRegexShownSince);

    /// <summary>IsDNS1123SubdomainWithUnderscore with the release's message (before 1.34 it quotes the plain regex).</summary>
    public static string[] Dns1123SubdomainWithUnderscore(string value, KubernetesVersion version)
    {
        string regexMessage = version >= UnderscoreRegexShownSince ? Dns1123SubdomainWithUnderscoreRegexMessage : Dns1123SubdomainWithUnderscorePlainRegexMessage;
        bool tooLong = GoLenExceeds(value, 0, value.Length, 253);
        bool ok = true;
        int start = 0;
        for (int i = 0; i <= value.Length && ok; i++)
        {
            if (i == value.Length || value[i] == '.')
            {
                int s0 = start < i && value[start] == '_' ? start + 1 : start;
                ok = s0 < i && IsLowerAlnum(value[s0]) && IsLowerAlnum(value[i - 1]);
                for (int k = s0 + 1; k < i - 1 && ok; k++)
                {
                    ok = IsLowerAlnum(value[k]) || value[k] == '-' || value[k] == '_';
                }

                start = i + 1;
            }
        }

        if (!tooLong && ok)
        {
            return None;
        }

        if (tooLong && !ok)
        {
            return [MaxLenError(253), regexMessage];
        }

        return tooLong ? [MaxLenError(253)] : [regexMessage];
    }

    /// <summary>
    /// NameIsDNSSubdomain(name, prefix): with <paramref name="prefix"/> a trailing dash is masked first
    /// (upstream <c>maskTrailingDash</c> drops the last two characters and appends 'a').
    /// </summary>
    public static string[] NameIsDnsSubdomain(string name, bool prefix)
    {
        if (prefix && name.Length > 1 && name[^1] == '-')
        {
            name = string.Concat(name.AsSpan(0, name.Length - 2), "a");
        }

        return Dns1123Subdomain(name);
    }

    /// <summary>NameIsDNSLabel(name, prefix), used for namespaces.</summary>
    public static string[] NameIsDnsLabel(string name, bool prefix, KubernetesVersion version)
    {
        if (prefix && name.Length > 1 && name[^1] == '-')
        {
            name = string.Concat(name.AsSpan(0, name.Length - 2), "a");
        }

        return Dns1123Label(name, version);
    }

    private static bool MatchesQualifiedNamePart(string v, int start, int end)
    {
        if (end <= start || !IsAlnum(v[start]) || !IsAlnum(v[end - 1]))
        {
            return false;
        }

        for (int i = start + 1; i < end - 1; i++)
        {
            char c = v[i];
            if (!IsAlnum(c) && c != '-' && c != '_' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The release whose apimachinery (v0.35, <c>content.IsLabelKey</c>) words a key with several '/' as "a valid label
    /// key" instead of "a qualified name" (read in the local apimachinery mirror: v0.34.0 has the old text, v0.35.0 the new).
    /// </summary>
    public static readonly KubernetesVersion LabelKeyWordingSince = new(1, 35);

    /// <summary>IsQualifiedName: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static string[] QualifiedName(string value) => QualifiedName(value, new KubernetesVersion(1, 34));

    /// <summary><see cref="QualifiedName(string)"/> with the wording of <paramref name="version"/>'s apimachinery.</summary>
    public static string[] QualifiedName(string value, KubernetesVersion version)
    {
        int slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && value.IndexOf('/', slash + 1) >= 0)
        {
            string what = version >= LabelKeyWordingSince ? "a valid label key " : "a qualified name ";
            return [what + QualifiedNameRegexMessage + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        List<string>? msgs = null;
        int nameStart = 0;
        if (slash >= 0)
        {
            string prefix = value[..slash];
            nameStart = slash + 1;
            if (prefix.Length == 0)
            {
                (msgs ??= []).Add("prefix part " + EmptyError);
            }
            else
            {
                foreach (string m in Dns1123Subdomain(prefix))
                {
                    // content.IsLabelKey (v0.35+) checks the prefix with content.IsDNS1123Subdomain: its length text says "bytes".
                    (msgs ??= []).Add("prefix part " + (version >= LabelKeyWordingSince && m == MaxLenError(253) ? ContentMaxLenError(253) : m));
                }
            }
        }

        int nameLen = value.Length - nameStart;
        if (nameLen == 0)
        {
            (msgs ??= []).Add("name part " + EmptyError);
        }
        else if (GoLenExceeds(value, nameStart, value.Length, 63))
        {
            (msgs ??= []).Add("name part " + (version >= LabelKeyWordingSince ? ContentMaxLenError(63) : MaxLenError(63)));
        }

        if (!MatchesQualifiedNamePart(value, nameStart, value.Length))
        {
            (msgs ??= []).Add("name part " + QualifiedNameRegexMessage);
        }

        return msgs is null ? None : [.. msgs];
    }

    public static string[] LabelValue(string value)
    {
        bool tooLong = GoLenExceeds(value, 0, value.Length, 63);
        bool ok = value.Length == 0 || MatchesQualifiedNamePart(value, 0, value.Length);
        if (!tooLong && ok)
        {
            return None;
        }

        if (tooLong && !ok)
        {
            return [MaxLenError(63), LabelValueRegexMessage];
        }

        return tooLong ? [MaxLenError(63)] : [LabelValueRegexMessage];
    }

    /// <summary>IsValidPortNum.</summary>
    public static string? PortNumber(int port) => port is >= 1 and <= 65535 ? null : InclusiveRangeError(1, 65535);

    /// <summary>IsValidPortName (IANA_SVC_NAME): every failing rule is reported, in upstream order.</summary>
    public static string[] PortName(string port)
    {
        List<string>? msgs = null;
        if (port.Length > 15)
        {
            (msgs ??= []).Add(MaxLenError(15));
        }

        bool charsetOk = port.Length > 0;
        bool hasLetter = false;
        foreach (char c in port)
        {
            if (c is >= 'a' and <= 'z')
            {
                hasLetter = true;
            }
            else if (c is not ((>= '0' and <= '9') or '-'))
            {
                charsetOk = false;
            }
        }

        if (!charsetOk)
        {
            (msgs ??= []).Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }

        if (!hasLetter)
        {
            (msgs ??= []).Add("must contain at least one letter (a-z)");
        }

        if (port.Contains("--", StringComparison.Ordinal))
        {
            (msgs ??= []).Add("must not contain consecutive hyphens");
        }

        if (port.Length > 0 && (port[0] == '-' || port[^1] == '-'))
        {
            (msgs ??= []).Add("must not begin or end with a hyphen");
        }

        return msgs is null ? None : [.. msgs];
    }

    private static string? ChDirPrefix(string value)
    {
        if (value == ".")
        {
            return "must not be '.'";
        }

        if (value == "..")
        {
            return "must not be '..'";
        }

        return value.StartsWith("..", StringComparison.Ordinal) ? "must not start with '..'" : null;
    }

    /// <summary>IsEnvVarName (the strict rule, before RelaxedEnvironmentVariableValidation).</summary>
    public static string[] EnvVarName(string value)
    {
        bool ok = value.Length > 0 && (IsAlpha(value[0]) || value[0] is '-' or '.' or '_');
        for (int i = 1; ok && i < value.Length; i++)
        {
            char c = value[i];
            ok = IsAlnum(c) || c is '-' or '.' or '_';
        }

        string? chdir = ChDirPrefix(value);
        if (ok && chdir is null)
        {
            return None;
        }

        if (!ok && chdir is not null)
        {
            return [EnvVarNameRegexMessage, chdir];
        }

        return ok ? [chdir!] : [EnvVarNameRegexMessage];
    }

    /// <summary>IsRelaxedEnvVarName: any printable ASCII except '='.</summary>
    public static string[] RelaxedEnvVarName(string value)
    {
        if (value.Length == 0)
        {
            return ["environment variable name " + EmptyError];
        }

        foreach (char c in value)
        {
            if (c < 0x20 || c > 0x7E || c == '=')
            {
                return [RelaxedEnvVarNameMessage];
            }
        }

        return None;
    }

    /// <summary>IsConfigMapKey: also used for configMapKeyRef/secretKeyRef keys.</summary>
    public static string[] ConfigMapKey(string value)
    {
        List<string>? msgs = null;
        if (value.Length > 253)
        {
            (msgs ??= []).Add(MaxLenError(253));
        }

        bool ok = value.Length > 0;
        foreach (char c in value)
        {
            if (!IsAlnum(c) && c is not ('-' or '.' or '_'))
            {
                ok = false;
                break;
            }
        }

        if (!ok)
        {
            (msgs ??= []).Add(ConfigMapKeyRegexMessage);
        }

        string? chdir = ChDirPrefix(value);
        if (chdir is not null)
        {
            (msgs ??= []).Add(chdir);
        }

        return msgs is null ? None : [.. msgs];
    }
}
