using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Manifests.Parsing;

/// <summary>
/// Builds <see cref="ManifestNode"/> trees from JSON with System.Text.Json's reader. JSON is read as JSON, not
/// as YAML, because YAML forbids tabs that JSON allows and kubectl likewise sniffs a leading <c>{</c>.
/// Concatenated values (<c>{…}{…}</c>) are separate documents, as in kubectl's JSON stream decoder.
/// </summary>
internal static class JsonTreeBuilder
{
    /// <summary>MANI-004: nesting deeper than this is refused, as in YAML.</summary>
    private const int MaxDepth = 256;

    public static ParsedStream Parse(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return Parse(bytes, bytes.Length);
    }

    /// <summary>The UTF-8 text in <paramref name="bytes"/>[0, <paramref name="length"/>), read without a copy: the nodes keep no reference to it.</summary>
    public static ParsedStream Parse(byte[] bytes, int length)
    {
        var lines = new Utf8LineIndex(bytes, length);
        var documents = new List<ParsedDocument>();
        var reader = new Utf8JsonReader(bytes.AsSpan(0, length), new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = MaxDepth,
        });
        var scratch = new Scratch(lines);
        int documentStart = 0;
        try
        {
            while (reader.Read())
            {
                var position = lines.At(reader.TokenStartIndex);
                var root = ReadValue(ref reader, scratch);
                documents.Add(new ParsedDocument(root is ManifestScalar { IsNull: true } ? null : root, position));
                documentStart = (int)reader.BytesConsumed;
            }

            return new ParsedStream(documents, null) { JsonDocuments = documents.Count };
        }
        catch (JsonException ex)
        {
            // System.Text.Json finds the error; Go's scanner, run over the document it stopped in, words it as kubectl
            // prints it (MANI-011). Its own text stays only should the two ever disagree.
            if (GoJsonSyntax.FirstError(bytes.AsSpan(documentStart, length - documentStart), MaxDepth) is { } go)
            {
                return new ParsedStream(documents, new SyntaxError(lines.At(documentStart + go.Offset), go.Message)) { FailedValueStart = documentStart, JsonDocuments = documents.Count };
            }

            var position = lines.At(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return new ParsedStream(documents, new SyntaxError(position, CleanMessage(ex.Message))) { FailedValueStart = documentStart, JsonDocuments = documents.Count };
        }
    }

    /// <summary>
    /// One growing stack of entries and one of items per parse: an object's entries are pushed as they come and copied
    /// once, at its end, into an array of exactly their number (a builder per object grew and copied, then copied again).
    /// </summary>
    private sealed class Scratch(Utf8LineIndex lines)
    {
        public readonly Utf8LineIndex Lines = lines;
        public readonly List<KeyValuePair<ManifestScalar, ManifestNode>> Entries = [];
        public readonly List<ManifestNode> Items = [];
    }

    private static ImmutableArray<T> Pop<T>(List<T> stack, int start)
    {
        int count = stack.Count - start;
        if (count == 0)
        {
            return [];
        }

        var array = new T[count];
        stack.CopyTo(start, array, 0, count);
        stack.RemoveRange(start, count);
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
    }

    private static ManifestNode ReadValue(ref Utf8JsonReader reader, Scratch scratch)
    {
        var lines = scratch.Lines;
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                int start = scratch.Entries.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = new ManifestScalar(JsonStrings.Read(ref reader), ScalarKind.String, lines.At(reader.TokenStartIndex));
                    reader.Read();
                    scratch.Entries.Add(new(key, ReadValue(ref reader, scratch)));
                }

                return new ManifestMapping(Pop(scratch.Entries, start), position);
            }

            case JsonTokenType.StartArray:
            {
                int start = scratch.Items.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    scratch.Items.Add(ReadValue(ref reader, scratch));
                }

                return new ManifestSequence(Pop(scratch.Items, start), position);
            }

            case JsonTokenType.String:
                return new ManifestScalar(JsonStrings.Read(ref reader), ScalarKind.String, position);
            case JsonTokenType.Number:
            {
                string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                bool integral = raw.AsSpan().IndexOfAny(".eE") < 0;
                return new ManifestScalar(raw, integral ? ScalarKind.Int : ScalarKind.Float, position);
            }

            case JsonTokenType.True:
                return new ManifestScalar("true", ScalarKind.Bool, position);
            case JsonTokenType.False:
                return new ManifestScalar("false", ScalarKind.Bool, position);
            default:
                return new ManifestScalar("null", ScalarKind.Null, position);
        }
    }

    /// <summary>Drops System.Text.Json's " LineNumber: … | BytePositionInLine: …" tail; we print our own position.</summary>
    private static string CleanMessage(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut >= 0 ? message[..cut] : message;
    }
}
