using System.CommandLine;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;

namespace PodConformance.Cli.Input;

/// <summary>
/// <c>--objects FILE</c> (repeatable) and <c>--objects-complete</c> for the verbs that run a create: the cluster objects
/// the admission plugins read (ServiceAccounts, PriorityClasses, LimitRanges, ResourceQuotas, RuntimeClasses), and whether they are the
/// whole cluster (a reference to anything else is then refused, as on a fresh cluster) or a part of it (anything else
/// is assumed to exist and reported as not checked).
/// </summary>
public sealed class AdmissionOptions(string description = AdmissionOptions.AdmissionKinds)
{
    private const string AdmissionKinds = "Manifest file with the cluster objects admission reads: ServiceAccount, PriorityClass, LimitRange, ResourceQuota, RuntimeClass (repeatable)";

    public Option<string[]> Objects { get; } = new("--objects")
    {
        Description = description,
        HelpName = "FILE",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> Complete { get; } = new("--objects-complete")
    {
        Description = "The --objects files are the whole cluster: a ServiceAccount, PriorityClass or RuntimeClass not among them is refused as not found",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Objects);
        command.Options.Add(Complete);
    }

    /// <summary>
    /// The objects to admit with, decoded with <paramref name="version"/>'s structs (ADM-019);
    /// <see cref="LoadedObjects.HasErrors"/> when a file could not be read (the verb then exits 2).
    /// </summary>
    public LoadedObjects Read(ParseResult result, CliConsole console, KubernetesVersion version)
    {
        var loaded = ObjectsInput.LoadAll(result.GetValue(Objects), console, version);
        return result.GetValue(Complete)
            ? loaded with { Admission = loaded.Admission with { Missing = MissingObjects.NotFound } }
            : loaded;
    }
}
