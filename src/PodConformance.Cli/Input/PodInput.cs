using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Reading;

namespace PodConformance.Cli.Input;

/// <summary>
/// Pods from every <c>-f</c> given, with the manifest's warnings printed to stderr as they are found.
/// Documents with errors are reported and skipped, so one bad document does not hide the others' answers;
/// the verb then ends with exit code 2.
/// </summary>
public sealed class PodInput
{
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, FieldLocator> _locators = new(StringComparer.Ordinal);

    private PodInput(IReadOnlyList<LoadedPod> pods, int errorCount, IReadOnlyList<string> files, Dictionary<string, string> texts)
    {
        Pods = pods;
        ErrorCount = errorCount;
        Files = files;
        _texts = texts;
    }

    public IReadOnlyList<LoadedPod> Pods { get; }

    public bool HadErrors => ErrorCount > 0;

    /// <summary>How many input errors were reported (documents that could not be read as Pods).</summary>
    public int ErrorCount { get; }

    /// <summary>The display names of the files read, in order (<c>&lt;stdin&gt;</c> for <c>-</c>).</summary>
    public IReadOnlyList<string> Files { get; }

    public bool StdinOnly => Files.Count == 1 && Files[0] == "<stdin>";

    /// <summary>Where in its file a field of a loaded pod was written (its nearest written parent for a defaulted one).</summary>
    public SourcePosition Locate(LoadedPod pod, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(pod);
        if (!_texts.TryGetValue(pod.File, out string? text))
        {
            return pod.Position;
        }

        if (!_locators.TryGetValue(pod.File, out var locator))
        {
            _locators[pod.File] = locator = FieldLocator.For(text);
        }

        return locator.Locate(pod.Position, fieldPath);
    }

    /// <summary><c>file:line:column</c> of the pod's document.</summary>
    public static string Where(LoadedPod p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Output.Location.Of(p.File, p.Position);
    }

    /// <summary>Reads every file with the schema of <paramref name="version"/>, as that release's API server would decode it.</summary>
    public static PodInput Load(IReadOnlyList<string>? paths, CliConsole console, string verb, Model.Profiles.KubernetesVersion version, bool verbose = false)
    {
        if (paths is null || paths.Count == 0)
        {
            throw new UserInputException($"{verb}: -f FILE is required (- for stdin)");
        }

        var pods = new List<LoadedPod>();
        int errors = 0;
        var files = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            var file = InputFile.Read(path, console);
            files.Add(file.DisplayName);
            texts[file.DisplayName] = file.Text;
            var result = PodManifestReader.ReadText(file.Text, file.DisplayName, version);
            foreach (var d in result.Diagnostics)
            {
                console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
                errors += d.IsError ? 1 : 0;
            }

            _ = verbose;
            pods.AddRange(result.Pods);
        }

        if (pods.Count == 0 && errors == 0)
        {
            throw new UserInputException($"{verb}: no Pod found in {string.Join(", ", paths)}");
        }

        return new PodInput(pods, errors, files, texts);
    }

    /// <summary>The exit code after the verb's own: input errors (2) outrank a failed check (1).</summary>
    public int Combine(int verbExitCode) => HadErrors ? ExitCodes.UsageOrInput : verbExitCode;

    /// <summary>kubectl shows an object without a namespace in the context's namespace, "default" here.</summary>
    public static string Namespace(LoadedPod p) => p.Pod.Metadata.Namespace.Length == 0 ? "default" : p.Pod.Metadata.Namespace;

    public static string DisplayName(LoadedPod p) => p.Pod.Metadata.Name.Length == 0 ? "<none>" : p.Pod.Metadata.Name;
}
