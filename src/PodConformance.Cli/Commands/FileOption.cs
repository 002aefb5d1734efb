using System.CommandLine;

namespace PodConformance.Cli.Commands;

/// <summary>kubectl's <c>-f</c>: repeatable, <c>-</c> for stdin.</summary>
public static class FileOption
{
    public static Option<bool> Verbose() => new("--verbose", "-v")
    {
        // It listed the fields the model did not use until per-release decoding (287a878) read every field, and then did
        // nothing at all; it now lists what the verb leaves unchecked at the level of whole objects.
        Description = "Also list the objects of the input that are not Pods (or workloads with a pod template): they are not checked",
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
