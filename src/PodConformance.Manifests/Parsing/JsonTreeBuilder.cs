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
    public static ParsedStream Parse(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        var lines = new Utf8LineIndex(bytes);
        var documents = new List<ParsedDocument>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Disallow,
            MaxDepth = 256,
        });
        try
        {
            while (reader.Read())
            {
                var position = lines.At(reader.TokenStartIndex);
                var root = ReadValue(ref reader, lines);
                documents.Add(new ParsedDocument(root is ManifestScalar { IsNull: true } ? null : root, position));
            }

            return new ParsedStream(documents, null);
        }
        catch (JsonException ex)
        {
            var position = lines.At(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            return new ParsedStream(documents, new SyntaxError(position, CleanMessage(ex.Message)));
        }
    }

    private static ManifestNode ReadValue(ref Utf8JsonReader reader, Utf8LineIndex lines)
    {
        var position = lines.At(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = ImmutableArray.CreateBuilder<KeyValuePair<ManifestScalar, ManifestNode>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var key = new ManifestScalar(JsonStrings.Read(ref reader), ScalarKind.String, lines.At(reader.TokenStartIndex));
                    reader.Read();
                    entries.Add(new(key, ReadValue(ref reader, lines)));
                }

                return new ManifestMapping(entries.ToImmutable(), position);
            }

            case JsonTokenType.StartArray:
            {
                var items = ImmutableArray.CreateBuilder<ManifestNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, lines));
                }

                return new ManifestSequence(items.ToImmutable(), position);
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
