using System.Globalization;
using System.Text;
using System.Text.Json;
using PodConformance.Manifests.Nodes;

namespace PodConformance.Cli.Output;

/// <summary>One finding about a resource, with the place in the input it points at.</summary>
public sealed record LocatedFinding(string Field, string Message, string Rule, string File, SourcePosition Position)
{
    /// <summary>Verb-specific extras for machine output (<c>observed</c>, <c>expected</c> of an audit finding).</summary>
    public IReadOnlyList<(string Name, string Value)> Extra { get; init; } = [];

    public string Where => Location.Of(File, Position);
}

/// <summary>
/// A document that could not be read (a syntax, type or encoding error): in the machine outputs a resource in error, as
/// kubeconform reports one (status <c>statusError</c>, a JUnit <c>&lt;error&gt;</c>, a TAP <c>not ok</c>).
/// </summary>
public sealed record InputError(string File, SourcePosition Position, string Message)
{
    public string Where => Location.Of(File, Position);

    /// <summary>The error as printed on stderr, without its location (field path and message, escaped).</summary>
    public static InputError Of(Manifests.Reading.ManifestDiagnostic d)
    {
        ArgumentNullException.ThrowIfNull(d);
        string message = Model.Printing.Printable.Escape(d.Message);
        return new(d.File, d.Position, d.Path.Length == 0 ? message : Model.Printing.Printable.Escape(d.Path) + ": " + message);
    }
}

/// <summary>A checked resource: where it starts, who it is, whether it passed, and its findings.</summary>
public sealed record ResourceResult(string File, SourcePosition Position, string Kind, string Namespace, string Name, bool Passed, string Message, IReadOnlyList<LocatedFinding> Findings)
{
    /// <summary>Verb-specific content for JSON (explain's steps); written after the common fields.</summary>
    public Action<Utf8JsonWriter>? Extra { get; init; }

    public string Where => Location.Of(File, Position);

    public string Who => Kind + " " + Namespace + "/" + (Name.Length == 0 ? "<none>" : Name);
}

public static class Location
{
    /// <summary><c>file:line:column</c>, as compilers and linters print it (just the file when the position is unknown).</summary>
    public static string Of(string file, SourcePosition p) =>
        p.IsKnown ? string.Create(CultureInfo.InvariantCulture, $"{file}:{p.Line}:{p.Column}") : file;
}

/// <summary>
/// The machine outputs of <c>validate</c>, <c>explain</c> and <c>audit</c>, shaped as kubeconform's (yannh/kubeconform
/// pkg/output, commit e65429b read): JSON <c>{"resources": […], "summary": {…}}</c>, JUnit (a suite per file, a case
/// per resource), TAP 13, and the summary line; every resource and finding carries file, line and column.
/// Deterministic: no times.
/// </summary>
public static class ResourceResultsOutput
{
    public sealed record Counts(int Resources, int Files, int Valid, int Invalid, int Errors, int Skipped);

    /// <summary>kubeconform's counts: every resource found, the ones not checked (<paramref name="skipped"/>) included.</summary>
    public static Counts Count(IReadOnlyList<ResourceResult> results, IReadOnlyList<string> files, int inputErrors, int skipped) =>
        new(results.Count + inputErrors + skipped, files.Count, results.Count(r => r.Passed), results.Count(r => !r.Passed), inputErrors, skipped);

    /// <summary>kubeconform's summary line.</summary>
    public static string SummaryLine(Counts c, bool stdinOnly)
    {
        ArgumentNullException.ThrowIfNull(c);
        string resources = c.Resources == 1 ? "resource" : "resources";
        string where = stdinOnly ? "parsing stdin" : string.Create(CultureInfo.InvariantCulture, $"in {c.Files} file{(c.Files == 1 ? "" : "s")}");
        return string.Create(CultureInfo.InvariantCulture,
            $"Summary: {c.Resources} {resources} found {where} - Valid: {c.Valid}, Invalid: {c.Invalid}, Errors: {c.Errors}, Skipped: {c.Skipped}\n");
    }

    public static string Json(IReadOnlyList<ResourceResult> results, Counts? summary, string validWord = "statusValid", string invalidWord = "statusInvalid") =>
        Json(results, [], [], summary, validWord, invalidWord);

