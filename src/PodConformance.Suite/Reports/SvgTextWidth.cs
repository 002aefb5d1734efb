namespace PodConformance.Suite.Reports;

/// <summary>
/// How wide a text is drawn in the report's SVG, so a label is placed where it fits instead of being painted over by
/// the next band. The widths are DejaVu Sans's advance widths (the first font the report asks for, Debian's default
/// sans-serif), measured in Chromium 156 with fonts-dejavu-core 2.37 (<c>getComputedTextLength()</c> of ten copies of each
/// character at 11 px, times 2048/11). Liberation Sans and Arial, the fallbacks, are narrower, so the estimate is an
/// upper bound for them; a character outside printable ASCII counts as a full em (wider than any in the table).
/// </summary>
internal static class SvgTextWidth
{
    private const double UnitsPerEm = 2048;

    /// <summary>Bold DejaVu Sans is at most this much wider than the regular face (largest per-character ratio measured: 1.26).</summary>
    private const double BoldFactor = 1.27;

    /// <summary>Advance widths of ' ' (0x20) to '~' (0x7E), in units of 1/2048 em.</summary>
    private static readonly short[] Advance =
    [
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1453, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1219, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 706, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 810, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
    ];

    /// <summary>The width in pixels of <paramref name="text"/> at <paramref name="fontSize"/> px.</summary>
    public static double Of(string text, double fontSize, bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        double units = 0;
        foreach (char c in text)
        {
            units += c is >= ' ' and <= '~' ? Advance[c - ' '] : UnitsPerEm;
        }

        return units / UnitsPerEm * fontSize * (bold ? BoldFactor : 1);
    }

    /// <summary>
    /// <paramref name="text"/> whole when it fits in <paramref name="room"/> pixels, else its longest prefix that fits
    /// with "…" after it, or an empty string when not even <paramref name="minChars"/> characters and the ellipsis fit.
    /// </summary>
    public static string Fit(string text, double room, double fontSize, bool bold = false, int minChars = 3)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Of(text, fontSize, bold) <= room)
        {
            return text;
        }

        double budget = room - Of("…", fontSize, bold);
        double used = 0;
        int n = 0;
        while (n < text.Length)
        {
            double next = Of(text[n].ToString(), fontSize, bold);
            if (used + next > budget)
            {
                break;
            }

            used += next;
            n++;
        }

        if (n > 0 && char.IsHighSurrogate(text[n - 1]))
        {
            n--;
        }

        return n >= minChars ? text[..n].TrimEnd() + "…" : "";
    }
}
