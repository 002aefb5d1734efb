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

    private PodInput(IReadOnlyList<LoadedPod> pods, IReadOnlyList<Output.InputError> errors, IReadOnlyList<string> files, Dictionary<string, string> texts, FieldValidation validation, int skipped)
    {
        Errors = errors;
        Skipped = skipped;
        Validation = validation;
        Pods = pods;
        ErrorCount = errors.Count;
        Files = files;
        _texts = texts;
    }

    public IReadOnlyList<LoadedPod> Pods { get; }

    /// <summary>The create's <c>fieldValidation</c> (<c>--validate</c>, SCHEMA-009): what becomes of the pods' unknown fields.</summary>
    public FieldValidation Validation { get; }

    public bool HadErrors => ErrorCount > 0;

    /// <summary>
    /// Objects read that are neither Pods nor workloads with a pod template (a Service, a ConfigMap): not checked, and
    /// counted as kubeconform counts resources it does not validate, as skipped.
    /// </summary>
    public int Skipped { get; }

    /// <summary>How many input errors were reported (documents that could not be read as Pods).</summary>
    public int ErrorCount { get; }

    /// <summary>The input errors reported, in order: the machine outputs list them as resources in error (kubeconform's Error).</summary>
    public IReadOnlyList<Output.InputError> Errors { get; }

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

        if (pod.Template is { } template)
        {
            fieldPath = template.WrittenPath(fieldPath);
        }

        // A fragment's fields are written relative to the fragment: spec.containers[0].env → env, spec.volumes → volumes.
        if (pod.Fragment is { } fragment)
        {
            string prefix = fragment == ManifestFragment.Container ? "spec.containers[0]" : "spec";
            fieldPath = fieldPath.StartsWith(prefix + ".", StringComparison.Ordinal) ? fieldPath[(prefix.Length + 1)..] : fieldPath == prefix ? "" : fieldPath;
            if (fieldPath.Length == 0 || fieldPath.StartsWith("metadata", StringComparison.Ordinal) || fieldPath.StartsWith("spec.", StringComparison.Ordinal))
            {
                return pod.Position;
            }
        }

        return locator.Locate(pod.Position, fieldPath);
    }

    /// <summary><c>file:line:column</c> of the pod's document.</summary>
    public static string Where(LoadedPod p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return Output.Location.Of(p.File, p.Position);
    }

    /// <summary>
    /// Reads every file (a directory's manifests, recursively with <paramref name="recursive"/>) with the schema of
    /// <paramref name="version"/>, as that release's API server would decode it. Kind-less documents are read as
    /// <paramref name="fragment"/>, or detected as a PodSpec or Container fragment with a note. An unknown field is
    /// printed as a warning under <see cref="FieldValidation.Warn"/> only: under Strict it is the pod's refusal
    /// (<see cref="StrictRefusal"/>; a document that did not load is refused for its decode error alone, which the
    /// strict serializer reports before any strict error), under Ignore nothing. With <paramref name="strictRefusalIsInputError"/>
    /// (the verbs that answer about the created pod without reporting the create: qos, env, simulate, oom-score) a pod
    /// refused under Strict is reported here as an input error and left out, as a pod with a type error is: both are the
    /// API server's BadRequest at decode.
    /// </summary>
    public static PodInput Load(IReadOnlyList<string>? paths, CliConsole console, string verb, Model.Profiles.KubernetesVersion version, bool verbose = false,
        bool recursive = false, ManifestFragment? fragment = null, FieldValidation validation = FieldValidation.Warn, bool strictRefusalIsInputError = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (paths is null || paths.Count == 0)
        {
            throw new UserInputException($"{verb}: -f FILE|DIR is required (- for stdin)");
        }

        if (console.StdinTaken && paths.Contains("-"))
        {
            // Refused as a usage error before anything is read, not as the error of one file among others (Read's own check).
            throw new UserInputException("--filename: standard input cannot be used for multiple arguments (another flag has read it)");
        }

        var pods = new List<LoadedPod>();
        var errors = new List<Output.InputError>();
        int skipped = 0;
        var files = new List<string>();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Expand(paths, recursive))
        {
            InputFile file;
            try
            {
                file = InputFile.Read(path, console);
            }
            catch (UserInputException e)
            {
                // A file that is not UTF-8, too large or unreadable is that file's error, as a syntax error is: the
                // others are still read (kubectl's builder visits every file and reports the errors at the end).
                console.Error.Write("podconf: error: " + e.Message + "\n");
                string name = path == "-" ? PodManifestReader.StdinName : path;
                files.Add(name);
                errors.Add(new Output.InputError(name, SourcePosition.None, e.Message.StartsWith(name + ":", StringComparison.Ordinal) ? e.Message[(name.Length + 1)..].TrimStart() : e.Message));
                continue;
            }

            files.Add(file.DisplayName);
            texts[file.DisplayName] = file.Text;
            var result = fragment is { } f
                ? PodManifestReader.ReadText(file.Text, file.DisplayName, version, f)
                : PodManifestReader.ReadText(file.Text, file.DisplayName, version, detectFragments: true);
            foreach (var d in result.Diagnostics)
            {
                if (d.UnknownField is not null && validation != FieldValidation.Warn)
                {
                    continue;
                }

                console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
                if (d.IsError)
                {
                    errors.Add(Output.InputError.Of(d));
                }
            }

            if (verbose)
            {
                // Not checked, and said so (kubeconform -verbose lists the resources it skips): the verbs answer for Pods.
                foreach (var o in result.OtherObjects)
                {
                    string name = o.Namespace.Length > 0 ? o.Namespace + "/" + o.Name : o.Name;
                    console.Error.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"podconf: note: {o.File}:{o.Raw.Position.Line}:{o.Raw.Position.Column}: {o.Kind} {name} is not a Pod: not checked\n"));
                }
            }

            skipped += result.OtherObjects.Length;
            foreach (var pod in result.Pods)
            {
                if (strictRefusalIsInputError && validation == FieldValidation.Strict && pod.UnknownFields.Count > 0)
                {
                    console.Error.Write("podconf: error: " + StrictRefusalLines(pod));
                    errors.Add(new Output.InputError(pod.File, pod.Position, Model.Printing.Printable.Escape(
                        StrictDecoding.BadRequestMessage(Kind(pod), pod.Template?.ApiVersion ?? "v1", StrictDecoding.InDecoderOrder(pod.UnknownFields)))));
                    continue;
                }

                if (fragment is not null)
                {
                    // Chosen with --fragment: no note (MANI-052); documents with a kind were read as they are.
                    pods.Add(pod);
                    continue;
                }

                if (pod.Fragment is { } detected)
                {
                    console.Error.Write($"podconf: note: {Where(pod)}: no kind: read as a {(detected == ManifestFragment.PodSpec ? "PodSpec" : "Container")} fragment in a Pod, filled in: {string.Join(", ", pod.Filled)} (--fragment podspec|container to choose)\n");
                }

                pods.Add(pod);
            }
        }

        if (pods.Count == 0 && errors.Count == 0)
        {
            throw new UserInputException($"{verb}: no Pod found in {string.Join(", ", paths.Select(p => p == "-" ? PodManifestReader.StdinName : p))}");
        }

        return new PodInput(pods, errors, files, texts, validation, skipped);
    }

    /// <summary>
    /// Under <see cref="FieldValidation.Strict"/>, the unknown fields the API server refuses <paramref name="pod"/> for,
    /// in the order its BadRequest lists them (<see cref="StrictDecoding.InDecoderOrder"/>); empty when it is not refused
    /// at decode (another mode, or no unknown field).
    /// </summary>
    public IReadOnlyList<ManifestDiagnostic> StrictRefusal(LoadedPod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return Validation == FieldValidation.Strict && pod.UnknownFields.Count > 0 ? StrictDecoding.InDecoderOrder(pod.UnknownFields) : [];
    }

    /// <summary>
    /// A pod refused at decode as one error: at the pod's document, kubectl's BadRequest line (SCHEMA-009), then each
    /// unknown field at its own place, in the strict decoder's order.
    /// </summary>
    private static string StrictRefusalLines(LoadedPod pod)
    {
        var fields = StrictDecoding.InDecoderOrder(pod.UnknownFields);
        var sb = new System.Text.StringBuilder();
        sb.Append(Where(pod)).Append(": ").Append(Output.CreateReport.BadRequest(pod.File, StrictDecoding.BadRequestMessage(Kind(pod), pod.Template?.ApiVersion ?? "v1", fields)));
        foreach (var d in fields)
        {
            sb.Append("  ").Append(d).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The manifest file extensions kubectl reads from a directory (cli-runtime resource.FileExtensions).</summary>
    private static readonly string[] Extensions = [".json", ".yaml", ".yml"];

    /// <summary>
    /// kubectl's -f: a file as given, a directory as its files with a manifest extension in name order (its
    /// subdirectories too with -R), - as stdin.
    /// </summary>
    private static List<string> Expand(IReadOnlyList<string> paths, bool recursive)
    {
        // cli-runtime builder.go: "-" twice would read an already drained stdin (StdinMultiUseError, kubectl's words).
        if (paths.Count(p => p == "-") > 1)
        {
            throw new UserInputException("--filename: standard input cannot be used for multiple arguments");
        }

        var all = new List<string>();
        foreach (string path in paths)
        {
            if (path == "-" || !Directory.Exists(path))
            {
                // A path that does not exist ends the command before anything is read, as kubectl's "the path does not
                // exist" does; what is wrong inside a file is that file's error (Load).
                if (path.Length == 0)
                {
                    throw new UserInputException(InputFile.EmptyName);
                }

                // kubectl's -f also fetches http(s) URLs (cli-runtime builder.go FilenameParam); podconf reads no network.
                if (path.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
                {
                    throw new UserInputException($"{path}: podconf reads local files only, not URLs (download it, or pipe it: curl -sL URL | podconf … -f -)");
                }

                if (path != "-" && !File.Exists(path))
                {
                    bool inDirectory = Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path)));
                    throw new UserInputException($"{path}: no such file{(inDirectory ? "" : " or directory")}");
                }

                all.Add(path);
                continue;
            }

            var found = new List<string>();
            Walk(path, recursive, found);
            if (found.Count == 0)
            {
                throw new UserInputException($"{path}: no .json, .yaml or .yml files in the directory{(recursive ? "" : " (-R to look in its subdirectories)")}");
            }

            all.AddRange(found);
        }

        return all;
    }

    private static void Walk(string dir, bool recursive, List<string> into)
    {
        // filepath.Walk's lexical order: entries sorted by name, files and directories interleaved. Walk reads entries with
        // Lstat, so a symbolic link to a directory is not a directory to it: never descended into (a link to a parent
        // looped until the path grew too long, every file read again at each turn), and taken as a file when its name
        // has a manifest extension, as kubectl's ExpandPathsToFileVisitors does.
        foreach (string entry in Directory.EnumerateFileSystemEntries(dir).Order(StringComparer.Ordinal))
        {
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                if (recursive)
                {
                    Walk(entry, recursive, into);
                }

                continue;
            }

            if (Extensions.Contains(Path.GetExtension(entry), StringComparer.Ordinal))
            {
                into.Add(entry);
            }
        }
    }

    /// <summary>
    /// A field error of the Pod as the API server words it for what was written: the template's real path in a
    /// workload (<c>spec.template.spec.containers[0]…</c>), the Pod's own path otherwise.
    /// </summary>
    public static Model.Validation.FieldError AsWritten(LoadedPod pod, Model.Validation.FieldError error)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(error);
        return pod.Template is { } t ? error with { Field = t.ErrorPath(error.Field) } : error;
    }

    /// <summary>
    /// For a workload, what a valid answer does not cover: only its pod template is checked (as a Pod), not the
    /// workload's own fields (replicas, selector, schedule, the restart policy its kind demands). Empty for a Pod.
    /// </summary>
    public static string NotChecked(LoadedPod p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.Template is { } t ? $"its pod template ({t.Path}) is valid; the {t.Kind}'s own fields are not checked" : "";
    }

    /// <summary>What the error message calls the object: <c>Pod</c>, or the workload's kind.</summary>
    public static string Kind(LoadedPod p) => p.Template?.Kind ?? "Pod";

    /// <summary>The object's name: the Pod's, or the workload's.</summary>
    public static string ObjectName(LoadedPod p) => p.Template?.Name ?? p.Pod.Metadata.Name;

    /// <summary>The exit code after the verb's own: input errors (2) outrank a failed check (1).</summary>
    public int Combine(int verbExitCode) => HadErrors ? ExitCodes.UsageOrInput : verbExitCode;

    /// <summary>kubectl shows an object without a namespace in the context's namespace, "default" here.</summary>
    public static string Namespace(LoadedPod p) => p.Pod.Metadata.Namespace.Length == 0 ? "default" : p.Pod.Metadata.Namespace;

    public static string DisplayName(LoadedPod p) => p.Pod.Metadata.Name.Length == 0 ? "<none>" : p.Pod.Metadata.Name;
}
