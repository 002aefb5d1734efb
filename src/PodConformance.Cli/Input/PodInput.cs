using PodConformance.Manifests.Reading;

namespace PodConformance.Cli.Input;

/// <summary>
/// Pods from every <c>-f</c> given, with the manifest's warnings printed to stderr as they are found.
/// Documents with errors are reported and skipped, so one bad document does not hide the others' answers;
/// the verb then ends with exit code 2.
/// </summary>
public sealed class PodInput
{
    private PodInput(IReadOnlyList<LoadedPod> pods, bool hadErrors)
    {
        Pods = pods;
        HadErrors = hadErrors;
    }

    public IReadOnlyList<LoadedPod> Pods { get; }

    public bool HadErrors { get; }

    /// <summary>Reads every file with the schema of <paramref name="version"/>, as that release's API server would decode it.</summary>
    public static PodInput Load(IReadOnlyList<string>? paths, CliConsole console, string verb, Model.Profiles.KubernetesVersion version, bool verbose = false)
    {
        if (paths is null || paths.Count == 0)
        {
            throw new UserInputException($"{verb}: -f FILE is required (- for stdin)");
        }

        var pods = new List<LoadedPod>();
        bool errors = false;
        foreach (string path in paths)
        {
            var file = InputFile.Read(path, console);
            var result = PodManifestReader.ReadText(file.Text, file.DisplayName, version);
            foreach (var d in result.Diagnostics)
            {
                console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
                errors |= d.IsError;
            }

            _ = verbose;
            pods.AddRange(result.Pods);
        }

        if (pods.Count == 0 && !errors)
        {
            throw new UserInputException($"{verb}: no Pod found in {string.Join(", ", paths)}");
        }

        return new PodInput(pods, errors);
    }

    /// <summary>The exit code after the verb's own: input errors (2) outrank a failed check (1).</summary>
    public int Combine(int verbExitCode) => HadErrors ? ExitCodes.UsageOrInput : verbExitCode;

    /// <summary>kubectl shows an object without a namespace in the context's namespace, "default" here.</summary>
    public static string Namespace(LoadedPod p) => p.Pod.Metadata.Namespace.Length == 0 ? "default" : p.Pod.Metadata.Namespace;

    public static string DisplayName(LoadedPod p) => p.Pod.Metadata.Name.Length == 0 ? "<none>" : p.Pod.Metadata.Name;
}
