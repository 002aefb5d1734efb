using PodConformance.Manifests.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodConformance.Suite.Golden;

/// <summary>
/// Writes golden trees as block YAML: deterministic bytes on every machine (LF, no folding, invariant text).
/// Strings are plain when they read back as the same string, double-quoted when a YAML 1.1 reader would take
/// them for a number, boolean, null or timestamp-like value, and literal blocks when they span lines (so an
/// embedded manifest stays readable and copy-pastable).
/// </summary>
public static class GoldenYamlWriter
{
    public static string Write(GoldenNode root, string? headerComment = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        if (headerComment is not null)
        {
            foreach (string line in headerComment.Split('\n'))
            {
                writer.Write(line.Length == 0 ? "#\n" : "# " + line + "\n");
            }
        }

        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, root);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, GoldenNode node)
    {
        switch (node)
        {
            case GoldenMap map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, map.Entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map.Entries)
                {
                    EmitScalar(emitter, key);
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case GoldenList list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, list.Items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list.Items)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case GoldenScalar { Typed: true } typed when ScalarResolver.ResolvePlain(typed.Text) is ScalarKind.Int or ScalarKind.Bool or ScalarKind.Float:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, typed.Text, ScalarStyle.Plain, true, true));
                break;
            case GoldenScalar scalar:
                EmitScalar(emitter, scalar.Text);
                break;
        }
    }

    private static void EmitScalar(IEmitter emitter, string text)
    {
        var style = Style(text);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, true, true));
    }

    /// <summary>
    /// The style that reads back as exactly <paramref name="text"/>. Literal blocks need no trailing spaces on any
    /// line and a single final newline at most; anything else multi-line is double-quoted.
    /// </summary>
    internal static ScalarStyle Style(string text)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            bool literalSafe = !text.Contains('\r', StringComparison.Ordinal)
                && !text.Contains('\t', StringComparison.Ordinal)
                && !text.Split('\n').Any(l => l.EndsWith(' '))
                && !text.StartsWith(' ')
                && !text.EndsWith("\n\n", StringComparison.Ordinal);
            return literalSafe ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        // Edge whitespace and control characters survive only inside double quotes (a plain "1k\t" reads back as "1k").
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Any(c => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFEFF' or '\u0085' or '\u2028' or '\u2029')
            || ScalarResolver.ResolvePlain(text) != ScalarKind.String || LooksLikeTimestamp(text))
        {
            return ScalarStyle.DoubleQuoted;
        }

        return ScalarStyle.Any;
    }

    private static bool LooksLikeTimestamp(string text) =>
        text.Length >= 8 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2]) && char.IsAsciiDigit(text[3]) && text[4] == '-';
}
