using System.Text;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// Go's string order: bytewise over UTF-8, which is code-point order. Differs from .NET ordinal (UTF-16 code
/// units) only between supplementary characters and U+E000–U+FFFF.
/// </summary>
public sealed class Utf8OrdinalComparer : IComparer<string>
{
    public static Utf8OrdinalComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            bool hasA = a.MoveNext();
            bool hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA == hasB ? 0 : hasA ? 1 : -1;
            }

            int c = a.Current.Value.CompareTo(b.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }
}
