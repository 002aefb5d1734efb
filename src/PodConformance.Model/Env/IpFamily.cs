using System.Net;
using System.Net.Sockets;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// k8s.io/utils/net <c>IsIPv4String</c> / <c>IsIPv6String</c> over <c>ParseIPSloppy</c>: dotted quads may carry
/// leading zeros; an IPv4-mapped IPv6 address counts as IPv4 (Go's <c>To4</c>); zones are not IPs.
/// </summary>
public static class IpFamily
{
    public static bool IsIPv4(string text) => TryParse(text, out bool v4) && v4;

    public static bool IsIPv6(string text) => TryParse(text, out bool v4) && !v4;

    private static bool TryParse(string text, out bool isV4)
    {
        isV4 = false;
        if (text.Length == 0)
        {
            return false;
        }

        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.Contains('%', StringComparison.Ordinal) || text.Contains('[', StringComparison.Ordinal)
                || !IPAddress.TryParse(text, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }

            isV4 = address.IsIPv4MappedToIPv6;
            return true;
        }

        isV4 = IsDottedQuad(text);
        return isV4;
    }

    private static bool IsDottedQuad(string s)
    {
        int fields = 0;
        int i = 0;
        while (fields < 4)
        {
            if (fields > 0)
            {
                if (i >= s.Length || s[i] != '.')
                {
                    return false;
                }

                i++;
            }

            int n = 0;
            int start = i;
            while (i < s.Length && s[i] is >= '0' and <= '9')
            {
                n = (n * 10) + (s[i] - '0');
                if (n > 0xFF)
                {
                    return false;
                }

                i++;
            }

            if (i == start)
            {
                return false;
            }

            fields++;
        }

        return i == s.Length;
    }
}
