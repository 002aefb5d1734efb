using PodConformance.Model.Collections;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Codec;

/// <summary>
/// One list per item type for the whole read, used as a stack: a list's items are pushed as they come and copied
/// once, at its end, into an array of exactly their number (a list per array grew, copied, then copied again: a third
/// of the reading of a lifecycle reply). A read that gives up leaves items behind; the next read starts by clearing.
/// </summary>
internal sealed class ReplyScratch
{
    [ThreadStatic]
    private static ReplyScratch? _current;

    public readonly List<StatusSample> Samples = [];
    public readonly List<ContainerSample> Containers = [];
    public readonly List<EventSample> Events = [];
    public readonly List<string> Strings = [];
    public readonly List<KeyValuePair<string, string>> Pairs = [];
    public readonly List<KeyValuePair<string, int>> Scores = [];
    public readonly List<KeyValuePair<string, ValueMap<string>>> EnvMaps = [];

    /// <summary>Where in the line the sample before had each container (<see cref="ExactReplyReader"/>).</summary>
    public readonly List<Range> Ranges = [];

    public static ReplyScratch Current => _current ??= new ReplyScratch();

    public static void Reset()
    {
        if (_current is not { } s)
        {
            return;
        }

        if (s.Samples.Capacity + s.Containers.Capacity + s.Events.Capacity + s.Strings.Capacity + s.Pairs.Capacity > 1 << 16)
        {
            _current = null; // an exceptional reply: do not keep its buffers per thread
            return;
        }

        s.Samples.Clear();
        s.Containers.Clear();
        s.Events.Clear();
        s.Strings.Clear();
        s.Pairs.Clear();
        s.Scores.Clear();
        s.EnvMaps.Clear();
        s.Ranges.Clear();
    }

    public static T[] Pop<T>(List<T> stack, int start) => Pop(stack, start, out _);

    /// <summary>
    /// The entries pushed since <paramref name="start"/> as a map: taken as they are when in ordinal key order (as
    /// every map is written), else as <see cref="ValueMap.Create{TValue}"/> sorts them. False on a repeated key.
    /// </summary>
    public static bool PopMap<T>(List<KeyValuePair<string, T>> stack, int start, out ValueMap<T> map)
    {
        var entries = Pop(stack, start, out int count);
        if (ValueMap<T>.TryFromSorted(entries, out map))
        {
            return true;
        }

        map = ValueMap.Create(entries); // a repeated key with another value throws ArgumentException: the reader gives up
        return map.Count == count;
    }

    public static T[] Pop<T>(List<T> stack, int start, out int count)
    {
        count = stack.Count - start;
        if (count == 0)
        {
            return [];
        }

        var array = new T[count];
        stack.CopyTo(start, array, 0, count);
        stack.RemoveRange(start, count);
        return array;
    }
}
