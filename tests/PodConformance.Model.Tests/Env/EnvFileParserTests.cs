using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// ENV-017 / ENV-018: <see cref="EnvFileParser"/> against kubernetes/kubernetes pkg/kubelet/util/env/env_util_test.go
/// TestParseEnv. The 1.34 table is the copy at 030880a5dc5449403c6d1f0aa146a7dc21d6c6dc (the <c>KEY=value</c> parser of
/// PR #132626); the 1.35+ table the copy at fa7ba8e2f963aad48acbd0aee416f9743af443f5 (the single-quoted parser of PR
/// #134414). Upstream asserts an error by a substring (<c>errContains</c>); each row carries that substring, and the
/// exact message the parser's code builds where upstream gives none.
/// </summary>
public class EnvFileParserTests
{
    private const string Path = "/var/lib/kubelet/pods/u/volumes/kubernetes.io~empty-dir/v/f.env";

    /// <summary>Row: name, content, key, expected value (null: an error), the error substring upstream asserts.</summary>
    public static TheoryData<string, string, string, string?, string> Dotenv134 => new()
    {
        { "ignore leading whitespace", "   KEY1=val1\n\t\tKEY2=val2\nKEY3=val3\n", "KEY2", "val2", "" },
        { "ignore blank and comment lines", "# comment\n\nKEY1=foo\n   # another comment\n\t\nKEY2=bar\n", "KEY2", "bar", "" },
        { "whitespace around = and trailing", "KEY1 = val1   \nKEY2=   val2\t\nKEY3=val3   \t\n", "KEY2", "val2", "" },
        { "continuation line with \\", "KEY1=foo \\\nbar \\\nbaz\nKEY2=val2\n", "KEY1", "foo bar baz", "" },
        { "continuation with whitespace and comment", "KEY1=foo \\\n  bar\n# comment\nKEY2=val2\n", "KEY1", "foo bar", "" },
        { "invalid line triggers error with line number", "KEY1=foo\nINVALID_LINE\nKEY2=bar\n", "KEY2", null, "at line 2" },
        { "unfinished continuation triggers error", "KEY1=foo \\\nbar \\\n", "KEY1", null, "unfinished line continuation" },
        { "key not found returns empty", "KEY1=foo\nKEY2=bar\n", "KEY3", "", "" },
        { "value with embedded #", "KEY1=foo#notcomment\nKEY2=bar\n", "KEY1", "foo#notcomment", "" },
        { "key with trailing whitespace", "KEY1 =foo\nKEY2=bar\n", "KEY1", "foo", "" },
        { "value with leading and trailing whitespace", "KEY1=   foo bar   \nKEY2=bar\n", "KEY1", "foo bar", "" },
        { "multiple comments and blank lines", "# first comment\n\n# second comment\nKEY1=foo\n\n# third comment\nKEY2=bar\n", "KEY2", "bar", "" },
        { "continuation with blank line in between (should error)", "KEY1=foo \\\n\nbar\n", "KEY1", null, "invalid environment variable format" },
        { "continuation with comment in between (should error)", "KEY1=foo \\\n# comment\nbar\n", "KEY1", null, "invalid environment variable format" },
        { "empty value", "KEY1=foo\nKEY2=\nKEY3=bar\n", "KEY2", "", "" },
        { "value with only spaces", "KEY1=foo\nKEY2=   \nKEY3=bar\n", "KEY2", "", "" },
        { "key is empty (should error)", "=foo\nKEY2=bar\n", "KEY2", null, "invalid environment variable format" },
        { "multiple = in value", "KEY1=foo=bar=baz\nKEY2=bar\n", "KEY1", "foo=bar=baz", "" },
        { "continuation with trailing spaces", "KEY1=foo   \\\n  bar   \\\n  baz   \nKEY2=bar\n", "KEY1", "foo bar baz", "" },
        { "comment after key value pair", "KEY1=foo\nKEY2=bar # comment\n", "KEY2", "bar # comment", "" },
        { "blank line in continuation triggers error with line number", "KEY1=foo \\\n\nbar=val", "bar", null, "at line 2" },
        { "comment in continuation triggers error with line number", "KEY1=foo \\\n# comment\nbar=val", "bar", null, "at line 2" },
        { "missing key triggers error with line number", "=foo\nKEY2=bar", "KEY2", null, "at line 1" },
        { "value contains $VAR, should not expand", "KEY1=$VAR\nKEY2=bar", "KEY1", "$VAR", "" },
        { "value contains ${VAR}, should not expand", "KEY1=${VAR}\nKEY2=bar", "KEY1", "${VAR}", "" },
        { "value contains $HOME, should not expand", "KEY1=$HOME\nKEY2=bar", "KEY1", "$HOME", "" },
        { "value contains mixed shell variable syntax, should not expand", "KEY1=foo$BAR-${HOME}_$\nKEY2=bar", "KEY1", "foo$BAR-${HOME}_$", "" },
    };

