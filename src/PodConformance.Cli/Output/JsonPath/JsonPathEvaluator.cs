using System.Globalization;
using System.Text;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Cli.Output.JsonPath;

/// <summary>
/// Runs a parsed template over an object the way client-go's <c>JSONPath.Execute</c> runs it over kubectl's
/// unstructured object (integers int64, other numbers float64), with missing keys allowed (kubectl's default):
/// the same results, the same printing (maps and lists as compact JSON, scalars as Go's <c>fmt.Print</c>, results of
/// one action separated by a space) and the same error texts. One deliberate difference: where Go walks a map in
/// random order (<c>*</c>, <c>..</c>), keys are taken in sorted order so output is deterministic.
/// </summary>
internal sealed class JsonPathEvaluator
{
    /// <summary>JSON null inside the object (Go: a nil interface value).</summary>
    internal sealed class JNull
    {
        public static JNull Instance { get; } = new();
    }

    /// <summary>No value at all (Go: an invalid reflect.Value, as range passes for a nil element).</summary>
    internal sealed class JInvalid
    {
        public static JInvalid Instance { get; } = new();
    }

    /// <summary>
    /// How deep <c>range</c> may nest. client-go recurses once per level (FindResults) on a Go stack that grows to 1 GB,
    /// so it has no limit a template reaches; this evaluator recurses too, on a fixed thread stack, so nesting beyond
    /// this is refused as an execution error (exit 2) instead of overflowing the stack. No real template comes near it.
    /// </summary>
    internal const int MaxRangeNesting = 1000;

    private readonly List<JpNode> _nodes;
    private int _beginRange;
    private int _inRange;
    private int _endRange;
    private int _lastEnd = -1;

    private JsonPathEvaluator(JpList root) => _nodes = root.Nodes;

    /// <summary>Executes <paramref name="template"/> on <paramref name="data"/>; <paramref name="asJson"/> is <c>-o jsonpath-as-json</c>.</summary>
    public static string Execute(string template, ManifestNode data, bool asJson = false)
    {
        var root = JsonPathParser.Parse(template);
        var evaluator = new JsonPathEvaluator(root);
        var groups = evaluator.FindResults(data, 0);
        var sb = new StringBuilder();
        foreach (var group in groups)
        {
            Print(sb, group, asJson);
        }

        return sb.ToString();
    }

    private List<List<object?>> FindResults(object? data, int start)
    {
        var cur = new List<object?> { data };
        var full = new List<List<object?>>();
        for (int i = start; i < _nodes.Count; i++)
        {
            var results = Walk(cur, _nodes[i]);
            if (_endRange > 0 && _endRange <= _inRange)
            {
                _endRange--;
                _lastEnd = i;
                break;
            }

            if (_beginRange > 0)
            {
                _beginRange--;
                _inRange++;
                if (_inRange > MaxRangeNesting)
                {
                    throw new JsonPathException(string.Create(CultureInfo.InvariantCulture, $"range nested more than {MaxRangeNesting} levels deep (podconf's limit)"));
                }

                if (results.Count > 0)
                {
                    foreach (object? value in results)
                    {
                        full.AddRange(FindResults(value is JNull ? JInvalid.Instance : value, i + 1));
                    }
                }
                else
                {
                    FindResults(JInvalid.Instance, i + 1);
                }

                _inRange--;
                for (int k = i + 1; k < _nodes.Count; k++)
                {
                    if (k == _lastEnd)
                    {
                        i = k;
                        break;
                    }
                }

                continue;
            }

            full.Add(results);
        }

        return full;
    }

    private List<object?> Walk(List<object?> input, JpNode node) => node switch
    {
        JpList list => EvalList(input, list),
        JpText text => [text.Text],
        JpField field => EvalField(input, field),
        JpArray array => EvalArray(input, array),
        JpFilter filter => EvalFilter(input, filter),
        JpInt n => Repeat(input, n.Value),
        JpBool b => Repeat(input, b.Value),
        JpFloat f => Repeat(input, f.Value),
        JpWildcard => EvalWildcard(input),
        JpRecursive => EvalRecursive(input),
        JpUnion union => EvalUnion(input, union),
        JpIdentifier id => EvalIdentifier(input, id),
        _ => throw new JsonPathException("unexpected Node " + node),
    };

    private static List<object?> Repeat(List<object?> input, object value)
    {
        var result = new List<object?>(input.Count);
        for (int i = 0; i < input.Count; i++)
        {
            result.Add(value);
        }

        return result;
    }

