using System.Globalization;
using System.Text;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Events;

/// <summary>
/// The Events block of <c>kubectl describe pod</c>, as kubectl <c>pkg/describe/describe.go</c> <c>DescribeEvents</c>
/// writes it through its tabwriter (EVENT-021…025): each cell escaped as describe's prefix writer escapes it
/// (<see cref="TerminalEscape"/>), after the message is trimmed, before the tabwriter measures it.
/// </summary>
public static class DescribeEvents
{
    /// <summary>The block as the newest kubectl the spec covers prints it.</summary>
    public static string Render(IReadOnlyList<PodEvent> events, DateTimeOffset now) =>
        Render(events, now, Profile.Default);

    /// <summary>
    /// The block as kubectl of <paramref name="kubectl"/>'s release prints it. Standalone: in a full describe the
    /// empty form's "Events:" cell aligns with the lines above it, here only with itself ("Events:  &lt;none&gt;").
    /// </summary>
    public static string Render(IReadOnlyList<PodEvent> events, DateTimeOffset now, Profile kubectl)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(kubectl);
        if (events.Count == 0)
        {
            return GoTabWriter.Format("Events:\t<none>\n");
        }

        var sb = new StringBuilder();
        sb.Append("Events:\n");
        sb.Append("  Type\tReason\tAge\tFrom\tMessage\n");
        sb.Append("  ----\t------\t----\t----\t-------\n");
        bool prefixFieldPath = kubectl.Version >= new KubernetesVersion(1, 35);
        foreach (var e in Sorted(events))
        {
            sb.Append("  ")
                .Append(e.Type.ToApiString()).Append('\t')
                .Append(TerminalEscape.Escape(e.Reason)).Append('\t')
                .Append(Age(e, now)).Append('\t')
                .Append(TerminalEscape.Escape(e.Source)).Append('\t')
                .Append(TerminalEscape.Escape(Message(e, prefixFieldPath))).Append('\n');
        }

        return GoTabWriter.Format(sb.ToString());
    }

    /// <summary>
    /// EVENT-022: "AGE" for a single event, "LAST (xN over FIRST)" for a repeated one (kubectl checks Count &gt; 1).
    /// </summary>
    public static string Age(PodEvent e, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(e);
        string first = EventAge.Since(e.FirstTimestamp, now);
        if (e.Count > 1)
        {
            return EventAge.Since(e.LastTimestamp, now) + " (x" + e.Count.ToString(CultureInfo.InvariantCulture)
                + " over " + first + ")";
        }

        return first;
    }

    /// <summary>
    /// EVENT-023: oldest last occurrence first (kubectl <c>pkg/util/event.SortableEvents</c>). Go's sort.Sort is
    /// not stable; the model keeps recording order among equal timestamps, which is what simulators expect.
    /// </summary>
    public static IReadOnlyList<PodEvent> Sorted(IReadOnlyList<PodEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. events.OrderBy(e => EventAge.WholeSeconds(e.LastTimestamp))];
    }

    /// <summary>
    /// EVENT-024: the message, trimmed like Go's strings.TrimSpace; from kubectl 1.35 prefixed by the involved
    /// object's field path ("spec.containers{web}: …"), kubernetes#133627.
    /// </summary>
    private static string Message(PodEvent e, bool prefixFieldPath)
    {
        string message = e.Message.Trim(GoSpace);
        return prefixFieldPath && !string.IsNullOrEmpty(e.FieldPath) ? e.FieldPath + ": " + message : message;
    }

    /// <summary>The characters Go's unicode.IsSpace accepts (strings.TrimSpace).</summary>
    internal static readonly char[] GoSpace =
        ['\t', '\n', '\v', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003',
         '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200A', '\u2028', '\u2029', '\u202F', '\u205F',
         '\u3000'];
}
