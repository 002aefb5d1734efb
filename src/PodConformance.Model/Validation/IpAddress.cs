namespace PodConformance.Model.Validation;

/// <summary>
/// The IP parsing behind the legacy IP fields of a Pod (dnsConfig.nameservers, hostAliases[].ip), spec VAL-332:
/// k8s.io/utils/net <c>ParseIPSloppy</c> (a fork of Go 1.15's <c>net.ParseIP</c>: IPv4 octets may carry leading
/// zeros, IPv6 groups any number of hex digits up to 0xFFFF, no zones) and, for StrictIPCIDRValidation, the two
/// things Go's <c>netip.ParseAddr</c> refuses that the sloppy parser accepts.
/// </summary>
/// <remarks>Hand-written scanners over chars (no Regex, no allocation): the model runs on hot paths.</remarks>
public static class IpAddress
{
    /// <summary>What the sloppy parser made of a string.</summary>
    public readonly record struct Parsed(bool Valid, bool HasLeadingZeros, bool IsIPv4MappedIPv6);

    /// <summary>
    /// <c>netutils.ParseIPSloppy(value) != nil</c>, plus whether <c>netip.ParseAddr</c> would reject it for leading zeros
    /// (an IPv4 octet, also inside IPv6, with a leading 0, or an IPv6 group of more than four hex digits) and whether it
    /// is an IPv4-mapped IPv6 address written in IPv6 form (<c>::ffff:1.2.3.4</c>).
    /// </summary>
    public static Parsed ParseSloppy(string s)
    {
        Span<byte> ip = stackalloc byte[16];
        return ParseSloppy(s, ip);
    }

    /// <summary>
    /// <see cref="ParseSloppy(string)"/>, also writing the address to <paramref name="address"/> (16 bytes) as Go's
    /// <c>net.IP</c> holds it: an IPv4 address in its IPv4-mapped IPv6 form (<c>::ffff:a.b.c.d</c>).
    /// </summary>
    public static Parsed ParseSloppy(string s, Span<byte> address)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (address.Length < 16)
        {
            throw new ArgumentException("an IP address needs 16 bytes", nameof(address));
        }

        address[..16].Clear();
        for (int i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '.':
                    if (!ParseIPv4(s, 0, out uint v4, out bool lz))
                    {
                        return default;
                    }

                    address[10] = 0xFF;
                    address[11] = 0xFF;
                    address[12] = (byte)(v4 >> 24);
                    address[13] = (byte)(v4 >> 16);
                    address[14] = (byte)(v4 >> 8);
                    address[15] = (byte)v4;
                    return new Parsed(true, lz, false);
                case ':':
                    return ParseIPv6(s, address);
            }
        }

        return default;
    }

    private const int Big = 0xFFFFFF;

    /// <summary>Go's <c>dtoi</c>: decimal digits from <paramref name="start"/>; fails on none or at 0xFFFFFF.</summary>
    private static bool Dtoi(string s, int start, out int n, out int count)
    {
        n = 0;
        int i = start;
        for (; i < s.Length && s[i] >= '0' && s[i] <= '9'; i++)
        {
            n = (n * 10) + (s[i] - '0');
            if (n >= Big)
            {
                count = i - start;
                return false;
            }
        }

        count = i - start;
        return count != 0;
    }

    /// <summary>Go's <c>xtoi</c>: hex digits from <paramref name="start"/>; fails on none or at 0xFFFFFF.</summary>
    private static bool Xtoi(string s, int start, out int n, out int count)
    {
        n = 0;
        int i = start;
        for (; i < s.Length; i++)
        {
            char c = s[i];
            int d;
            if (c >= '0' && c <= '9')
            {
                d = c - '0';
            }
            else if (c >= 'a' && c <= 'f')
            {
                d = c - 'a' + 10;
            }
            else if (c >= 'A' && c <= 'F')
            {
                d = c - 'A' + 10;
            }
            else
            {
                break;
            }

            n = (n * 16) + d;
            if (n >= Big)
            {
                count = i - start;
                return false;
            }
        }

        count = i - start;
        return count != 0;
    }

    /// <summary>parseIPv4 on the whole rest of <paramref name="s"/> from <paramref name="start"/>: four dotted decimals ≤ 255.</summary>
    private static bool ParseIPv4(string s, int start, out uint address, out bool leadingZeros)
    {
        address = 0;
        leadingZeros = false;
        int pos = start;
        for (int octet = 0; octet < 4; octet++)
        {
            if (pos >= s.Length)
            {
                return false;
            }

            if (octet > 0)
            {
                if (s[pos] != '.')
                {
                    return false;
                }

                pos++;
            }

            if (!Dtoi(s, pos, out int n, out int count) || n > 0xFF)
            {
                return false;
            }

            if (count > 1 && s[pos] == '0')
            {
                leadingZeros = true;
            }

            address = (address << 8) | (uint)n;
            pos += count;
        }

        return pos == s.Length;
    }

    /// <summary>Go 1.15's parseIPv6 (no zone): groups of hex, one <c>::</c>, an optional trailing IPv4 in the last 4 bytes.</summary>
    private static Parsed ParseIPv6(string s, Span<byte> ip)
    {
        int ellipsis = -1;
        int pos = 0;
        bool leadingZeros = false;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            pos = 2;
            if (pos == s.Length)
            {
                return new Parsed(true, false, false);
            }
        }

        int i = 0;
        while (i < 16)
        {
            if (!Xtoi(s, pos, out int n, out int c) || n > 0xFFFF)
            {
                return default;
            }

            if (pos + c < s.Length && s[pos + c] == '.')
            {
                if ((ellipsis < 0 && i != 12) || i + 4 > 16)
                {
                    return default;
                }

                if (!ParseIPv4(s, pos, out uint v4, out bool lz))
                {
                    return default;
                }

                leadingZeros |= lz;
                ip[i] = (byte)(v4 >> 24);
                ip[i + 1] = (byte)(v4 >> 16);
                ip[i + 2] = (byte)(v4 >> 8);
                ip[i + 3] = (byte)v4;
                pos = s.Length;
                i += 4;
                break;
            }

            if (c > 4)
            {
                leadingZeros = true;
            }

            ip[i] = (byte)(n >> 8);
            ip[i + 1] = (byte)n;
            i += 2;
            pos += c;
            if (pos == s.Length)
            {
                break;
            }

            if (s[pos] != ':' || pos + 1 == s.Length)
            {
                return default;
            }

            pos++;
            if (s[pos] == ':')
            {
                if (ellipsis >= 0)
                {
                    return default;
                }

                ellipsis = i;
                pos++;
                if (pos == s.Length)
                {
                    break;
                }
            }
        }

        if (pos != s.Length)
        {
            return default;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return default;
            }

            int shift = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--)
            {
                ip[j + shift] = ip[j];
            }

            for (int j = ellipsis + shift - 1; j >= ellipsis; j--)
            {
                ip[j] = 0;
            }
        }
        else if (ellipsis >= 0)
        {
            return default;
        }

        bool mapped = ip[10] == 0xFF && ip[11] == 0xFF;
        for (int k = 0; k < 10 && mapped; k++)
        {
            mapped = ip[k] == 0;
        }

        return new Parsed(true, leadingZeros, mapped);
    }
}
