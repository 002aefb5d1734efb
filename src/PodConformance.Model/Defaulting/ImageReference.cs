namespace PodConformance.Model.Defaulting;

/// <summary>
/// Just enough of the container image reference grammar (github.com/distribution/reference, as used by
/// kubernetes pkg/util/parsers.ParseImageName) to decide the one thing defaulting needs: the tag.
/// ParseImageName reports tag "latest" for a valid reference with neither tag nor digest, and no tag at
/// all when the reference does not parse.
/// </summary>
public static class ImageReference
{
    private const int NameTotalLengthMax = 255;

    /// <summary>The tag ParseImageName would report, or null when the reference is invalid (an error there).</summary>
    public static string? ParseTag(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        Span<char> scratch = image.Length <= 512 ? stackalloc char[image.Length + 32] : new char[image.Length + 32];
        return Parse(image, scratch, out var tag) switch
        {
            TagKind.Explicit => scratch[tag].ToString(),
            TagKind.Latest => "latest",
            TagKind.DigestOnly => "",
            _ => null,
        };
    }

    /// <summary>
    /// <c>ParseTag(image) == "latest"</c> without building a string: the question imagePullPolicy defaulting asks of
    /// every container.
    /// </summary>
    public static bool HasLatestTag(string image)
    {
        ArgumentNullException.ThrowIfNull(image);

        // Most images name a tag other than "latest" (nginx:1.25, registry.example.com/app:1.0). Normalisation only puts
        // a domain and '/' in front, so the tag the full parse would see (after the last ':' that follows the last '/',
        // before any '@') is already visible here; when it is not "latest" the answer is false whether or not the rest
        // parses (an invalid reference has no tag either), and the full parse can be skipped.
        var nameAndTag = image.AsSpan();
        int at = nameAndTag.IndexOf('@');
        if (at >= 0)
        {
            nameAndTag = nameAndTag[..at];
        }

        int tagColon = nameAndTag.LastIndexOf(':');
        if (tagColon > nameAndTag.LastIndexOf('/') && !nameAndTag[(tagColon + 1)..].SequenceEqual("latest"))
        {
            return false;
        }

        Span<char> scratch = image.Length <= 512 ? stackalloc char[image.Length + 32] : new char[image.Length + 32];
        return Parse(image, scratch, out var tag) switch
        {
            TagKind.Explicit => scratch[tag].SequenceEqual("latest"),
            TagKind.Latest => true,
            _ => false,
        };
    }

    private enum TagKind
    {
        Invalid,
        Explicit,
        Latest,
        DigestOnly,
    }

