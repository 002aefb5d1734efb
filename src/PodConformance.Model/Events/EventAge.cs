using System.Globalization;

namespace PodConformance.Model.Events;

/// <summary>
/// EVENT-022: the Age column. kubectl's <c>translateTimestampSince</c> is apimachinery
/// <c>pkg/util/duration.HumanDuration(time.Since(t))</c>, and <c>&lt;unknown&gt;</c> for an unset timestamp.
/// </summary>
/// <remarks>
/// Kept inside Events because the printer area's copy (Printing.HumanDuration) lives on another branch; the two
/// should be unified once both are merged. Works on whole seconds, which is all it can see: core/v1 serializes
/// firstTimestamp/lastTimestamp at second precision.
/// </remarks>
internal static class EventAge
{
    public static string Since(DateTimeOffset timestamp, DateTimeOffset now)
    {
        if (timestamp == default)
        {
            return "<unknown>";
        }

        return HumanDuration(WholeSeconds(now) - WholeSeconds(timestamp));
    }

    /// <summary>Unix seconds, floored: the value a metav1.Time holds after a round trip through the API.</summary>
    public static long WholeSeconds(DateTimeOffset t) => t.ToUnixTimeSeconds();

    /// <summary>HumanDuration over whole seconds: about two significant units ("119s", "3m10s", "70m", "2d1h").</summary>
    public static string HumanDuration(long seconds)
    {
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return N(seconds) + "s";
        }

        long minutes = seconds / 60;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? N(minutes) + "m" : N(minutes) + "m" + N(seconds % 60) + "s";
        }

        if (minutes < 180)
        {
            return N(minutes) + "m";
        }

        long hours = minutes / 60;
        if (hours < 8)
        {
            return minutes % 60 == 0 ? N(hours) + "h" : N(hours) + "h" + N(minutes % 60) + "m";
        }

        if (hours < 48)
        {
            return N(hours) + "h";
        }

        long days = hours / 24;
        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? N(days) + "d" : N(days) + "d" + N(hours % 24) + "h";
        }

        if (hours < 24 * 365 * 2)
        {
            return N(days) + "d";
        }

        long years = days / 365;
        if (hours < 24 * 365 * 8)
        {
            return days % 365 == 0 ? N(years) + "y" : N(years) + "y" + N(days % 365) + "d";
        }

        return N(years) + "y";
    }

    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);
}