    public static TheoryData<string, string, string, string?, string> SingleQuoted135 => new()
    {
        { "ignore leading whitespace", "   KEY1='val1'\n\t\tKEY2='val2'\nKEY3='val3'\n", "KEY2", "val2", "" },
        { "ignore blank and comment lines", "# comment\n\nKEY1='foo'\n   # another comment\n\nKEY2='bar'\n", "KEY2", "bar", "" },
        { "whitespace around = and not allowed", "KEY1 = 'val1'\nKEY2=   'val2'\nKEY3='val3'\n", "KEY2", null, "whitespace before '=' is not allowed" },
        { "key not found returns empty", "KEY1='foo'\nKEY2='bar'\n", "KEY3", "", "" },
        { "value with embedded #", "KEY1='foo#notcomment'\nKEY2='bar'\n", "KEY1", "foo#notcomment", "" },
        { "key with whitespace (should error)", "KEY1 ='foo'\nKEY2='bar'\n", "KEY1", null, "whitespace before '=' is not allowed" },
        { "value with leading and trailing whitespace", "KEY1='   foo bar   '\nKEY2='bar'\n", "KEY1", "   foo bar   ", "" },
        { "multiple comments and blank lines", "# first comment\n\n# second comment\nKEY1='foo'\n\n# third comment\nKEY2='bar'\n", "KEY2", "bar", "" },
        { "empty value", "KEY1='foo'\nKEY2=''\nKEY3='bar'\n", "KEY2", "", "" },
        { "key is empty (should error)", "='foo'\nKEY2='bar'\n", "KEY2", null, "invalid environment variable format" },
        { "multiple = in value", "KEY1='foo=bar=baz'\nKEY2='bar'\n", "KEY1", "foo=bar=baz", "" },
        { "comment after key value pair", "KEY1='foo'\nKEY2='bar' # comment\n", "KEY2", "bar", "" },
        { "missing key triggers error with line number", "='foo'\nKEY2='bar'", "KEY2", null, "at line 1" },
        { "value contains $VAR, should not expand", "KEY1='$VAR'\nKEY2='bar'", "KEY1", "$VAR", "" },
        { "value contains ${VAR}, should not expand", "KEY1='${VAR}'\nKEY2='bar'", "KEY1", "${VAR}", "" },
        { "value contains $HOME, should not expand", "KEY1='$HOME'\nKEY2='bar'", "KEY1", "$HOME", "" },
        { "value contains mixed shell variable syntax, should not expand", "KEY1='foo$BAR-${HOME}_$'\nKEY2='bar'", "KEY1", "foo$BAR-${HOME}_$", "" },
        { "invalid line triggers error with line number", "KEY1='foo'\nINVALID_LINE\nKEY2='bar'\n", "KEY2", null, "at line 2" },
        { "unquoted value triggers error", "KEY1='foo'\nKEY2=bar\nKEY3='baz'\n", "KEY2", null, "value must be enclosed in single quotes" },
        { "double quoted value triggers error", "KEY1='foo'\nKEY2=\"bar\"\nKEY3='baz'\n", "KEY2", null, "value must be enclosed in single quotes" },
        { "value with multiple adjacent quoted strings", "KEY1='foo''bar'", "KEY1", null, "unexpected content after closing quote" },
        { "unclosed single quote triggers error", "KEY1='foo'\nKEY2='bar\nKEY3='baz'\n", "KEY2", null, "unexpected content after closing quote" },
        { "content after closing quote triggers error", "KEY1='foo'\nKEY2='bar'baz\nKEY3='baz'\n", "KEY2", null, "unexpected content after closing quote" },
        { "empty quotes preserve literal content", "KEY1=''\nKEY2='   '\nKEY3='bar'\n", "KEY1", "", "" },
        { "quotes preserve all literal content including spaces", "KEY1='  foo  bar  '\nKEY2='bar'\n", "KEY1", "  foo  bar  ", "" },
        { "special characters in value", "KEY1='!@#$%^&*()_+-=[]{}|;:,.<>?/'\nKEY2='bar'\n", "KEY1", "!@#$%^&*()_+-=[]{}|;:,.<>?/", "" },
        { "newlines and tabs in value", "KEY1='line1\\nline2\\tline3'\nKEY2='bar'\n", "KEY1", "line1\\nline2\\tline3", "" },
        { "unicode characters in value", "KEY1='中文 Español Français 🌍'\nKEY2='bar'\n", "KEY1", "中文 Español Français 🌍", "" },
        { "backslashes in value", "KEY1='path\\\\to\\\\file'\nKEY2='bar'\n", "KEY1", "path\\\\to\\\\file", "" },
        { "single quotes within value quotes", "KEY1='value with \\'nested\\' quotes'\nKEY2='bar'\n", "KEY1", null, "unexpected content after closing quote" },
        { "double quotes within value quotes", "KEY1='value with \"nested\" quotes'\nKEY2='bar'\n", "KEY1", "value with \"nested\" quotes", "" },
        { "empty single quotes", "KEY1=''\nKEY2=''\nKEY3='bar'\n", "KEY2", "", "" },
        { "only whitespace in quotes", "KEY1='   '\nKEY2='\\t\\n'\nKEY3='bar'\n", "KEY1", "   ", "" },
        { "multi-line value with spaces", "KEY1='line one\n  line two with spaces\n    line three with more spaces'\nKEY2='bar'\n", "KEY1", "line one\n  line two with spaces\n    line three with more spaces", "" },
        { "multi-line value with empty lines", "KEY1='line1\n\nline3 after empty line\n\nline5 after another empty'\nKEY2='bar'\n", "KEY1", "line1\n\nline3 after empty line\n\nline5 after another empty", "" },
        { "multi-line value with trailing spaces", "KEY1='line1\nline2 with trailing spaces\nline3   '\nKEY2='bar'\n", "KEY1", "line1\nline2 with trailing spaces\nline3   ", "" },
    };

