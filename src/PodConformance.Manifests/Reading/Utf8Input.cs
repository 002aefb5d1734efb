using System.Globalization;
using System.Text;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// Input bytes to text, refusing invalid UTF-8 with its place instead of turning it into U+FFFD: a manifest, scenario,
/// objects or expectations file that is not UTF-8 is a user error (exit 2), not silently different text. The problems
/// are named as go-yaml v2's reader names them (readerc.go, yaml_parser_update_buffer; gopkg.in/yaml.v2 branch v2 at
/// 7649d45), which is what the API server's YAML decoder (sigs.k8s.io/yaml) answers for the same bytes. A UTF-8 byte
/// order mark is dropped; UTF-16 with a byte order mark is read as UTF-16, as go-yaml and .NET's readers both do.
/// </summary>
public static class Utf8Input
{
    /// <summary>A refusal: where (1-based line, character column), the byte offset, and go-yaml's name for the problem.</summary>
    public sealed record Problem(SourcePosition Position, long Offset, string What, int? Octet)
    {
        /// <summary><c>invalid UTF-8: invalid leading UTF-8 octet 0xFF at byte 41 (save the file as UTF-8)</c>.</summary>
        public string Message =>
            string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8: {What}{(Octet is { } o ? " 0x" + o.ToString("X2", CultureInfo.InvariantCulture) : "")} at byte {Offset} (save the file as UTF-8)");

        /// <summary><c>3:7: invalid UTF-8: …</c>, to follow a file name and a colon.</summary>
        public override string ToString() => Position + ": " + Message;
    }

    private static readonly UTF8Encoding Strict = new(false, true);

    /// <summary>The text of <paramref name="bytes"/>, or null and the first problem.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out Problem? problem)
    {
        problem = null;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var utf16 = bytes[0] == 0xFF ? new UnicodeEncoding(false, true, true) : new UnicodeEncoding(true, true, true);
            try
            {
                return utf16.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                problem = new Problem(new SourcePosition(1, 1), 0, "invalid UTF-16 text", null);
                return null;
            }
        }

        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            bytes = bytes[3..];
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Strict.GetString(bytes);
        }

        problem = Find(bytes);
        return null;
    }

    /// <summary>The first invalid sequence, checked in go-yaml's order (leading octet, completeness, trailing octets, length, range).</summary>
    private static Problem Find(ReadOnlySpan<byte> bytes)
    {
        int line = 1, column = 1, i = 0;
        while (i < bytes.Length)
        {
            byte octet = bytes[i];
            int width = (octet & 0x80) == 0 ? 1 : (octet & 0xE0) == 0xC0 ? 2 : (octet & 0xF0) == 0xE0 ? 3 : (octet & 0xF8) == 0xF0 ? 4 : 0;
            if (width == 0)
            {
                return new Problem(new SourcePosition(line, column), i, "invalid leading UTF-8 octet", octet);
            }

            if (i + width > bytes.Length)
            {
                return new Problem(new SourcePosition(line, column), i, "incomplete UTF-8 octet sequence", null);
            }

            int value = width switch { 1 => octet & 0x7F, 2 => octet & 0x1F, 3 => octet & 0x0F, _ => octet & 0x07 };
            for (int k = 1; k < width; k++)
            {
                byte trailing = bytes[i + k];
                if ((trailing & 0xC0) != 0x80)
                {
                    return new Problem(new SourcePosition(line, column), i + k, "invalid trailing UTF-8 octet", trailing);
                }

                value = (value << 6) + (trailing & 0x3F);
            }

            bool shortest = width == 1 || (width == 2 && value >= 0x80) || (width == 3 && value >= 0x800) || (width == 4 && value >= 0x10000);
            if (!shortest)
            {
                return new Problem(new SourcePosition(line, column), i, "invalid length of a UTF-8 sequence", null);
            }

            if ((value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
            {
                return new Problem(new SourcePosition(line, column), i, "invalid Unicode character", null);
            }

            (line, column) = octet == '\n' ? (line + 1, 1) : (line, column + 1);
            i += width;
        }

        throw new InvalidOperationException("Utf8.IsValid refused text that go-yaml's checks accept");
    }
}
