namespace PodConformance.Model.Validation;

/// <summary>The kernel namespace a sysctl belongs to (component-helpers node/util/sysctl <c>Namespace</c>).</summary>
public enum SysctlNamespace
{
    Unknown,
    Ipc,
    Net,
}

/// <summary>
/// Sysctl names: <c>IsValidSysctlName</c> of pkg/apis/core/validation (VAL-203) and <c>GetNamespace</c> of
/// k8s.io/component-helpers/node/util/sysctl (VAL-204), hand-written instead of Go's regular expression.
/// </summary>
public static class SysctlNames
{
    public const int MaxLength = 253;

    /// <summary>The detail upstream prints: the regexp's source text with its anchors.</summary>
    public const string InvalidMessage = @"must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";

    /// <summary>
    /// <c>^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$</c>, at most 253 bytes: segments of
    /// <c>[-_a-z0-9]</c> that start and end with <c>[a-z0-9]</c>, separated by single <c>.</c> or <c>/</c>.
    /// </summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || name.Length > MaxLength)
        {
            return false;
        }

        int segmentStart = 0;
        for (int i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || name[i] is '.' or '/')
            {
                if (!IsSegment(name, segmentStart, i))
                {
                    return false;
                }

                segmentStart = i + 1;
            }
            else if (!IsSegmentChar(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSegment(string s, int start, int end) =>
        end > start && IsAlnum(s[start]) && IsAlnum(s[end - 1]);

    private static bool IsSegmentChar(char c) => IsAlnum(c) || c is '-' or '_';

    private static bool IsAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    /// <summary>
    /// GetNamespace: the name is normalised to dot separators (NormalizeName swaps <c>.</c> and <c>/</c> when the first
    /// separator is a slash), cut at the first <c>*</c>, then looked up: exact IPC names (kernel.sem, kernel.shm*,
    /// kernel.msg* listed ones), or the prefixes <c>net.</c> (Net) and <c>fs.mqueue.</c> (IPC).
    /// </summary>
    public static SysctlNamespace NamespaceOf(string sysctl)
    {
        string name = Normalize(sysctl);
        int star = name.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            name = name[..star];
        }

        switch (name)
        {
            case "kernel.sem":
            case "kernel.shmall":
            case "kernel.shmmax":
            case "kernel.shmmni":
            case "kernel.shm_rmid_forced":
            case "kernel.shm":
            case "kernel.msgmax":
            case "kernel.msgmnb":
            case "kernel.msgmni":
            case "kernel.msg":
                return SysctlNamespace.Ipc;
        }

        if (name.StartsWith("net.", StringComparison.Ordinal))
        {
            return SysctlNamespace.Net;
        }

        return name.StartsWith("fs.mqueue.", StringComparison.Ordinal) ? SysctlNamespace.Ipc : SysctlNamespace.Unknown;
    }

    /// <summary>NormalizeName: <c>net/ipv4/conf/eno2.100/rp_filter</c> becomes <c>net.ipv4.conf.eno2/100.rp_filter</c>.</summary>
    public static string Normalize(string name)
    {
        int first = name.AsSpan().IndexOfAny('.', '/');
        if (first < 0 || name[first] == '.')
        {
            return name;
        }

        return string.Create(name.Length, name, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '.' => '/',
                    '/' => '.',
                    var c => c,
                };
            }
        });
    }
}
