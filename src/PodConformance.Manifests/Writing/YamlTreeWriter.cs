using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PodConformance.Manifests.Writing;

/// <summary>
/// Prints output trees as block YAML through YamlDotNet's emitter (a libyaml port, like go-yaml's), choosing
/// each scalar's style the way go-yaml v2 does: plain when it reads back as the same string, double-quoted
/// when it would resolve to a number, boolean, null or timestamp, literal when it spans lines. The emitter
/// falls back to single quotes where plain is not allowed. No line folding, "\n" line ends: byte-identical
/// output on every machine.
/// </summary>
internal static class YamlTreeWriter
{
    public static void Write(TextWriter writer, IReadOnlyList<ManifestMapping> documents, YamlKeyOrder order)
    {
        var settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, false, "\n");
        var emitter = new Emitter(writer, settings);
        emitter.Emit(new StreamStart());
        for (int i = 0; i < documents.Count; i++)
        {
            emitter.Emit(new DocumentStart(null, null, isImplicit: i == 0));
            Emit(emitter, documents[i], order);
            emitter.Emit(new DocumentEnd(isImplicit: true));
        }

        emitter.Emit(new StreamEnd());
    }

    private static void Emit(IEmitter emitter, ManifestNode node, YamlKeyOrder order)
    {
        switch (node)
        {
            case ManifestMapping mapping:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var (key, value) in Ordered(mapping.Entries, order))
                {
                    EmitScalar(emitter, key);
                    Emit(emitter, value, order);
                }

                emitter.Emit(new MappingEnd());
                break;
            case ManifestSequence sequence:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in sequence.Items)
                {
                    Emit(emitter, item, order);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case ManifestScalar scalar:
                EmitScalar(emitter, scalar);
                break;
        }
    }

    private static ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> Ordered(
        ImmutableArray<KeyValuePair<ManifestScalar, ManifestNode>> entries,
        YamlKeyOrder order)
    {
        if (order == YamlKeyOrder.StructOrder || entries.Length < 2)
        {
            return entries;
        }

        var sorted = entries.ToBuilder();
        sorted.Sort((a, b) => KubectlKeyOrder.Instance.Compare(a.Key.Value, b.Key.Value));
        return sorted.ToImmutable();
    }

    private static void EmitScalar(IEmitter emitter, ManifestScalar scalar)
    {
        var style = scalar.Kind == ScalarKind.String ? StringStyle(scalar.Value) : ScalarStyle.Plain;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, scalar.Value, style, true, true));
    }

    private static ScalarStyle StringStyle(string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return ScalarStyle.Literal;
        }

        return ScalarResolver.ResolvePlain(value) != ScalarKind.String || LooksLikeTimestamp(value)
            ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Plain;
    }

    /// <summary>go-yaml v2 resolves plain <c>2006-1-2…</c> as a timestamp and quotes such strings; so do we.</summary>
    private static bool LooksLikeTimestamp(string value)
    {
        int i = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        if (i != 4 || i >= value.Length || value[i] != '-')
        {
            return false;
        }

        i++;
        int month = i;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        if (i - month is < 1 or > 2 || i >= value.Length || value[i] != '-')
        {
            return false;
        }

        i++;
        int day = i;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        return i - day is >= 1 and <= 2 && (i == value.Length || value[i] is 'T' or 't' or ' ');
    }
}
