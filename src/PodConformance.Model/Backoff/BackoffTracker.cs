namespace PodConformance.Model.Backoff;

/// <summary>
/// Per-key exponential backoff with client-go <c>flowcontrol.Backoff</c> semantics, on a virtual clock and
/// without jitter (the kubelet uses none). An entry expires — and the next <see cref="Next(string, DateTimeOffset, DateTimeOffset)"/>
/// restarts from initial — when eventTime − lastUpdate exceeds the expiry: 2×max by default, a fixed 600 s in
/// the kubelet's crash-loop instance. Not thread-safe: the model is single-threaded and deterministic.
/// </summary>
public sealed class BackoffTracker
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public BackoffTracker(TimeSpan initial, TimeSpan max, TimeSpan? expireAfter = null)
    {
        Initial = initial;
        Max = max;
        ExpireAfter = expireAfter ?? max * 2;
    }

    public TimeSpan Initial { get; }

    public TimeSpan Max { get; }

    public TimeSpan ExpireAfter { get; }

    public int Count => _entries.Count;

    /// <summary>The current delay of <paramref name="key"/>; zero when there is no entry.</summary>
    public TimeSpan Get(string key) => TryGet(key, out var e) ? e.Backoff : TimeSpan.Zero;

    /// <summary>When the entry was last advanced, or null.</summary>
    public DateTimeOffset? LastUpdate(string key) => TryGet(key, out var e) ? e.LastUpdate : null;

    /// <summary>
    /// Advances the delay: a missing or expired entry (judged at <paramref name="eventTime"/>) restarts at initial,
    /// otherwise it doubles, capped at max. lastUpdate becomes <paramref name="now"/> (upstream: Clock.Now()).
    /// </summary>
    public void Next(string key, DateTimeOffset eventTime, DateTimeOffset now)
    {
        _lastKey = null;
        if (!_entries.TryGetValue(key, out var entry) || HasExpired(eventTime, entry.LastUpdate))
        {
            _entries[key] = new Entry(Initial, now);
            return;
        }

        var doubled = entry.Backoff.Ticks > Max.Ticks / 2 ? Max : entry.Backoff * 2;
        _entries[key] = new Entry(doubled < Max ? doubled : Max, now);
    }

    /// <summary><see cref="Next(string, DateTimeOffset, DateTimeOffset)"/> with now = eventTime, as the upstream tests call it.</summary>
    public void Next(string key, DateTimeOffset eventTime) => Next(key, eventTime, eventTime);

    /// <summary>True while now − eventTime &lt; delay, unless the entry is missing or expired at eventTime.</summary>
    public bool IsInBackOffSince(string key, DateTimeOffset eventTime, DateTimeOffset now) =>
        TryGet(key, out var e) && !HasExpired(eventTime, e.LastUpdate) && now - eventTime < e.Backoff;

    /// <summary>True while eventTime − lastUpdate &lt; delay (the image puller's test, with eventTime = now).</summary>
    public bool IsInBackOffSinceUpdate(string key, DateTimeOffset eventTime) =>
        TryGet(key, out var e) && !HasExpired(eventTime, e.LastUpdate) && eventTime - e.LastUpdate < e.Backoff;

    public void Reset(string key)
    {
        _lastKey = null;
        _entries.Remove(key);
    }

    /// <summary>Drops entries expired at <paramref name="now"/>.</summary>
    public void GC(DateTimeOffset now)
    {
        List<string>? expired = null;
        foreach (var (key, entry) in _entries)
        {
            if (HasExpired(now, entry.LastUpdate))
            {
                (expired ??= []).Add(key);
            }
        }

        if (expired is not null)
        {
            _lastKey = null;
            foreach (var key in expired)
            {
                _entries.Remove(key);
            }
        }
    }

    public bool Contains(string key) => TryGet(key, out _);

    /// <summary>
    /// The entry of <paramref name="key"/>: a caller that keeps its key object (the simulator asks several times per
    /// sync, every few seconds of a crash loop) gets the last answer back without hashing it again; every write
    /// forgets that answer.
    /// </summary>
    private bool TryGet(string key, out Entry entry)
    {
        if (ReferenceEquals(key, _lastKey))
        {
            entry = _lastEntry;
            return _lastFound;
        }

        _lastFound = _entries.TryGetValue(key, out entry);
        _lastEntry = entry;
        _lastKey = key;
        return _lastFound;
    }

    private string? _lastKey;
    private Entry _lastEntry;
    private bool _lastFound;

    private bool HasExpired(DateTimeOffset eventTime, DateTimeOffset lastUpdate) => eventTime - lastUpdate > ExpireAfter;

    private readonly record struct Entry(TimeSpan Backoff, DateTimeOffset LastUpdate);
}