    private List<object?> EvalList(List<object?> input, JpList list)
    {
        var cur = input;
        foreach (var node in list.Nodes)
        {
            cur = Walk(cur, node);
        }

        return cur;
    }

    private List<object?> EvalIdentifier(List<object?> input, JpIdentifier node)
    {
        switch (node.Name)
        {
            case "range":
                _beginRange++;
                return input;
            case "end":
                if (_inRange > 0)
                {
                    _endRange++;
                    return [];
                }

                throw new JsonPathException("not in range, nothing to end");
            default:
                throw new JsonPathException("unrecognized identifier " + node.Name);
        }
    }

    private static List<object?> EvalArray(List<object?> input, JpArray node)
    {
        var result = new List<object?>();
        foreach (object? raw in input)
        {
            object? value = Value(raw);
            if (value is JNull)
            {
                continue;
            }

            if (value is not ManifestSequence sequence)
            {
                throw new JsonPathException(GoType(value) + " is not array or slice");
            }

            var p = (JpParam[])node.Params.Clone();
            int len = sequence.Items.Length;
            if (!p[0].Known)
            {
                p[0].Value = 0;
            }

            if (p[0].Value < 0)
            {
                p[0].Value += len;
            }

            if (!p[1].Known)
            {
                p[1].Value = len;
            }

            if (p[1].Value < 0 || (p[1].Value == 0 && p[1].Derived))
            {
                p[1].Value += len;
            }

            if (p[1].Value == p[0].Value)
            {
                return result;
            }

            if (p[0].Value >= len || p[0].Value < 0)
            {
                throw new JsonPathException(string.Create(CultureInfo.InvariantCulture, $"array index out of bounds: index {p[0].Value}, length {len}"));
            }

            if (p[1].Value > len || p[1].Value < 0)
            {
                throw new JsonPathException(string.Create(CultureInfo.InvariantCulture, $"array index out of bounds: index {p[1].Value - 1}, length {len}"));
            }

            if (p[0].Value > p[1].Value)
            {
                throw new JsonPathException(string.Create(CultureInfo.InvariantCulture, $"starting index {p[0].Value} is greater than ending index {p[1].Value}"));
            }

            long step = 1;
            if (p[2].Known)
            {
                if (p[2].Value <= 0)
                {
                    throw new JsonPathException("step must be > 0");
                }

                step = p[2].Value;
            }

            for (long i = p[0].Value; i < p[1].Value; i += step)
            {
                result.Add(sequence.Items[(int)i]);
            }
        }

        return result;
    }

    private List<object?> EvalUnion(List<object?> input, JpUnion node)
    {
        var result = new List<object?>();
        foreach (var list in node.Lists)
        {
            result.AddRange(EvalList(input, list));
        }

        return result;
    }

    private static List<object?> EvalField(List<object?> input, JpField node)
    {
        var results = new List<object?>();
        foreach (object? raw in input)
        {
            if (Value(raw) is ManifestMapping mapping && mapping.Get(node.Name) is { } found)
            {
                results.Add(found);
            }
        }

        return results; // kubectl allows missing keys: nothing found is an empty result, not an error
    }

    private static List<object?> EvalWildcard(List<object?> input)
    {
        var results = new List<object?>();
        foreach (object? raw in input)
        {
            Children(Value(raw), results);
        }

        return results;
    }

    private static List<object?> EvalRecursive(List<object?> input)
    {
        var result = new List<object?>();
        foreach (object? raw in input)
        {
            object? value = Value(raw);
            if (value is JNull)
            {
                continue;
            }

            var children = new List<object?>();
            Children(value, children);
            if (children.Count != 0)
            {
                result.Add(value);
                result.AddRange(EvalRecursive(children));
            }
        }

        return result;
    }

    /// <summary>A map's values (by sorted key), a list's items, a string's bytes (Go indexes strings by byte).</summary>
    private static void Children(object? value, List<object?> into)
    {
        switch (value)
        {
            case ManifestMapping m:
                foreach (var (_, v) in GoJson.Sorted(m))
                {
                    into.Add(v);
                }

                break;
            case ManifestSequence s:
                into.AddRange(s.Items);
                break;
            case string text:
                foreach (byte b in Encoding.UTF8.GetBytes(text))
                {
                    into.Add(b);
                }

                break;
        }
    }

