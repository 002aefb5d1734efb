using System.Globalization;

namespace PodConformance.Model.Events;

/// <summary>
/// EVENT-022: the Age column. kubectl's <c>translateTimestampSince</c> is apimachinery
/// <c>pkg/util/duration.HumanDuration(time.Since(t))</c>, and <c>&lt;unknown&gt;</c> for an unset timestamp.
/// </summary>
/// <remarks>
/// Works on whole seconds, which is all it can see: core/v1 serializes firstTimestamp/lastTimestamp at second
/// precision.
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

    /// <summary>apimachinery HumanDuration over whole seconds (the one implementation, in Printing).</summary>
    public static string HumanDuration(long seconds) => Printing.HumanDuration.Format(TimeSpan.FromSeconds(seconds));
}
