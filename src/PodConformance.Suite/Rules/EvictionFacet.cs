using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

/// <summary>The eviction facet: which pods were evicted in which order (one per cycle), and the critical pods passed over.</summary>
public static class EvictionFacet
{
    public static IReadOnlyList<string> View(EvictionObservation? eviction)
    {
        if (eviction is null)
        {
            return ["<no eviction observation>"];
        }

        var lines = new List<string>();
        for (int i = 0; i < eviction.Order.Count; i++)
        {
            lines.Add("evicted " + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + eviction.Order[i]);
        }

        if (eviction.Order.IsEmpty)
        {
            lines.Add("no pod evicted");
        }

        lines.AddRange(eviction.NeverEvicted.Select(p => "never evicted: " + p));
        return lines;
    }

    public static Verdict Compare(EvictionObservation? expected, EvictionObservation? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? Verdict.Ok : Verdict.Fail(expected is null ? "the model observed no eviction" : "the adapter reported no eviction facet", "eviction", Kinds.NotReported);
        }

        if (expected.Order != actual.Order)
        {
            return Verdict.Fail("eviction order: expected " + List(expected.Order) + ", got " + List(actual.Order), "eviction order",
                actual.Order.Count < expected.Order.Count ? Kinds.Missing : actual.Order.Count > expected.Order.Count ? Kinds.Extra : Kinds.Differs);
        }

        var wantNever = expected.NeverEvicted.Order(StringComparer.Ordinal).ToList();
        var gotNever = actual.NeverEvicted.Order(StringComparer.Ordinal).ToList();
        return wantNever.SequenceEqual(gotNever, StringComparer.Ordinal)
            ? Verdict.Ok
            : Verdict.Fail("critical pods never evicted: expected " + List(wantNever) + ", got " + List(gotNever), "critical pods", Kinds.Differs);
    }

    private static string List(IEnumerable<string> pods) => "[" + string.Join(", ", pods) + "]";
}