    [Theory]
    [MemberData(nameof(Dotenv134))]
    public void The_1_34_parser_matches_upstream(string name, string content, string key, string? value, string errContains) =>
        Check(EnvFileSyntax.Dotenv, name, content, key, value, errContains);

    [Theory]
    [MemberData(nameof(SingleQuoted135))]
    public void The_1_35_parser_matches_upstream(string name, string content, string key, string? value, string errContains) =>
        Check(EnvFileSyntax.SingleQuoted, name, content, key, value, errContains);

    private static void Check(EnvFileSyntax syntax, string name, string content, string key, string? value, string errContains)
    {
        bool ok = EnvFileParser.TryParse(content, key, syntax, Path, out string got, out string? error);
        if (value is null)
        {
            Assert.False(ok, name + ": expected an error, got " + got);
            Assert.Contains(errContains, error, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(ok, name + ": " + error);
            Assert.Equal(value, got);
        }
    }

    /// <summary>The messages the two parsers build (env_util.go at the two commits above), whole.</summary>
    [Theory]
    [InlineData(EnvFileSyntax.Dotenv, "A=1\nnope\n", "B", "invalid environment variable format at line 2")]
    [InlineData(EnvFileSyntax.Dotenv, "A=1 \\\n\n", "A", "invalid environment variable format at line 2: blank line in continuation")]
    [InlineData(EnvFileSyntax.Dotenv, "A=1 \\\n #c\n", "A", "invalid environment variable format at line 2: comment in continuation")]
    [InlineData(EnvFileSyntax.Dotenv, "A=1 \\", "A", "unexpected end of file: unfinished line continuation")]
    [InlineData(EnvFileSyntax.SingleQuoted, "nope", "A", "invalid environment variable format at line 1: missing '='")]
    [InlineData(EnvFileSyntax.SingleQuoted, "\n =''", "A", "invalid environment variable format at line 2: empty variable name")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A\t='x'", "A", "invalid environment variable format at line 1: whitespace before '=' is not allowed")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A=x", "A", "invalid environment variable format at line 1: value must be enclosed in single quotes")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A=", "A", "invalid environment variable format at line 1: value must be enclosed in single quotes")]
    [InlineData(EnvFileSyntax.SingleQuoted, "B='x\ny' z", "A", "invalid environment variable format at line 2: unexpected content after closing quote")]
    [InlineData(EnvFileSyntax.SingleQuoted, "\nA='x\ny\n", "A", "invalid environment variable format starting at line 2: unclosed single quote")]
    public void Error_messages_are_upstream_texts(EnvFileSyntax syntax, string content, string key, string message)
    {
        Assert.False(EnvFileParser.TryParse(content, key, syntax, Path, out _, out string? error));
        Assert.Equal(message, error);
    }

    /// <summary>
    /// Beyond upstream's table, from the code: the first definition wins and later lines are never read (their errors do
    /// not count); <c>KEY= 'v'</c> is an empty assignment (1.35+); bufio.ScanLines drops a trailing <c>\r</c>.
    /// </summary>
    [Theory]
    [InlineData(EnvFileSyntax.Dotenv, "A=1\nA=2\n", "A", "1")]
    [InlineData(EnvFileSyntax.Dotenv, "A=1\nnot a line\n", "A", "1")]
    [InlineData(EnvFileSyntax.Dotenv, "A='q'\r\n", "A", "'q'")]
    [InlineData(EnvFileSyntax.Dotenv, "A=\u00a0x\u00a0", "A", "x")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A='1'\nA='2'\n", "A", "1")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A='1'\nnot a line\n", "A", "1")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A= 'v'\n", "A", "")]
    [InlineData(EnvFileSyntax.SingleQuoted, "B= 'v' anything at all\nA='w'", "A", "w")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A='x\r\ny'\r\n", "A", "x\ny")]
    [InlineData(EnvFileSyntax.SingleQuoted, "A='v'   # note", "A", "v")]
    public void Code_paths_beyond_the_table(EnvFileSyntax syntax, string content, string key, string value)
    {
        Assert.True(EnvFileParser.TryParse(content, key, syntax, Path, out string got, out string? error), error);
        Assert.Equal(value, got);
    }

    /// <summary>
    /// bufio.Scanner's 64 KiB token limit (MaxScanTokenSize): a line of 65,535 bytes is read, one of 65,536 stops the
    /// scan with <c>bufio.Scanner: token too long</c>, reported as a read error — unless the key came first.
    /// </summary>
    [Theory]
    [InlineData(EnvFileSyntax.Dotenv)]
    [InlineData(EnvFileSyntax.SingleQuoted)]
    public void A_line_of_64_KiB_is_a_read_error(EnvFileSyntax syntax)
    {
        string quote = syntax == EnvFileSyntax.SingleQuoted ? "'" : "";
        string Line(int bytes) => "B=" + quote + new string('x', bytes - 2 - (2 * quote.Length)) + quote;
        Assert.True(EnvFileParser.TryParse(Line(65_535) + "\nA=" + quote + "ok" + quote, "A", syntax, Path, out string value, out _));
        Assert.Equal("ok", value);
        Assert.False(EnvFileParser.TryParse(Line(65_536) + "\nA=" + quote + "ok" + quote, "A", syntax, Path, out _, out string? error));
        Assert.Equal("error reading environment variable file \"" + Path + "\": bufio.Scanner: token too long", error);
        Assert.True(EnvFileParser.TryParse("A=" + quote + "ok" + quote + "\n" + Line(65_536), "A", syntax, Path, out value, out _));
        Assert.Equal("ok", value);
        // Characters count as their UTF-8 bytes: 32,768 × 'é' (two bytes each) alone is 65,536.
        Assert.False(EnvFileParser.TryParse("B=" + quote + new string('é', 32_768) + quote + "\nA=" + quote + "ok" + quote, "A", syntax, Path, out _, out _));
    }

    [Theory]
    [InlineData(1, 34, EnvFileSyntax.Dotenv)]
    [InlineData(1, 35, EnvFileSyntax.SingleQuoted)]
    [InlineData(1, 37, EnvFileSyntax.SingleQuoted)]
    public void Each_release_has_its_parser(int major, int minor, EnvFileSyntax syntax) =>
        Assert.Equal(syntax, EnvFileParser.SyntaxFor(new KubernetesVersion(major, minor)));
}