    /// <summary>ParseImageName's normalisation (into <paramref name="scratch"/>) and match; an explicit tag is <c>scratch[tag]</c>.</summary>
    private static TagKind Parse(string image, Span<char> scratch, out Range tag)
    {
        tag = default;
        if (image.Length == 0 || IsHex64(image))
        {
            return TagKind.Invalid;
        }

        // splitDockerDomain: a first component with '.' or ':', or "localhost", or any upper case is a domain.
        int slash = image.IndexOf('/', StringComparison.Ordinal);
        ReadOnlySpan<char> domain;
        ReadOnlySpan<char> remainder;
        if (slash < 0 || !IsDomainLike(image.AsSpan(0, slash)))
        {
            domain = "docker.io";
            remainder = image;
        }
        else
        {
            domain = image.AsSpan(0, slash);
            remainder = image.AsSpan(slash + 1);
        }

        if (domain.SequenceEqual("index.docker.io"))
        {
            domain = "docker.io";
        }

        bool library = domain.SequenceEqual("docker.io") && !remainder.Contains('/');

        // The remote name (before any ':') must be lower case; "library/" adds none.
        int colon = remainder.IndexOf(':');
        var remoteName = colon >= 0 ? remainder[..colon] : remainder;
        foreach (char c in remoteName)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return TagKind.Invalid;
            }
        }

        // domain + "/" + ["library/"] + remainder
        int n = 0;
        domain.CopyTo(scratch);
        n += domain.Length;
        scratch[n++] = '/';
        if (library)
        {
            "library/".CopyTo(scratch[n..]);
            n += "library/".Length;
        }

        remainder.CopyTo(scratch[n..]);
        n += remainder.Length;
        return ParseFull(scratch[..n], out tag);
    }

    private static bool IsDomainLike(ReadOnlySpan<char> first)
    {
        if (first.IndexOfAny('.', ':') >= 0 || first.SequenceEqual("localhost"))
        {
            return true;
        }

        foreach (char c in first)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Matches <c>name[:tag][@digest]</c> and says which tag is effective (an explicit one at <paramref name="tag"/>).</summary>
    private static TagKind ParseFull(ReadOnlySpan<char> s, out Range tag)
    {
        tag = default;
        int at = s.IndexOf('@');
        var nameAndTag = at >= 0 ? s[..at] : s;
        var digest = at >= 0 ? s[(at + 1)..] : [];
        if (at >= 0 && !IsValidDigest(digest))
        {
            return TagKind.Invalid;
        }

        // The tag is after the last ':' that follows the last '/', since a domain may carry a port.
        int lastSlash = nameAndTag.LastIndexOf('/');
        int tagColon = nameAndTag.LastIndexOf(':');
        ReadOnlySpan<char> name = nameAndTag;
        bool hasTag = false;
        if (tagColon > lastSlash)
        {
            name = nameAndTag[..tagColon];
            tag = new Range(tagColon + 1, nameAndTag.Length);
            hasTag = true;
            if (!IsValidTag(nameAndTag[(tagColon + 1)..]))
            {
                return TagKind.Invalid;
            }
        }

        if (!IsValidName(name) || name.Length > NameTotalLengthMax)
        {
            return TagKind.Invalid;
        }

        if (hasTag)
        {
            return TagKind.Explicit;
        }

        return at >= 0 ? TagKind.DigestOnly : TagKind.Latest;
    }

    private static bool IsValidName(ReadOnlySpan<char> name)
    {
        // name := [domain '/'] path-component ('/' path-component)*; after normalisation a domain is always present.
        int slash = name.IndexOf('/');
        if (slash <= 0 || !IsValidDomain(name[..slash]))
        {
            return false;
        }

        var path = name[(slash + 1)..];
        if (path.IsEmpty)
        {
            return false;
        }

        foreach (var range in path.Split('/'))
        {
            if (!IsPathComponent(path[range]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>host[:port], host = DNS-ish components joined by '.', or a bracketed IPv6 address.</summary>
    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        var host = domain;
        if (domain.Length > 0 && domain[0] == '[')
        {
            int close = domain.IndexOf(']');
            if (close < 2)
            {
                return false;
            }

            foreach (char c in domain[1..close])
            {
                if (!(char.IsAsciiHexDigit(c) || c == ':'))
                {
                    return false;
                }
            }

            return IsOptionalPort(domain[(close + 1)..]);
        }

        int colon = domain.IndexOf(':');
        if (colon >= 0)
        {
            host = domain[..colon];
            if (!IsOptionalPort(domain[colon..]))
            {
                return false;
            }
        }

        if (host.IsEmpty)
        {
            return false;
        }

        foreach (var range in host.Split('.'))
        {
            var part = host[range];
            if (part.IsEmpty || part[0] == '-' || part[^1] == '-')
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsOptionalPort(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return true;
        }

        if (s[0] != ':' || s.Length < 2)
        {
            return false;
        }

        foreach (char c in s[1..])
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>[a-z0-9]+ ( ( [._] | __ | -+ ) [a-z0-9]+ )*</summary>
    private static bool IsPathComponent(ReadOnlySpan<char> s)
    {
        int i = 0;
        if (!ReadAlnum(s, ref i))
        {
            return false;
        }

        while (i < s.Length)
        {
            char c = s[i];
            if (c == '.' || (c == '_' && (i + 1 >= s.Length || s[i + 1] != '_')))
            {
                i++;
            }
            else if (c == '_')
            {
                i += 2;
            }
            else if (c == '-')
            {
                while (i < s.Length && s[i] == '-')
                {
                    i++;
                }
            }
            else
            {
                return false;
            }

            if (!ReadAlnum(s, ref i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ReadAlnum(ReadOnlySpan<char> s, ref int i)
    {
        int start = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is >= 'a' and <= 'z'))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>[\w][\w.-]{0,127}</summary>
    private static bool IsValidTag(ReadOnlySpan<char> tag)
    {
        if (tag.IsEmpty || tag.Length > 128 || !IsWord(tag[0]))
        {
            return false;
        }

        foreach (char c in tag[1..])
        {
            if (!(IsWord(c) || c == '.' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWord(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>
    /// algorithm ':' hex, where the algorithm must be one go-digest knows (sha256, sha384, sha512) and the
    /// encoded part must be lower-case hex of that algorithm's length.
    /// </summary>
    private static bool IsValidDigest(ReadOnlySpan<char> digest)
    {
        int colon = digest.IndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        var alg = digest[..colon];
        var hex = digest[(colon + 1)..];
        int expected = alg switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => -1,
        };
        if (expected < 0 || hex.Length != expected)
        {
            return false;
        }

        foreach (char c in hex)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex64(string s)
    {
        if (s.Length != 64)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!(char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
