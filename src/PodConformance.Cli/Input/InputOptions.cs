using System.CommandLine;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Profiles;

namespace PodConformance.Cli.Input;

/// <summary>
/// How the Pod verbs take input, as kubectl does: <c>-f FILE|DIR|-</c> (repeatable; a directory gives its .json, .yaml
/// and .yml files in name order), <c>-R</c> to walk directories recursively, and <c>--fragment</c> to read kind-less
/// documents as a bare PodSpec or Container (without it they are detected, with a note).
/// </summary>
public sealed class InputOptions
{
    public Option<string[]> Files { get; } = new("--filename", "-f")
    {
        Description = "Manifest file or directory (YAML or JSON; multi-document, kind: List, workloads' pod templates); - for stdin. Repeatable.",
        HelpName = "FILE|DIR|-",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> Recursive { get; } = new("--recursive", "-R")
    {
        Description = "Process the directory used in -f recursively (as kubectl -R)",
    };

    public Option<string?> Fragment { get; } = new("--fragment")
    {
        Description = "Read documents without a kind as this fragment: podspec or container (default: detected from their fields, with a note)",
        HelpName = "podspec|container",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Files);
        command.Options.Add(Recursive);
        command.Options.Add(Fragment);
    }

    /// <summary>
    /// Reads the <c>-f</c> files; <paramref name="validation"/> is the verb's <c>--validate</c> (Warn for verbs without
    /// it), and <paramref name="strictRefusalIsInputError"/> says a pod it refuses is an input error of this verb rather
    /// than a result it reports (<see cref="PodInput.Load"/>).
    /// </summary>
    public PodInput Load(ParseResult result, CliConsole console, string verb, KubernetesVersion version, bool verbose = false, FieldValidation validation = FieldValidation.Warn,
        bool strictRefusalIsInputError = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ManifestFragment? fragment = result.GetValue(Fragment) switch
        {
            null => null,
            "podspec" => ManifestFragment.PodSpec,
            "container" => ManifestFragment.Container,
            var other => throw new UserInputException($"--fragment: \"{other}\" is not podspec or container"),
        };
        return PodInput.Load(result.GetValue(Files), console, verb, version, verbose, result.GetValue(Recursive), fragment, validation, strictRefusalIsInputError);
    }
}
