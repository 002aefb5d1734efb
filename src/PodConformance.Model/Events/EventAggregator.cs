namespace PodConformance.Model.Events;

/// <summary>
/// EVENT-020: how repeats become one row. client-go's event correlator (<c>tools/record/events_cache.go</c>)
/// keys an event on source, involved object (field path included), type, reason and message; a repeat of a
/// key already sent is written as a PATCH of that Event: count + 1, lastTimestamp = now, firstTimestamp kept.
/// </summary>
/// <remarks>
/// Simplifications, stated in spec/events.md: only that exact-repeat path is modelled. Not modelled are the
/// aggregator that, after 10 events differing only in message within 10 minutes, emits
/// "(combined from similar events): …"; the spam filter (a token bucket per source and object: burst 25, one
/// token per 5 minutes) that drops events in long crash loops; the LRU cache bound; and the Event TTL (1 h by
/// default) after which the API server deletes events. The scheduler's events.k8s.io series are folded the
/// same way, which gives the same "(xN over …)" row.
/// </remarks>
public static class EventAggregator
{
    /// <summary>The list after <paramref name="next"/> is recorded: merged into its earlier occurrence, or appended.</summary>
    public static IReadOnlyList<PodEvent> Record(IReadOnlyList<PodEvent> recorded, PodEvent next)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(next);
        var result = new List<PodEvent>(recorded.Count + 1);
        bool merged = false;
        foreach (var e in recorded)
        {
            if (!merged && e.IsRepeatOf(next))
            {
                result.Add(Merge(e, next));
                merged = true;
            }
            else
            {
                result.Add(e);
            }
        }

        if (!merged)
        {
            result.Add(next);
        }

        return result;
    }

    /// <summary>Folds a stream of events, in the order they were recorded, into one event per key.</summary>
    public static IReadOnlyList<PodEvent> Aggregate(IEnumerable<PodEvent> stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IReadOnlyList<PodEvent> recorded = [];
        foreach (var e in stream)
        {
            recorded = Record(recorded, e);
        }

        return recorded;
    }

    private static PodEvent Merge(PodEvent earlier, PodEvent next) => earlier with
    {
        Count = earlier.Count + next.Count,
        FirstTimestamp = next.FirstTimestamp < earlier.FirstTimestamp ? next.FirstTimestamp : earlier.FirstTimestamp,
        LastTimestamp = next.LastTimestamp > earlier.LastTimestamp ? next.LastTimestamp : earlier.LastTimestamp,
    };
}
