using System.CommandLine;

namespace PodConformance.Cli.Commands;

/// <summary>kubectl's <c>-f</c>: repeatable, <c>-</c> for stdin.</summary>
public static class FileOption
{
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        Description = "Also list the fields Kubernetes knows that the model does not use",
    };

    /// <summary>kubeconform's <c>-summary</c>: a count of resources found, valid, invalid, errors, skipped.</summary>
    public static Option<bool> Summary() => new("--summary")
    {
        Description = "End with a summary of the resources found (as kubeconform -summary)",
    };

    public static Option<string[]> Create() => new("--filename", "-f")
    {
        Description = "Manifest file (YAML or JSON; multi-document, kind: List); - for stdin. Repeatable.",
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };
}
