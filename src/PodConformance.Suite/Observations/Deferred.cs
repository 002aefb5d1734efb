namespace PodConformance.Suite.Observations;

/// <summary>
/// A facet of an observation that may be computed when first read: the model answers every facet of a pod case, but a
/// property reads one or two, so the oracle defers the rest (issue 12). Equal when the values are equal (an unset one
/// is <c>default</c>), so an observation's record equality and hash are what they would be had every value been
/// computed at once.
/// </summary>
/// <remarks>
/// The computation must be pure: it may run twice if two threads read at once, and whoever reads first sees what every
/// later reader sees. A failed computation is not remembered; the next read runs it again and fails the same way.
/// </remarks>
internal readonly struct Deferred<T> : IEquatable<Deferred<T>>
{
    private readonly T _value;
    private readonly Pending? _pending;

    public Deferred(T value)
    {
        _value = value;
        _pending = null;
    }

    public Deferred(Func<T> compute)
    {
        _value = default!;
        _pending = new Pending(compute);
    }

    public T Value => _pending is null ? _value : _pending.Value;

    public bool Equals(Deferred<T> other) => EqualityComparer<T>.Default.Equals(Value, other.Value);

    public override bool Equals(object? obj) => obj is Deferred<T> other && Equals(other);

    public override int GetHashCode() => Value is { } v ? EqualityComparer<T>.Default.GetHashCode(v) : 0;

    /// <summary>The computation, shared by every copy of the observation (a <c>with</c> copies the reference).</summary>
    private sealed class Pending(Func<T> compute)
    {
        private Func<T>? _compute = compute;
        private T _value = default!;

        public T Value
        {
            get
            {
                if (Volatile.Read(ref _compute) is { } run)
                {
                    _value = run();
                    Volatile.Write(ref _compute, null);
                }

                return _value;
            }
        }
    }
}
