using System.Collections.Immutable;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Time;

namespace PodConformance.Manifests.Scenarios;

/// <summary>
/// The strict field reading every podconf-own format shares (scenarios, node scenarios): unknown fields and wrong
/// types are errors with file, line, column and path, because a typo in our own format must not pass silently.
/// </summary>
internal class StrictFieldReader(string file)
{
    private readonly ImmutableArray<ManifestDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<ManifestDiagnostic>();
    private int _errors;

    internal void Error(SourcePosition position, string path, string message)
    {
        _errors++;
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Error, file, position, path, message));
    }

    internal Node ReadNode(ManifestNode node, string path)
    {
        var n = new Node();
        foreach (var (key, value, p) in Fields(node, path))
        {
            switch (key)
            {
                case "name": n = n with { Name = Str(value, p) }; break;
                case "capacity": n = n with { Capacity = Map(value, p, QuantityOf) }; break;
                case "allocatable": n = n with { Allocatable = Map(value, p, QuantityOf) }; break;
                case "labels": n = n with { Labels = Map(value, p, Str) }; break;
                case "addresses": n = n with { Addresses = List(value, p, Str) }; break;
                case "unschedulable": n = n with { Unschedulable = Bool(value, p) }; break;
                case "conditions": n = n with { Conditions = Map(value, p, Str) }; break;
                case "taints": n = n with { Taints = List(value, p, ReadTaint) }; break;
                case "declaredFeatures": n = n with { DeclaredFeatures = List(value, p, Str) }; break;
                default: Unknown(value, p); break;
            }
        }

        if (n.Name.Length == 0)
        {
            Error(node.Position, path + ".name", "Required value");
        }

        return n;
    }

    internal Taint ReadTaint(ManifestNode node, string path)
    {
        var t = new Taint();
        foreach (var (key, value, p) in Fields(node, path))
        {
            switch (key)
            {
                case "key": t = t with { Key = Str(value, p) }; break;
                case "value": t = t with { Value = Str(value, p) }; break;
                case "effect": t = t with { Effect = Str(value, p) }; break;
                default: Unknown(value, p); break;
            }
        }

        return t;
    }

    internal IEnumerable<(string Key, ManifestNode Value, string Path)> Fields(ManifestNode node, string path)
    {
        if (node is not ManifestMapping mapping)
        {
            if (node is not ManifestScalar { IsNull: true })
            {
                Error(node.Position, path, $"expected a mapping, got {node.Describe()}");
            }

            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            string p = path.Length == 0 ? key.Value : path + "." + key.Value;
            if (!seen.Add(key.Value))
            {
                Error(key.Position, p, $"duplicate field \"{key.Value}\"");
                continue;
            }

            yield return (key.Value, value, p);
        }
    }

    internal ValueList<T> List<T>(ManifestNode node, string path, Func<ManifestNode, string, T> read)
    {
        if (node is ManifestScalar { IsNull: true })
        {
            return ValueList<T>.Empty;
        }

        if (node is not ManifestSequence seq)
        {
            Error(node.Position, path, $"expected a list, got {node.Describe()}");
            return ValueList<T>.Empty;
        }

        var items = new T[seq.Items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            items[i] = read(seq.Items[i], string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{i}]"));
        }

        return items;
    }

    internal ValueMap<T> Map<T>(ManifestNode node, string path, Func<ManifestNode, string, T> read)
    {
        var items = new List<(string, T)>();
        foreach (var (key, value, p) in Fields(node, path))
        {
            items.Add((key, read(value, p)));
        }

        return ValueMap.Of([.. items]);
    }

    internal void Unknown(ManifestNode value, string path) => Error(value.Position, path, "unknown field \"" + path + "\"");

    internal string Str(ManifestNode node, string path)
    {
        if (node is ManifestScalar { Kind: ScalarKind.String } s)
        {
            return s.Value;
        }

        Error(node.Position, path, $"expected a string, got {node.Describe()}");
        return "";
    }

    internal bool Bool(ManifestNode node, string path)
    {
        if (node is ManifestScalar { Kind: ScalarKind.Bool } s)
        {
            return s.Value is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y";
        }

        Error(node.Position, path, $"expected a boolean, got {node.Describe()}");
        return false;
    }

    internal int? Int(ManifestNode node, string path)
    {
        if (node is ManifestScalar { Kind: ScalarKind.Int } s
            && int.TryParse(s.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out int v))
        {
            return v;
        }

        Error(node.Position, path, $"expected an integer, got {node.Describe()}");
        return null;
    }

    internal Quantity QuantityOf(ManifestNode node, string path)
    {
        if (node is ManifestScalar { IsNull: false } s && s.Kind != ScalarKind.Bool)
        {
            if (Quantity.TryParse(s.Value, out var q, out var error))
            {
                return q;
            }

            Error(node.Position, path, Quantity.ErrorText(error));
            return Quantity.Zero;
        }

        Error(node.Position, path, $"expected a quantity, got {node.Describe()}");
        return Quantity.Zero;
    }

    internal TimeSpan? Duration(ManifestNode node, string path)
    {
        if (node is ManifestScalar { Kind: ScalarKind.String } s)
        {
            if (GoDuration.TryParse(s.Value, out var d, out string error))
            {
                if (d < TimeSpan.Zero)
                {
                    Error(node.Position, path, "must not be negative");
                    return null;
                }

                return d;
            }

            Error(node.Position, path, error);
            return null;
        }

        Error(node.Position, path, $"expected a duration such as 30s or 1m30s, got {node.Describe()}");
        return null;
    }

    /// <summary>A diagnostic produced by another reader (the object mapper), counted like this reader's own.</summary>
    internal void Add(ManifestDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (diagnostic.IsError)
        {
            _errors++;
        }

        _diagnostics.Add(diagnostic);
    }

    internal string File => file;

    internal int ErrorCount => _errors;

    internal ImmutableArray<ManifestDiagnostic> Diagnostics => _diagnostics.ToImmutable();

    internal void Warning(SourcePosition position, string path, string message) =>
        _diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, file, position, path, message));
}
