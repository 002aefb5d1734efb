using System.Text;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Coverage;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// <c>$(VAR)</c> expansion as the kubelet does it (third_party/forked/golang/expansion): one left-to-right pass,
/// <c>$$</c> escapes, the name runs to the first <c>)</c>, unterminated <c>$(</c> and undefined names stay
/// literal, substituted text is never rescanned.
/// </summary>
/// <remarks>
/// Go scans bytes of UTF-8; every delimiter is ASCII, so scanning UTF-16 chars finds the same delimiters.
/// The one byte-level effect is reproduced explicitly: a <c>$</c> followed by a non-ASCII character (EXPAND-005).
/// </remarks>
public static class Expansion
{
    private const char Operator = '$';
    private const char Opener = '(';
    private const char Closer = ')';

    /// <summary>
    /// Expands with a mapping that receives each complete <c>$(name)</c> name and returns its replacement.
    /// This is the scanner of EXPAND-001; the mapping decides EXPAND-002 or EXPAND-004 semantics.
    /// </summary>
    public static string Expand(string input, Func<string, string> mapping)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(mapping);
        int first = input.IndexOf(Operator, StringComparison.Ordinal);
        if (first < 0)
        {
            return input;
        }

        var sb = new StringBuilder(input.Length + 16);
        int checkpoint = 0;
        for (int cursor = first; cursor < input.Length; cursor++)
        {
            if (input[cursor] != Operator || cursor + 1 >= input.Length)
            {
                continue;
            }

            sb.Append(input, checkpoint, cursor - checkpoint);
            char next = input[cursor + 1];
            int consumed; // chars consumed after the operator
            if (next == Operator)
            {
                RuleCoverage.Hit(ExpandRules.Syntax, "$$ escape");
                sb.Append(Operator);
                consumed = 1;
            }
            else if (next == Opener)
            {
                int close = input.IndexOf(Closer, cursor + 2);
                if (close >= 0)
                {
                    RuleCoverage.Hit(ExpandRules.Syntax, "a reference");
                    sb.Append(mapping(input.Substring(cursor + 2, close - cursor - 2)));
                    consumed = close - cursor;
                }
                else
                {
                    // Incomplete reference: keep "$(" and continue scanning after the opener.
                    RuleCoverage.Hit(ExpandRules.Syntax, "an unterminated reference is kept");
                    sb.Append(Operator).Append(Opener);
                    consumed = 1;
                }
            }
            else if (next < 0x80)
            {
                RuleCoverage.Hit(ExpandRules.Syntax, "$ before another character is kept");
                sb.Append(Operator).Append(next);
                consumed = 1;
            }
            else
            {
                RuleCoverage.Hit(ExpandRules.NonAsciiQuirk);
                consumed = AppendNonAsciiQuirk(sb, input, cursor + 1);
            }

            cursor += consumed;
            checkpoint = cursor + 1;
        }

        if (checkpoint < input.Length)
        {
            sb.Append(input, checkpoint, input.Length - checkpoint);
        }

        return sb.ToString();
    }

    /// <summary>
    /// <c>MappingFuncFor(contexts...)</c>: the first context holding the name wins (an empty value counts);
    /// an undefined name is re-emitted as <c>$(name)</c>.
    /// </summary>
    public static string Expand(string input, params IReadOnlyDictionary<string, string>[] contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        return Expand(input, name => Lookup(contexts, name) ?? Wrap(name));
    }

    /// <summary>The text <c>$(name)</c>.</summary>
    public static string Wrap(string name) => "$(" + name + ")";

    /// <summary>
    /// <c>ExpandContainerVolumeMounts</c>: the strict subPathExpr expansion. A referenced name that is
    /// undefined or whose value is empty makes it fail with <c>missing value for A, B</c> (names sorted,
    /// deduplicated; <c>$()</c> reports the empty name).
    /// </summary>
    public static bool TryExpandSubPathExpr(string subPathExpr, IReadOnlyDictionary<string, string> env, out string expanded, out EnvError? error)
    {
        ArgumentNullException.ThrowIfNull(env);
        RuleCoverage.Hit(ExpandRules.SubPathExpr);
        SortedSet<string>? missing = null;
        string result = Expand(subPathExpr, name =>
        {
            if (!env.TryGetValue(name, out string? value) || value.Length == 0)
            {
                (missing ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
                return value ?? "";
            }

            return value;
        });
        if (missing is not null)
        {
            expanded = "";
            error = new EnvError(ExpandRules.SubPathExpr, "missing value for " + string.Join(", ", missing));
            return false;
        }

        expanded = result;
        error = null;
        return true;
    }

    /// <summary>
    /// <c>ExpandContainerCommandAndArgs</c>: command and args expanded against the final environment
    /// (one map; a repeated name keeps its last value). Unresolved references stay literal.
    /// </summary>
    public static (ValueList<string> Command, ValueList<string> Args) ExpandCommandAndArgs(Container container, IReadOnlyList<EnvVariable> env)
    {
        ArgumentNullException.ThrowIfNull(container);
        RuleCoverage.Hit(ExpandRules.CommandArgs);
        var map = ToMap(env);
        return (ExpandAll(container.Command, map), ExpandAll(container.Args, map));
    }

    /// <summary>The last value per name (Go's envVarsToMap).</summary>
    public static Dictionary<string, string> ToMap(IReadOnlyList<EnvVariable> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var map = new Dictionary<string, string>(env.Count, StringComparer.Ordinal);
        for (int i = 0; i < env.Count; i++)
        {
            map[env[i].Name] = env[i].Value;
        }

        return map;
    }

    private static ValueList<string> ExpandAll(ValueList<string> items, Dictionary<string, string> map)
    {
        if (items.IsEmpty)
        {
            return ValueList<string>.Empty;
        }

        var result = new string[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = Expand(items[i], map);
        }

        return result;
    }

    private static string? Lookup(IReadOnlyDictionary<string, string>[] contexts, string name)
    {
        foreach (var context in contexts)
        {
            if (context.TryGetValue(name, out string? value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Go writes <c>"$" + string(input[0])</c>: the first UTF-8 byte of the character converted to the rune of
    /// that value (U+0080..U+00FF), and the character's remaining bytes are then copied raw, where they
    /// stand alone as invalid UTF-8. Decoded, each such byte reads as U+FFFD. Returns the chars consumed.
    /// </summary>
    private static int AppendNonAsciiQuirk(StringBuilder sb, string input, int index)
    {
        int width = char.IsHighSurrogate(input[index]) && index + 1 < input.Length && char.IsLowSurrogate(input[index + 1]) ? 2 : 1;
        Span<byte> utf8 = stackalloc byte[4];
        int length;
        if (width == 2)
        {
            length = new Rune(input[index], input[index + 1]).EncodeToUtf8(utf8);
        }
        else if (Rune.TryCreate(input[index], out Rune rune))
        {
            length = rune.EncodeToUtf8(utf8);
        }
        else
        {
            length = Rune.ReplacementChar.EncodeToUtf8(utf8); // a lone surrogate reaches Go as U+FFFD
        }

        sb.Append(Operator).Append((char)utf8[0]);
        for (int i = 1; i < length; i++)
        {
            sb.Append('\uFFFD');
        }

        return width;
    }
}
