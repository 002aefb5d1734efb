using System.Globalization;

namespace PodConformance.Model.Profiles;

/// <summary>A Kubernetes minor release (<c>1.37</c>): the unit semantics change in.</summary>
public readonly record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    public static KubernetesVersion Oldest => new(1, 28);

    public static KubernetesVersion Newest => new(1, 37);

    public int CompareTo(KubernetesVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(KubernetesVersion a, KubernetesVersion b) => a.CompareTo(b) >= 0;

    public bool IsSupported => this >= Oldest && this <= Newest;

    public override string ToString() =>
        Major.ToString(CultureInfo.InvariantCulture) + "." + Minor.ToString(CultureInfo.InvariantCulture);

    /// <summary>Accepts <c>1.NN</c>, <c>v1.NN</c> and <c>1.NN.P</c> (a patch release has its minor's semantics).</summary>
    public static bool TryParse(string? text, out KubernetesVersion version, out string error)
    {
        version = default;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            error = "empty Kubernetes version: expected 1.NN, e.g. 1.37";
            return false;
        }

        var span = text.AsSpan();
        if (span[0] == 'v')
        {
            span = span[1..];
        }

        int firstDot = span.IndexOf('.');
        if (firstDot <= 0)
        {
            error = $"invalid Kubernetes version \"{text}\": expected 1.NN, e.g. 1.37";
            return false;
        }

        var rest = span[(firstDot + 1)..];
        int secondDot = rest.IndexOf('.');
        var minorPart = secondDot < 0 ? rest : rest[..secondDot];
        var patchPart = secondDot < 0 ? [] : rest[(secondDot + 1)..];
        if (!IsDigits(span[..firstDot]) || !IsDigits(minorPart) || (secondDot >= 0 && !IsDigits(patchPart))
            || !int.TryParse(span[..firstDot], NumberStyles.None, CultureInfo.InvariantCulture, out int major)
            || !int.TryParse(minorPart, NumberStyles.None, CultureInfo.InvariantCulture, out int minor))
        {
            error = $"invalid Kubernetes version \"{text}\": expected 1.NN, e.g. 1.37";
            return false;
        }

        // A number written with a leading zero (1.037) would read as 1.37, a release nobody writes that way: more likely a typo
        // than a request, so it is refused wherever a version is read (command line, files, the protocol), PROF-001.
        var zeroed = HasLeadingZero(span[..firstDot]) ? span[..firstDot] : HasLeadingZero(minorPart) ? minorPart : HasLeadingZero(patchPart) ? patchPart : [];
        if (!zeroed.IsEmpty)
        {
            error = $"invalid Kubernetes version \"{text}\": {zeroed} has a leading zero; supported versions are {Oldest} to {Newest}";
            return false;
        }

        version = new KubernetesVersion(major, minor);
        if (!version.IsSupported)
        {
            error = $"unsupported Kubernetes version \"{text}\": supported versions are {Oldest} to {Newest}";
            return false;
        }

        return true;
    }

    private static bool HasLeadingZero(ReadOnlySpan<char> digits) => digits.Length > 1 && digits[0] == '0';

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
