using System.Globalization;
using System.Text;

namespace PodConformance.Model.Validation;

/// <summary>
/// An immutable path to a field, printed exactly as apimachinery's <c>field.Path.String()</c>:
/// children are joined by <c>.</c>, list indexes and map keys are bracketed without quotes
/// (<c>spec.containers[0].resources.requests</c>, <c>metadata.labels[app]</c>).
/// </summary>
/// <remarks>
/// A linked list to the root, so building a child is one small allocation and the string is only built
/// when an error is reported (validation runs on hot property-test paths).
/// </remarks>
public sealed class FieldPath : IEquatable<FieldPath>
{
    private readonly FieldPath? _parent;
    private readonly string _name;
    private readonly string? _index;

    private FieldPath(FieldPath? parent, string name, string? index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>A root path of one or more names (<c>field.NewPath("spec", "containers")</c>).</summary>
    public static FieldPath Root(string name, params string[] more)
    {
        var path = new FieldPath(null, name, null);
        foreach (string m in more)
        {
            path = path.Child(m);
        }

        return path;
    }

    public FieldPath Child(string name) => new(this, name, null);

    public FieldPath Child(string name, string next) => Child(name).Child(next);

    public FieldPath Index(int index) => new(this, "", index.ToString(CultureInfo.InvariantCulture));

    /// <summary>A map key; printed verbatim inside brackets, as upstream does (no quoting or escaping).</summary>
    public FieldPath Key(string key) => new(this, "", key);

    public override string ToString()
    {
        // Collect from leaf to root, then print root first.
        int depth = 0;
        for (var p = this; p is not null; p = p._parent)
        {
            depth++;
        }

        var elems = new FieldPath[depth];
        int i = depth;
        for (var p = this; p is not null; p = p._parent)
        {
            elems[--i] = p;
        }

        var sb = new StringBuilder();
        for (int k = 0; k < elems.Length; k++)
        {
            var e = elems[k];
            if (k > 0 && e._name.Length != 0)
            {
                sb.Append('.');
            }

            if (e._index is not null)
            {
                sb.Append('[').Append(e._index).Append(']');
            }
            else
            {
                sb.Append(e._name);
            }
        }

        return sb.ToString();
    }

    public bool Equals(FieldPath? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());
}
