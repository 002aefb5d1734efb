using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Warnings;

/// <summary>
/// WARN-029 (1.33+): IP addresses in the legacy fields (dnsConfig nameservers, then hostAliases ips) written in a form
/// a future release will refuse or in a non-canonical IPv6 form: apimachinery <c>validation.GetWarningsForIP</c>
/// (pkg/util/validation/ip.go, identical in the 1.33 and 1.34 vendored copies; absent from 1.32's warnings.go).
/// </summary>
public static partial class PodWarnings
{
    private static readonly KubernetesVersion IpWarningsSince = new(1, 33);

    private static void NonStandardIps(PodSpec spec, Profile profile, ref List<PodWarning>? warnings)
    {
        if (profile.Version < IpWarningsSince)
        {
            return;
        }

        if (spec.DNSConfig is { } dns)
        {
            var servers = dns.Nameservers.AsSpan();
            for (int i = 0; i < servers.Length; i++)
            {
                IpWarning("spec.dnsConfig.nameservers[", i, "]", servers[i], ref warnings);
            }
        }

        var aliases = spec.HostAliases.AsSpan();
        for (int i = 0; i < aliases.Length; i++)
        {
            IpWarning("spec.hostAliases[", i, "].ip", aliases[i].IP, ref warnings);
        }
    }

    /// <summary>
    /// GetWarningsForIP: nothing for what <c>ParseIPSloppy</c> refuses (validation reported it); leading zeros or an
    /// IPv4-mapped IPv6 address (what <c>netip.ParseAddr</c> refuses or calls Is4In6) → use the <c>net.IP</c> form;
    /// an IPv6 address that <c>netip.Addr.String()</c> writes differently → the RFC 5952 form.
    /// </summary>
    private static void IpWarning(string head, int index, string tail, string value, ref List<PodWarning>? warnings)
    {
        Span<byte> ip = stackalloc byte[16];
        var parsed = IpAddress.ParseSloppy(value, ip);
        if (!parsed.Valid)
        {
            return;
        }

        if (parsed.HasLeadingZeros || parsed.IsIPv4MappedIPv6)
        {
            Add(ref warnings, NonStandardIpAddress, head + Invariant(index) + tail + ": non-standard IP address " + GoQuote.Quote(value)
                + " will be considered invalid in a future Kubernetes release: use " + GoQuote.Quote(GoIpString(ip, mappedAsIPv4: true)));
            return;
        }

        if (value.Contains(':', StringComparison.Ordinal) && !IsCanonicalIPv6(value, ip))
        {
            Add(ref warnings, NonStandardIpAddress, head + Invariant(index) + tail + ": IPv6 address " + GoQuote.Quote(value)
                + " should be in RFC 5952 canonical format (" + GoQuote.Quote(GoIpString(ip, mappedAsIPv4: false)) + ")");
        }
    }

    /// <summary>Whether <paramref name="value"/> is exactly what <see cref="GoIpString"/> writes, compared without building it.</summary>
    private static bool IsCanonicalIPv6(string value, ReadOnlySpan<byte> ip)
    {
        Span<char> buffer = stackalloc char[64];
        int n = FormatIPv6(ip, buffer);
        return value.AsSpan().SequenceEqual(buffer[..n]);
    }

    /// <summary>
    /// Go's text of a 16-byte address: <c>net.IP.String()</c> writes an IPv4-mapped one dotted (<paramref name="mappedAsIPv4"/>);
    /// otherwise both it and <c>netip.Addr.String()</c> write lower-case hex groups without leading zeros, the first
    /// longest run of two or more zero groups as <c>::</c>.
    /// </summary>
    private static string GoIpString(ReadOnlySpan<byte> ip, bool mappedAsIPv4)
    {
        bool mapped = ip[10] == 0xFF && ip[11] == 0xFF;
        for (int k = 0; k < 10 && mapped; k++)
        {
            mapped = ip[k] == 0;
        }

        if (mapped && mappedAsIPv4)
        {
            return Invariant(ip[12]) + "." + Invariant(ip[13]) + "." + Invariant(ip[14]) + "." + Invariant(ip[15]);
        }

        Span<char> buffer = stackalloc char[64];
        int n = FormatIPv6(ip, buffer);
        return new string(buffer[..n]);
    }

    private static int FormatIPv6(ReadOnlySpan<byte> ip, Span<char> into)
    {
        int bestStart = -1;
        int bestEnd = -1;
        for (int i = 0; i < 16; i += 2)
        {
            int j = i;
            while (j < 16 && ip[j] == 0 && ip[j + 1] == 0)
            {
                j += 2;
            }

            if (j > i && j - i > bestEnd - bestStart)
            {
                bestStart = i;
                bestEnd = j;
                i = j;
            }
        }

        if (bestEnd - bestStart <= 2)
        {
            bestStart = -1;
            bestEnd = -1;
        }

        int n = 0;
        for (int i = 0; i < 16; i += 2)
        {
            if (i == bestStart)
            {
                into[n++] = ':';
                into[n++] = ':';
                i = bestEnd;
                if (i >= 16)
                {
                    break;
                }
            }
            else if (i > 0)
            {
                into[n++] = ':';
            }

            int group = (ip[i] << 8) | ip[i + 1];
            bool started = false;
            for (int shift = 12; shift >= 0; shift -= 4)
            {
                int d = (group >> shift) & 0xF;
                if (d != 0 || started || shift == 0)
                {
                    into[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
                    started = true;
                }
            }
        }

        return n;
    }
}
