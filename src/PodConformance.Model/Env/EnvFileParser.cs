using System.Globalization;
using PodConformance.Model.Validation;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// The kubelet's <c>ParseEnv(envFilePath, key)</c> (<c>pkg/kubelet/util/env/env_util.go</c>) over a file's text: the value
/// of the first line that defines the key, or <c>""</c> when none does, or the parser's error. Lines after
/// the one that defines the key are never read, so their errors do not count. The kubelet reports any error as the bare
/// <c>couldn't parse env file</c> (ENV-016); the parser's own text is kept for explain output and the tests.
/// </summary>
public static class EnvFileParser
{
    private const string Invalid = "invalid environment variable format";

    /// <summary>The parser of a release: 1.34's (ENV-017) before 1.35, the single-quoted one (ENV-018) from 1.35.</summary>
    public static EnvFileSyntax SyntaxFor(Profiles.KubernetesVersion version) =>
        version < new Profiles.KubernetesVersion(1, 35) ? EnvFileSyntax.Dotenv : EnvFileSyntax.SingleQuoted;

    /// <summary>
    /// Parses <paramref name="content"/> for <paramref name="key"/>: true with the value (<c>""</c> for a key not
    /// defined, as upstream), or false with <paramref name="error"/>, the parser's message naming <paramref name="path"/>
    /// where upstream does.
    /// </summary>
    public static bool TryParse(string content, string key, EnvFileSyntax syntax, string path, out string value, out string? error)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(path);
        var lines = new EnvFileLines(content);
        error = syntax == EnvFileSyntax.Dotenv ? ParseDotenv(lines, key, out value) : ParseSingleQuoted(lines, key, out value);
        if (error is null && lines.TooLong)
        {
            error = "error reading environment variable file " + GoQuote.Quote(path) + ": " + EnvFileLines.TooLongError;
        }

        if (error is not null)
        {
            value = "";
            return false;
        }

        return true;
    }

    /// <summary>
    /// ENV-017 (1.34): leading spaces and tabs ignored; blank lines and lines starting with <c>#</c> skipped (an error
    /// inside a continuation); a line ending in <c>\</c> continues on the next, joined with one space; <c>NAME=VALUE</c>
    /// with the name and value trimmed of Go's white space (the value's end of spaces and tabs too); no <c>=</c> or an empty
    /// name is an error; the first matching name wins. Quotes and <c>#</c> after a value are part of the value.
    /// </summary>
    private static string? ParseDotenv(EnvFileLines lines, string key, out string value)
    {
        value = "";
        string current = "";
        bool continuing = false;
        int lineNumber = 0;
        while (lines.Scan(out string raw))
        {
            lineNumber++;
            string line = raw.TrimStart(' ', '\t');
            if (line.Length == 0 || line[0] == '#')
            {
                if (continuing)
                {
                    return Invalid + " at line " + Number(lineNumber) + (line.Length == 0 ? ": blank line in continuation" : ": comment in continuation");
                }

                continue;
            }

            string trimmed = line.TrimEnd(' ', '\t');
            bool continues = trimmed.EndsWith('\\');
            string piece = continues ? trimmed[..^1].TrimEnd(' ', '\t') : trimmed;
            if (continuing)
            {
                current += " " + piece;
                if (continues)
                {
                    continue;
                }

                line = current;
                continuing = false;
                current = "";
            }
            else if (continues)
            {
                current = piece;
                continuing = true;
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return Invalid + " at line " + Number(lineNumber);
            }

            string name = GoTrimSpace(line[..eq]);
            if (name.Length == 0)
            {
                return Invalid + " at line " + Number(lineNumber);
            }

            if (string.Equals(name, key, StringComparison.Ordinal))
            {
                value = GoTrimSpace(line[(eq + 1)..]).TrimEnd(' ', '\t');
                return null;
            }
        }

        return continuing ? "unexpected end of file: unfinished line continuation" : null;
    }

    /// <summary>
    /// ENV-018 (1.35 on): leading spaces and tabs ignored; blank and <c>#</c> lines skipped; <c>NAME='VALUE'</c> with no
    /// white space before <c>=</c>; white space after <c>=</c> is an empty assignment (the rest of the line unread); the
    /// value is everything up to the next <c>'</c>, across lines (joined by <c>\n</c>), taken literally; after the closing
    /// quote only spaces, tabs and a <c>#</c> comment may follow. Errors name the line.
    /// </summary>
    private static string? ParseSingleQuoted(EnvFileLines lines, string key, out string value)
    {
        value = "";
        int lineNumber = 0;
        while (lines.Scan(out string raw))
        {
            lineNumber++;
            string line = raw.TrimStart(' ', '\t');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return At(lineNumber, "missing '='");
            }

            string namePart = line[..eq];
            string name = namePart.TrimEnd(' ', '\t');
            if (name.Length == 0)
            {
                return At(lineNumber, "empty variable name");
            }

            if (name.Length != namePart.Length)
            {
                return At(lineNumber, "whitespace before '=' is not allowed");
            }

            string valuePart = line[(eq + 1)..];
            string rest = valuePart.TrimStart(' ', '\t');
            bool matches = string.Equals(name, key, StringComparison.Ordinal);
            if (rest.Length != valuePart.Length)
            {
                // KEY= 'v' assigns the empty string in a POSIX shell (and runs 'v' as a command): the parser reads no further.
                if (matches)
                {
                    return null;
                }

                continue;
            }

            if (rest.Length == 0 || rest[0] != '\'')
            {
                return At(lineNumber, "value must be enclosed in single quotes");
            }

            rest = rest[1..];
            int startLine = lineNumber;
            var text = new System.Text.StringBuilder();
            while (true)
            {
                int close = rest.IndexOf('\'', StringComparison.Ordinal);
                if (close >= 0)
                {
                    text.Append(rest, 0, close);
                    string after = rest[(close + 1)..].TrimStart(' ', '\t');
                    if (after.Length != 0 && after[0] != '#')
                    {
                        return At(lineNumber, "unexpected content after closing quote");
                    }

                    if (matches)
                    {
                        value = text.ToString();
                        return null;
                    }

                    break;
                }

                text.Append(rest).Append('\n');
                if (!lines.Scan(out rest))
                {
                    return Invalid + " starting at line " + Number(startLine) + ": unclosed single quote";
                }

                lineNumber++;
            }
        }

        return null;
    }

    private static string At(int line, string what) => Invalid + " at line " + Number(line) + ": " + what;

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Go's <c>strings.TrimSpace</c>: Unicode white space (unicode.IsSpace, which .NET's char.IsWhiteSpace matches for the BMP) at both ends.</summary>
    private static string GoTrimSpace(string s) => s.Trim();
}
