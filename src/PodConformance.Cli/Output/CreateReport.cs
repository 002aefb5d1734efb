using System.Text;
using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Output;

/// <summary>How <c>validate</c> words a create's outcome: as kubectl prints the API server's answer, plus what was not checked.</summary>
public static class CreateReport
{
    /// <summary>
    /// A valid answer's one-line note: <c>no errors found; not checked: FIELD, …</c> (each field once, in the order it
    /// arose), or empty when everything the manifest sets was checked and nothing was assumed (ADM-098, ADM-099).
    /// </summary>
    public static string NotCheckedLine(ValueList<NotChecked> notChecked)
    {
        if (notChecked.IsEmpty)
        {
            return "";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder("no errors found; not checked: ");
        bool first = true;
        foreach (var n in notChecked)
        {
            if (!seen.Add(n.Field))
            {
                continue;
            }

            if (!first)
            {
                sb.Append(", ");
            }

            sb.Append(n.Field);
            first = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// kubectl's rendering of a Forbidden create (cmdutil.AddSourceToErr, then StandardErrorMessage); kubectl names
    /// standard input <c>STDIN</c>.
    /// </summary>
    public static string Forbidden(string file, string message) => ServerError("Forbidden", file, message);

    /// <summary>The same for a BadRequest: a create refused at decode under <c>--validate=strict</c> (SCHEMA-009).</summary>
    public static string BadRequest(string file, string message) => ServerError("BadRequest", file, message);

    /// <summary><c>Error from server (REASON): error when creating "FILE": MESSAGE</c>, a line.</summary>
    private static string ServerError(string reason, string file, string message) =>
        "Error from server (" + reason + "): error when creating " + GoQuote.Quote(file == "<stdin>" ? "STDIN" : file) + ": " + message + "\n";

    /// <summary>
    /// Everything not checked for this create, in the order it arose: what admission assumed (ADM-098), what validation
    /// skipped (its own list), then the manifest's fields no rule covers (ADM-099).
    /// </summary>
    public static ValueList<NotChecked> NotChecked(PodCreateResult result, Model.Api.Pod submitted)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = new List<NotChecked>(result.NotChecked.AsSpan().ToArray());
        foreach (var u in result.Validation.NotChecked)
        {
            list.Add(new NotChecked(u.Field, u.Reason));
        }

        list.AddRange(Manifests.Coverage.UncheckedFields.Of(submitted).AsSpan().ToArray());
        return list.ToValueList();
    }

    /// <summary>kubectl prints each warning of the response on stderr.</summary>
    public static string Warnings(PodCreateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        foreach (var w in result.Warnings)
        {
            sb.Append("Warning: ").Append(w.Text).Append('\n');
        }

        return sb.ToString();
    }
}
