using System.CommandLine;
using PodConformance.Cli.Output.JsonPath;

namespace PodConformance.Cli.Output;

/// <summary>What <c>-o</c> asked for: a format name, the template of <c>jsonpath=…</c>, and <c>--no-headers</c>.</summary>
public sealed record OutputFormat(string Name, string? Template, bool NoHeaders)
{
    public bool IsJsonPath => Name is "jsonpath" or "jsonpath-as-json";

    /// <summary>The formats that print objects (or a verb's findings) as data rather than as its own text.</summary>
    public bool IsData => Name is "json" or "yaml" or "name" || IsJsonPath;
}

/// <summary>
/// kubectl's output flags for one verb: <c>-o/--output</c> with the formats the verb supports (<c>jsonpath=TEMPLATE</c>,
/// <c>jsonpath-as-json=TEMPLATE</c> and <c>jsonpath-file=FILE</c> when it supports <c>jsonpath</c>), and
/// <c>--no-headers</c> when it prints a table. A wrong format is a usage error that names the nearest one.
/// </summary>
public sealed class OutputFlags
{
    private readonly string[] _formats;
    private readonly string _defaultFormat;

    public OutputFlags(string defaultFormat, string description, params string[] formats)
    {
        _formats = formats;
        _defaultFormat = defaultFormat;
        Output = new Option<string>("--output", "-o")
        {
            Description = description, // System.CommandLine adds "[default: …]" from DefaultValueFactory
            HelpName = string.Join("|", formats.Select(f => f == "jsonpath" ? "jsonpath=TEMPLATE" : f)),
            DefaultValueFactory = _ => defaultFormat,

            // Given twice, the last value wins (kubectl get -o yaml -o json prints JSON): PflagSyntax does that for every
            // single-valued option before parsing.
        };
        HasTable = formats.Any(f => f is "table" or "wide" or "watch");
        NoHeaders = new Option<bool>("--no-headers") { Description = "Print tables without their header row (as kubectl --no-headers)" };
    }

    public Option<string> Output { get; }

    public Option<bool> NoHeaders { get; }

    public bool HasTable { get; }

    public IReadOnlyList<string> Formats => _formats;

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Output);
        if (HasTable)
        {
            command.Options.Add(NoHeaders);
        }
    }

    /// <summary>
    /// kubectl's other printers (k8s.io/cli-runtime pkg/genericclioptions: GoTemplatePrintFlags' go-template,
    /// go-template-file, template, templatefile; kubectl get's CustomColumnsPrintFlags' custom-columns, custom-columns-file;
    /// JSONYamlPrintFlags' kyaml, json_yaml_flags.go, offered when KUBECTL_KYAML=true), which podconf does not implement.
    /// </summary>
    private static readonly string[] KubectlOnly = ["custom-columns", "custom-columns-file", "go-template", "go-template-file", "template", "templatefile", "kyaml"];

    public OutputFormat Read(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        // An empty -o ('-o ""', '--output=') is the verb's default, as kubectl's printers read it (kubectl get's
        // HumanPrintFlags.ToPrinter takes "" as the table; k8s.io/kubectl pkg/cmd/get/humanreadable_flags.go).
        string value = result.GetValue(Output) is { Length: > 0 } given ? given : _defaultFormat;
        bool noHeaders = HasTable && result.GetValue(NoHeaders);
        if (_formats.Contains("jsonpath"))
        {
            foreach (string kind in new[] { "jsonpath", "jsonpath-as-json", "jsonpath-file" })
            {
                if (value == kind || value.StartsWith(kind + "=", StringComparison.Ordinal))
                {
                    string template = value.Length > kind.Length ? value[(kind.Length + 1)..] : "";
                    if (template.Length == 0)
                    {
                        throw new UserInputException("--output: template format specified but no template given (e.g. -o jsonpath='{.status.qosClass}')");
                    }

                    if (kind == "jsonpath-file")
                    {
                        try
                        {
                            // Read as every input is, at most 3 MiB, so a device or a huge file cannot exhaust memory.
                            template = System.Text.Encoding.UTF8.GetString(Input.InputFile.ReadBytes(template));
                        }
                        catch (UserInputException e)
                        {
                            throw new UserInputException("--output: error reading --template " + template + ", " + e.Message);
                        }
                    }

                    try
                    {
                        JsonPathParser.Parse(template);
                    }
                    catch (JsonPathException e)
                    {
                        throw new UserInputException("--output: error parsing jsonpath " + template + ", " + e.Message);
                    }

                    return new OutputFormat(kind == "jsonpath-as-json" ? kind : "jsonpath", template, noHeaders);
                }
            }
        }

        if (Array.IndexOf(_formats, value) < 0)
        {
            // kubectl's printers podconf does not have: named as such, not as a typo with a far-fetched suggestion.
            int eq = value.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? value : value[..eq];
            if (Array.IndexOf(KubectlOnly, name) >= 0)
            {
                throw new UserInputException($"--output: {name} is a kubectl output format podconf does not print (jsonpath=TEMPLATE reads the same fields). Allowed: {string.Join(", ", _formats.Select(f => f == "jsonpath" ? "jsonpath=TEMPLATE" : f))}");
            }

            var near = Suggest.Nearest(value, _formats);
            string hint = near.Count > 0 ? "; did you mean \"" + near[0] + "\"?" : ".";
            throw new UserInputException($"--output: unknown format \"{value}\"{hint} Allowed: {string.Join(", ", _formats.Select(f => f == "jsonpath" ? "jsonpath=TEMPLATE" : f))}");
        }

        return new OutputFormat(value, null, noHeaders);
    }
}
