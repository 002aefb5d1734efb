namespace PodConformance.Manifests.Writing;

/// <summary>
/// The order <c>kubectl get -o yaml</c> prints mapping keys in: go-yaml v2's keyList.Less, since kubectl
/// converts the JSON object to a Go map and go-yaml sorts map keys. Runs of digits compare as numbers and,
/// where exactly one side is a letter, the non-letter sorts first.
/// </summary>
internal sealed class KubectlKeyOrder : IComparer<string>
{
    public static KubectlKeyOrder Instance { get; } = new();

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

        if (Less(x, y))
        {
            return -1;
        }

        return Less(y, x) ? 1 : string.CompareOrdinal(x, y);
    }

    private static bool Less(string a, string b)
    {
        for (int i = 0; i < a.Length && i < b.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            bool al = char.IsLetter(a[i]);
            bool bl = char.IsLetter(b[i]);
            if (al && bl)
            {
                return a[i] < b[i];
            }

            if (al || bl)
            {
                return bl;
            }

            long an = 0, bn = 0;
            if (a[i] == '0' || b[i] == '0')
            {
                for (int j = i - 1; j >= 0 && char.IsAsciiDigit(a[j]); j--)
                {
                    if (a[j] != '0')
                    {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }

            int ai = i, bi = i;
            for (; ai < a.Length && char.IsAsciiDigit(a[ai]); ai++)
            {
                an = (an * 10) + (a[ai] - '0');
            }

            for (; bi < b.Length && char.IsAsciiDigit(b[bi]); bi++)
            {
                bn = (bn * 10) + (b[bi] - '0');
            }

            if (an != bn)
            {
                return an < bn;
            }

            if (ai != bi)
            {
                return ai < bi;
            }

            return a[i] < b[i];
        }

        return a.Length < b.Length;
    }
}
