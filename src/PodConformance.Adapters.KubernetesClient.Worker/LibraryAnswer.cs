using System.Globalization;
using System.Text;
using k8s.Models;

namespace PodConformance.Adapters.KubernetesClient.Worker;

/// <summary>
/// What KubernetesClient's <see cref="ResourceQuantity"/> answers for one text, untimed (the adapter times the
/// process): parsed or not, its printed forms, <c>ToInt64()</c> and the exception texts. Never throws.
/// </summary>
public readonly record struct LibraryAnswer(bool Ok, string Printed, string Canonical, string Format, long Value, bool ValueThrew, string Error)
{
    /// <summary>Prefix of the Error of an accepted quantity whose <c>ToInt64()</c> threw.</summary>
    public const string ValueAccessorPrefix = "ToInt64: ";

    public static LibraryAnswer Of(string input)
    {
        ResourceQuantity q;
        string printed, canonical;
        try
        {
            q = new ResourceQuantity(input);
            printed = q.ToString();
            canonical = q.CanonicalizeString();
        }
        catch (Exception e)
        {
            return new LibraryAnswer(false, "", "", "", 0, true, Describe(e));
        }

        try
        {
            return new LibraryAnswer(true, printed, canonical, q.Format.ToString(), q.ToInt64(), false, "");
        }
        catch (Exception e)
        {
            return new LibraryAnswer(true, printed, canonical, q.Format.ToString(), 0, true, ValueAccessorPrefix + e.GetType().Name);
        }
    }

    /// <summary><c>Type: message</c>, on one line.</summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" ");
    }

    /// <summary>One line: <c>ok</c>, then the fields separated by tabs (each escaped, so none holds a tab).</summary>
    public string ToLine()
    {
        var sb = new StringBuilder(64);
        sb.Append("ok\t").Append(Ok ? '1' : '0').Append('\t');
        LineCodec.Escape(sb, Printed);
        sb.Append('\t');
        LineCodec.Escape(sb, Canonical);
        sb.Append('\t');
        LineCodec.Escape(sb, Format);
        sb.Append('\t').Append(Value.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(ValueThrew ? '1' : '0').Append('\t');
        LineCodec.Escape(sb, Error);
        return sb.ToString();
    }

    /// <summary>The answer <see cref="ToLine"/> wrote, or null for any other line.</summary>
    public static LibraryAnswer? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] f = line.Split('\t');
        if (f.Length != 8 || f[0] != "ok" || f[1] is not ("0" or "1") || f[6] is not ("0" or "1")
            || !long.TryParse(f[5], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            || LineCodec.Unescape(f[2]) is not { } printed || LineCodec.Unescape(f[3]) is not { } canonical
            || LineCodec.Unescape(f[4]) is not { } format || LineCodec.Unescape(f[7]) is not { } error)
        {
            return null;
        }

        return new LibraryAnswer(f[1] == "1", printed, canonical, format, value, f[6] == "1", error);
    }
}
