using System.CommandLine;
using System.Globalization;
using PodConformance.Cli.Input;
using PodConformance.Cli.Output;
using PodConformance.Model.Quantities;

namespace PodConformance.Cli.Commands;

/// <summary>
/// <c>podconf quantity</c>: how Kubernetes parses and prints quantities. Each input is taken exactly as
/// given (no trimming), so the answer is the API server's for that exact string.
/// </summary>
public static class QuantityCommand
{
    /// <summary>Rows answered and written together; a table is aligned within each batch (the header with the first).</summary>
    internal const int BatchSize = 1000;

    public static Command Create(CliConsole console)
    {
        var values = new Argument<string[]>("VALUE") { Description = "Quantities to parse, e.g. 100m 1.5Gi 1e3", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<string?>("--filename", "-f") { Description = "Read one quantity per line from FILE, or - for stdin", HelpName = "FILE" };
        var output = new OutputFlags("table", "table (for people), tsv (for scripts), json, yaml or jsonpath=TEMPLATE", "table", "tsv", "json", "yaml", "jsonpath");
        var common = new CommonOptions();
        var command = new Command("quantity", "Parse quantities as the Kubernetes API server does: its printed string, canonical form, format, values.");
        command.Arguments.Add(values);
        command.Options.Add(file);
        output.AddTo(command);
        common.AddTo(command);
        command.SetAction(result =>
        {
            _ = common.ReadProfile(result);
            var format = output.Read(result);
            var inputs = new List<string>(result.GetValue(values) ?? []);
            string? path = result.GetValue(file);
            if (path is not null)
            {
                var input = InputFile.Read(path, console);
                var lines = input.Lines();
                if (lines.Count == 0 && inputs.Count == 0)
                {
                    // As an empty scenario (SCN-001) or an input without a Pod: nothing to answer is an input error, not
                    // an empty table with exit 0 (a blank line is still a quantity, the empty string, and answered).
                    throw new UserInputException($"quantity: no quantity in {input.DisplayName} (an empty file; one quantity per line)");
                }

                inputs.AddRange(lines);
            }
            else if (inputs.Count == 0)
            {
                throw new UserInputException("quantity: give one or more VALUEs, or -f FILE (- for stdin)");
            }

            bool tsv = format.Name == "tsv";
            bool allOk = true;
            List<QuantityRow>? all = format.IsData ? new(inputs.Count) : null; // one document, printed at the end
            for (int start = 0; start < inputs.Count; start += BatchSize)
            {
                // Answer and print a batch at a time: output appears as the work goes, in one write per batch
                // (Console.Out flushes on every write, which cost a million writes for 100k lines).
                int count = Math.Min(BatchSize, inputs.Count - start);
                var rows = new List<QuantityRow>(count);
                for (int i = start; i < start + count; i++)
                {
                    rows.Add(QuantityRow.Of(inputs[i]));
                }

                var text = new StringWriter(CultureInfo.InvariantCulture);
                if (all is not null)
                {
                    all.AddRange(rows);
                }
                else if (tsv)
                {
                    WriteTsv(rows, text);
                }
                else
                {
                    WriteTable(rows, text, header: start == 0 && !format.NoHeaders);
                }

                console.Out.Write(text.ToString());
                console.Out.Flush();
                var warnings = new StringWriter(CultureInfo.InvariantCulture);
                WriteWarnings(rows, warnings);
                if (warnings.GetStringBuilder().Length > 0)
                {
                    console.Error.Write(warnings.ToString());
                    console.Error.Flush();
                }

                allOk &= rows.TrueForAll(r => r.Ok);
            }

            if (all is not null)
            {
                console.Out.Write(ObjectOutput.PrintDocument(format, Json(all)));
            }

            return allOk ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static void WriteTsv(List<QuantityRow> rows, TextWriter o)
    {
        foreach (var r in rows)
        {
            if (r.Ok)
            {
                Tsv.WriteRow(o, r.Input, "ok", r.String, r.Canonical, r.Format, r.MilliValue, r.Value);
            }
            else
            {
                Tsv.WriteRow(o, r.Input, "err", "", "", "", "", "", r.Error);
            }
        }
    }

    private static string Json(List<QuantityRow> rows) => Output.Json.Write(w =>
    {
        w.WriteStartArray();
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("input", r.Input);
            w.WriteBoolean("ok", r.Ok);
            if (r.Ok)
            {
                w.WriteString("string", r.String);
                w.WriteString("canonical", r.Canonical);
                w.WriteString("format", r.Format);
                w.WriteNumber("milliValue", long.Parse(r.MilliValue, System.Globalization.CultureInfo.InvariantCulture));
                w.WriteNumber("value", long.Parse(r.Value, System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                w.WriteString("error", r.Error);
            }

            w.WriteStartArray("warnings");
            foreach (string warning in r.Warnings)
            {
                w.WriteStringValue(warning);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });

    private static void WriteTable(List<QuantityRow> rows, TextWriter o, bool header)
    {
        var table = new TabTable();
        if (header)
        {
            table.Add("INPUT", "STRING", "CANONICAL", "FORMAT", "MILLIVALUE", "VALUE");
        }

        foreach (var r in rows)
        {
            string shown = Quote(r.Input);
            if (r.Ok)
            {
                table.Add(shown, r.String, r.Canonical, r.Format, r.MilliValue, r.Value);
            }
            else
            {
                table.Add(shown, "error: " + r.Error);
            }
        }

        table.WriteTo(o);
    }

    private static void WriteWarnings(List<QuantityRow> rows, TextWriter e)
    {
        for (int i = 0; i < rows.Count; i++)
        {
            foreach (string warning in rows[i].Warnings)
            {
                e.Write("podconf: warning: " + Quote(rows[i].Input) + ": " + warning + "\n");
            }
        }
    }

    /// <summary>Inputs with blanks or control characters are shown quoted, so people can see them.</summary>
    private static string Quote(string s)
    {
        bool plain = s.Length > 0;
        foreach (char c in s)
        {
            if (c <= ' ' || c == '"' || c == '\\' || c == 0x7f)
            {
                plain = false;
                break;
            }
        }

        return plain ? s : GoQuote(s);
    }

    private static string GoQuote(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (c < ' ' || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