    /// <summary>As kubeconform's JSON, the input errors among the resources in document order (<see cref="InDocumentOrder"/>).</summary>
    public static string Json(IReadOnlyList<ResourceResult> results, IReadOnlyList<InputError> errors, IReadOnlyList<string> files, Counts? summary, string validWord = "statusValid", string invalidWord = "statusInvalid") =>
        Output.Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("resources");
            foreach (var (result, e) in InDocumentOrder(results, errors, files))
            {
                if (e is not null)
                {
                    w.WriteStartObject();
                    w.WriteString("filename", e.File);
                    w.WriteNumber("line", e.Position.Line);
                    w.WriteNumber("column", e.Position.Column);
                    w.WriteString("kind", "");
                    w.WriteString("namespace", "");
                    w.WriteString("name", "");
                    w.WriteString("version", "");
                    w.WriteString("status", "statusError");
                    w.WriteString("msg", e.Message);
                    w.WriteEndObject();
                    continue;
                }

                var r = result!;
                w.WriteStartObject();
                w.WriteString("filename", r.File);
                w.WriteNumber("line", r.Position.Line);
                w.WriteNumber("column", r.Position.Column);
                w.WriteString("kind", r.Kind);
                w.WriteString("namespace", r.Namespace);
                w.WriteString("name", r.Name);
                w.WriteString("version", "v1");
                w.WriteString("status", r.Passed ? validWord : invalidWord);
                w.WriteString("msg", r.Message);
                w.WriteStartArray("validationErrors");
                foreach (var f in r.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("path", f.Field);
                    w.WriteString("msg", f.Message);
                    w.WriteString("rule", f.Rule);
                    w.WriteString("filename", f.File);
                    w.WriteNumber("line", f.Position.Line);
                    w.WriteNumber("column", f.Position.Column);
                    foreach (var (name, value) in f.Extra)
                    {
                        w.WriteString(name, value);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                r.Extra?.Invoke(w);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (summary is { } c)
            {
                w.WriteStartObject("summary");
                w.WriteNumber("valid", c.Valid);
                w.WriteNumber("invalid", c.Invalid);
                w.WriteNumber("errors", c.Errors);
                w.WriteNumber("skipped", c.Skipped);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });

    /// <summary>JUnit XML: a suite per input file, a test case per resource named <c>namespace/name</c>, class <c>Pod@v1</c>.</summary>
    public static string Junit(IReadOnlyList<ResourceResult> results, string suiteName) => Junit(results, [], [], suiteName);

    /// <summary>
    /// As <see cref="Junit(IReadOnlyList{ResourceResult}, string)"/>, with each input error a test case in error (kubeconform's
    /// <c>&lt;error message=…&gt;</c>, counted in <c>errors</c>), named by its location since no object name was read.
    /// </summary>
    public static string Junit(IReadOnlyList<ResourceResult> results, IReadOnlyList<InputError> errors, IReadOnlyList<string> inputFiles, string suiteName)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(errors);
        var entries = InDocumentOrder(results, errors, inputFiles);
        var files = entries.Select(x => x.Result?.File ?? x.Error!.File).Distinct(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        int failures = results.Count(r => !r.Passed);
        sb.Append(CultureInfo.InvariantCulture, $"<testsuites name=\"{X(suiteName)}\" tests=\"{entries.Count}\" failures=\"{failures}\" disabled=\"0\" errors=\"{errors.Count}\">\n");
        for (int i = 0; i < files.Count; i++)
        {
            var cases = entries.Where(x => (x.Result?.File ?? x.Error!.File) == files[i]).ToList();
            sb.Append(CultureInfo.InvariantCulture,
                $"  <testsuite name=\"{X(files[i])}\" id=\"{i + 1}\" tests=\"{cases.Count}\" failures=\"{cases.Count(c => c.Result is { Passed: false })}\" errors=\"{cases.Count(c => c.Error is not null)}\" disabled=\"0\" skipped=\"0\">\n");
            foreach (var (r, e) in cases)
            {
                if (e is not null)
                {
                    sb.Append("    <testcase name=\"").Append(X(e.Where)).Append("\" classname=\"\">\n      <error message=\"")
                        .Append(X(e.Where + ": " + e.Message)).Append("\" type=\"\"></error>\n    </testcase>\n");
                    continue;
                }

                string name = r!.Namespace + "/" + (r.Name.Length == 0 ? "<none>" : r.Name);
                sb.Append(CultureInfo.InvariantCulture, $"    <testcase name=\"{X(name)}\" classname=\"{X(r.Kind)}@v1\"");
                if (r.Passed)
                {
                    sb.Append("></testcase>\n");
                    continue;
                }

                sb.Append(">\n      <failure message=\"").Append(X(r.Where + ": " + r.Message)).Append("\" type=\"\">");
                sb.Append(X(string.Concat(r.Findings.Select(f => f.Where + ": " + f.Message + " (" + f.Rule + ")\n"))));
                sb.Append("</failure>\n    </testcase>\n");
            }

            sb.Append("  </testsuite>\n");
        }

        sb.Append("</testsuites>\n");
        return sb.ToString();
    }

    /// <summary>TAP 13: one test point per resource; a failing one is followed by its located findings as diagnostics.</summary>
    public static string Tap(IReadOnlyList<ResourceResult> results, Counts? summary, bool stdinOnly) => Tap(results, [], [], summary, stdinOnly);

    /// <summary>As <see cref="Tap(IReadOnlyList{ResourceResult}, Counts?, bool)"/>, with each input error a test point <c>not ok N - FILE:LINE:COL: ERROR</c> (kubeconform's).</summary>
    public static string Tap(IReadOnlyList<ResourceResult> results, IReadOnlyList<InputError> errors, IReadOnlyList<string> files, Counts? summary, bool stdinOnly)
    {
        ArgumentNullException.ThrowIfNull(results);
        var entries = InDocumentOrder(results, errors, files);
        var sb = new StringBuilder("TAP version 13\n");
        for (int i = 0; i < entries.Count; i++)
        {
            var (result, e) = entries[i];
            if (e is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"not ok {i + 1} - {e.Where}: {e.Message}\n");
                continue;
            }

            var r = result!;
            sb.Append(CultureInfo.InvariantCulture, $"{(r.Passed ? "ok" : "not ok")} {i + 1} - {r.Where} ({r.Who})");
            if (!r.Passed)
            {
                sb.Append(": ").Append(FirstLine(r.Message));
            }

            sb.Append('\n');
            foreach (var f in r.Findings)
            {
                sb.Append("  # ").Append(f.Where).Append(": ").Append(f.Message).Append(" (").Append(f.Rule).Append(")\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"1..{entries.Count}\n");
        if (summary is { } c)
        {
            sb.Append("# ").Append(SummaryLine(c, stdinOnly));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Results and input errors in the order of the input: by file (as given), then line and column; a result's place is
    /// its document's start, an error's the place it points at. The sort is stable, so results keep their order.
    /// </summary>
    internal static List<(ResourceResult? Result, InputError? Error)> InDocumentOrder(IReadOnlyList<ResourceResult> results, IReadOnlyList<InputError> errors, IReadOnlyList<string> files)
    {
        var all = new List<(ResourceResult? Result, InputError? Error)>(results.Count + errors.Count);
        all.AddRange(results.Select(r => ((ResourceResult?)r, (InputError?)null)));
        if (errors.Count == 0)
        {
            return all;
        }

        all.AddRange(errors.Select(e => ((ResourceResult?)null, (InputError?)e)));
        int FileIndex(string f)
        {
            for (int i = 0; i < files.Count; i++)
            {
                if (string.Equals(files[i], f, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return files.Count;
        }

        return [.. all.Select((x, i) => (x, i)).OrderBy(t => FileIndex(t.x.Result?.File ?? t.x.Error!.File))
            .ThenBy(t => (t.x.Result?.Position ?? t.x.Error!.Position).Line)
            .ThenBy(t => (t.x.Result?.Position ?? t.x.Error!.Position).Column)
            .ThenBy(t => t.i)
            .Select(t => t.x)];
    }

    private static string FirstLine(string text)
    {
        int nl = text.IndexOf('\n', StringComparison.Ordinal);
        return nl < 0 ? text : text[..nl].TrimEnd(' ');
    }

    private static string X(string text) => System.Security.SecurityElement.Escape(text) ?? "";
}