    private List<object?> EvalFilter(List<object?> input, JpFilter node)
    {
        var results = new List<object?>();
        foreach (object? raw in input)
        {
            object? value = Value(raw);
            if (value is not ManifestSequence sequence)
            {
                throw new JsonPathException(GoValue(value) + " is not array or slice and cannot be filtered");
            }

            foreach (var item in sequence.Items)
            {
                var temp = new List<object?> { item };
                List<object?> lefts;
                try
                {
                    lefts = EvalList(temp, node.Left);
                }
                catch (JsonPathException) when (node.Operator == "exists")
                {
                    // Go ignores the error here and tests what the failing step was given: the item itself.
                    results.Add(item);
                    continue;
                }

                if (node.Operator == "exists")
                {
                    if (lefts.Count > 0)
                    {
                        results.Add(item);
                    }

                    continue;
                }

                if (lefts.Count == 0)
                {
                    continue;
                }

                if (lefts.Count > 1)
                {
                    throw new JsonPathException("can only compare one element at a time");
                }

                var rights = EvalList(temp, node.Right);
                if (rights.Count == 0)
                {
                    continue;
                }

                if (rights.Count > 1)
                {
                    throw new JsonPathException("can only compare one element at a time");
                }

                if (GoCompare.Apply(node.Operator, Value(lefts[0]), Value(rights[0])))
                {
                    results.Add(item);
                }
            }
        }

        return results;
    }

    /// <summary>A tree node as the value Go's unstructured object holds: map, list, string, int64, float64, bool, nil.</summary>
    internal static object? Value(object? raw) => raw switch
    {
        ManifestScalar s => s.Kind switch
        {
            ScalarKind.Null => JNull.Instance,
            ScalarKind.Bool => s.Value == "true",
            ScalarKind.Int when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l) => l,
            ScalarKind.Int or ScalarKind.Float when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
            _ => s.Value,
        },
        null => JNull.Instance,
        _ => raw,
    };

    /// <summary>Go's name for the type of a value (<c>map[string]interface {}</c>, <c>int64</c>, …).</summary>
    internal static string GoType(object? value) => value switch
    {
        ManifestMapping => "map[string]interface {}",
        ManifestSequence => "[]interface {}",
        string => "string",
        long => "int64",
        double => "float64",
        bool => "bool",
        byte => "uint8",
        _ => "<nil>",
    };

    /// <summary>Go's <c>%v</c> of a value: <c>map[a:1 b:x]</c>, <c>[1 2]</c>, scalars as <c>fmt.Print</c>.</summary>
    internal static string GoValue(object? value)
    {
        switch (value)
        {
            case ManifestMapping m:
                return "map[" + string.Join(" ", GoJson.Sorted(m).Select(e => e.Key.Value + ":" + GoValue(Value(e.Value)))) + "]";
            case ManifestSequence s:
                return "[" + string.Join(" ", s.Items.Select(i => GoValue(Value(i)))) + "]";
            case JNull or JInvalid or null:
                return "<nil>";
            default:
                return Text(value);
        }
    }

    private static string Text(object? value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => GoFloat.V(d),
        bool b => b ? "true" : "false",
        byte b => b.ToString(CultureInfo.InvariantCulture),
        JNull => "null",
        _ => "<no value>",
    };

    private static void Print(StringBuilder sb, List<object?> results, bool asJson)
    {
        if (asJson)
        {
            var items = System.Collections.Immutable.ImmutableArray.CreateRange(results.Select(r => ToNode(Value(r))));
            sb.Append(GoJson.Indented(new ManifestSequence(items))).Append('\n');
            return;
        }

        for (int i = 0; i < results.Count; i++)
        {
            object? value = Value(results[i]);
            sb.Append(value is ManifestMapping or ManifestSequence ? GoJson.Compact((ManifestNode)value) : Text(value));
            if (i != results.Count - 1)
            {
                sb.Append(' ');
            }
        }
    }

    private static ManifestNode ToNode(object? value) => value switch
    {
        ManifestNode n => n,
        string s => new ManifestScalar(s, ScalarKind.String),
        long l => new ManifestScalar(l.ToString(CultureInfo.InvariantCulture), ScalarKind.Int),
        byte b => new ManifestScalar(b.ToString(CultureInfo.InvariantCulture), ScalarKind.Int),
        double d => new ManifestScalar(d.ToString("R", CultureInfo.InvariantCulture), ScalarKind.Float),
        bool b => new ManifestScalar(b ? "true" : "false", ScalarKind.Bool),
        _ => new ManifestScalar("null", ScalarKind.Null),
    };
}
