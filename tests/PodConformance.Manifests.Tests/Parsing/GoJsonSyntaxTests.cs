using PodConformance.Manifests.Parsing;
using PodConformance.Manifests.Reading;

namespace PodConformance.Manifests.Tests.Parsing;

/// <summary>MANI-011: JSON syntax errors worded and placed as Go's encoding/json Decoder reports them.</summary>
public class GoJsonSyntaxTests
{
    /// <summary>
    /// Inputs and SyntaxErrors of sigs.k8s.io/json internal/golang/encoding/json decode_test.go (unmarshalTests and
    /// TestErrorMessageFromMisusedString; commit cfa47c3, Go's own tests). Go's Offset counts the bytes read, the bad
    /// one included, so the byte's index is Offset − 1.
    /// </summary>
    [Theory]
    [InlineData("{\"X\": \"foo\", \"Y\"}", 17, "invalid character '}' after object key")]
    [InlineData("[1, 2, 3+]", 9, "invalid character '+' after array element")]
    [InlineData("{\"X\":12x}", 8, "invalid character 'x' after object key:value pair")]
    [InlineData("{\"F3\": -}", 9, "invalid character '}' in numeric literal")]
    [InlineData("\u0001 42", 1, "invalid character '\\x01' looking for beginning of value")]
    [InlineData("{\"X\": \"foo\" \"Y\": \"bar\"}", 13, "invalid character '\"' after object key:value pair")]
    public void Errors_are_gos(string json, int goOffset, string message)
    {
        var error = GoJsonSyntax.FirstError(System.Text.Encoding.UTF8.GetBytes(json), 256);

        Assert.Equal((goOffset - 1, message), error);
    }

    /// <summary>
    /// stream.go Decoder.readValue: a value the input ends inside is io.ErrUnexpectedEOF ("unexpected EOF"; Unmarshal's
    /// "unexpected end of JSON input" is not what kubectl's stream decoder returns); values follow one another, so text
    /// after a complete value is the next value's beginning, not "after top-level value" (Unmarshal's check).
    /// </summary>
    [Theory]
    [InlineData("[2, 3", 5, "unexpected EOF")]
    [InlineData("{\"a\": \"b", 8, "unexpected EOF")]
    [InlineData("1.", 2, "unexpected EOF")]
    [InlineData(" 42 \u0001", 4, "invalid character '\\x01' looking for beginning of value")]
    [InlineData("{} {\"a\": tru}", 12, "invalid character '}' in literal true (expecting 'e')")]
    [InlineData("{ \"\\a\" }", 4, "invalid character 'a' in string escape code")]
    [InlineData("{\"a\": \"\\u12x4\"}", 11, "invalid character 'x' in \\u hexadecimal character escape")]
    [InlineData("{\"a\": 1e}", 8, "invalid character '}' in exponent of numeric literal")]
    [InlineData("{\"a\": \"x\ty\"}", 8, "invalid character '\\t' in string literal")]
    [InlineData("{'a': 1}", 1, "invalid character '\\'' looking for beginning of object key string")]
    public void The_decoder_reads_a_stream_of_values(string json, int index, string message)
    {
        Assert.Equal((index, message), GoJsonSyntax.FirstError(System.Text.Encoding.UTF8.GetBytes(json), 256));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData(" {\"a\": [1, -2.5e+3, true, false, null, \"\\u00e9\\n\"]} [] 7 \"s\" ")]
    [InlineData("")]
    public void Valid_streams_have_no_error(string json)
    {
        Assert.Null(GoJsonSyntax.FirstError(System.Text.Encoding.UTF8.GetBytes(json), 256));
    }

    /// <summary>
    /// scanner.go quoteChar: Go's strconv.Quote of string(c), the rune U+0000–U+00FF, between single quotes (IsPrint is
    /// false for C0, DEL, U+0080–U+00A0 and U+00AD); the first byte of "ü" (0xC3) shows as 'Ã'.
    /// </summary>
    [Theory]
    [InlineData(0x27, "'\\''")]
    [InlineData(0x22, "'\"'")]
    [InlineData(0x5C, "'\\\\'")]
    [InlineData(0x0A, "'\\n'")]
    [InlineData(0x00, "'\\x00'")]
    [InlineData(0x7F, "'\\x7f'")]
    [InlineData(0x80, "'\\u0080'")]
    [InlineData(0xA0, "'\\u00a0'")]
    [InlineData(0xAD, "'\\u00ad'")]
    [InlineData(0xC3, "'\u00c3'")]
    [InlineData(0x20, "' '")]
    public void Characters_are_quoted_as_go_quotes_them(int c, string quoted)
    {
        Assert.Equal(quoted, GoJsonSyntax.QuoteChar((byte)c));
    }

    /// <summary>The reader prints Go's words at the bad character's line and column, and nesting past MANI-004's bound as YAML words it.</summary>
    [Fact]
    public void The_reader_reports_gos_words_at_the_place()
    {
        var cut = PodManifestReader.ReadText("{\"apiVersion\": \"v1\",\n \"kind\": \"Pod\", \"metadata\": {\"name\": \"x\"", "p.json");
        Assert.Equal("p.json:2:41: invalid JSON: unexpected EOF", Assert.Single(cut.Diagnostics).ToString());

        var deep = PodManifestReader.ReadText("{\"a\":" + string.Concat(Enumerable.Repeat("[", 300)), "d.json");
        Assert.Equal("d.json:1:261: invalid JSON: exceeded max depth of 256", Assert.Single(deep.Diagnostics).ToString());
    }
}
