using System.Text;
using PodConformance.Model.Admission;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Cli.Output;

/// <summary>How <c>validate</c> words a create's outcome: as kubectl prints the API server's answer, plus what was not checked.</summary>
public static class CreateReport
{
    /// <summary>
    /// One pod's verdict. <c>is valid</c> only when every field the manifest sets was checked and nothing was assumed;
    /// otherwise the verdict says what was left out (ADM-098, ADM-099).
    /// </summary>
    public static string Verdict(string who, string file, PodCreateResult result, ValueList<NotChecked> notChecked)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder();
        if (result.Rejection is { } rejection)
        {
            sb.Append(rejection.IsInvalid
                ? Commands.ValidateCommand.KubectlInvalidMessage(result.Stored.Metadata.Name, rejection.Validation!)
                : Forbidden(file, rejection.Message));
        }
        else if (notChecked.IsEmpty)
        {
            return "pod " + who + " is valid\n";
        }
        else
        {
            sb.Append("pod ").Append(who).Append(": no errors in what the model checks; not checked:\n");
        }

        if (!notChecked.IsEmpty && result.Rejection is not null)
        {
            sb.Append("not checked for pod ").Append(who).Append(":\n");
        }

        foreach (var n in notChecked)
        {
            sb.Append("  - ").Append(n).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// kubectl's rendering of a Forbidden create (cmdutil.AddSourceToErr, then StandardErrorMessage); kubectl names
    /// standard input <c>STDIN</c>.
    /// </summary>
    public static string Forbidden(string file, string message) =>
        "Error from server (Forbidden): error when creating " + GoQuote.Quote(file == "<stdin>" ? "STDIN" : file) + ": " + message + "\n";

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
