using System.Text;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Validation;

/// <summary>The errors validation produced, in the order Kubernetes appends them.</summary>
public sealed record ValidationResult(ValueList<FieldError> Errors)
{
    public static ValidationResult Valid { get; } = new(ValueList<FieldError>.Empty);

    public bool IsValid => Errors.IsEmpty;

    /// <summary>
    /// Fields the pod sets that the model has no rule for (a release's check whose text could not be read): the API server
    /// may reject them, so an empty <see cref="Errors"/> is "no error found", not "valid", for these.
    /// </summary>
    public ValueList<UncheckedField> NotChecked { get; init; }

    /// <summary>
    /// <c>ErrorList.ToAggregate().Error()</c>: one message alone, several in brackets joined by <c>", "</c>,
    /// duplicates (same text) dropped after their first occurrence.
    /// </summary>
    public string ToAggregateString()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var msgs = new List<string>(Errors.Count);
        foreach (var e in Errors)
        {
            string m = e.ToString();
            if (seen.Add(m))
            {
                msgs.Add(m);
            }
        }

        if (msgs.Count == 0)
        {
            return "";
        }

        if (msgs.Count == 1)
        {
            return msgs[0];
        }

        var sb = new StringBuilder("[");
        for (int i = 0; i < msgs.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(msgs[i]);
        }

        return sb.Append(']').ToString();
    }

    /// <summary>The API server's rejection text: <c>Pod "name" is invalid: …</c> (<c>errors.NewInvalid</c>).</summary>
    public string ToInvalidMessage(string kind, string name) =>
        kind + " " + GoQuote.Quote(name) + " is invalid: " + ToAggregateString();
}

/// <summary>A field validation did not check, and why (see <see cref="ValidationResult.NotChecked"/>).</summary>
public sealed record UncheckedField(string Field, string Reason);
