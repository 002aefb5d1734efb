using System.Globalization;
using PodConformance.Cli.Output;
using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;

namespace PodConformance.Cli.Input;

/// <summary>
/// <c>--objects FILE</c>: the cluster objects a verb reads beside the pods: ConfigMaps, Secrets and Services for env;
/// ServiceAccounts, PriorityClasses, LimitRanges, ResourceQuotas and RuntimeClasses for the admission plugins. Problems are printed as
/// they are found; several errors are followed by one line counting them, a lone one by nothing.
/// </summary>
public static class ObjectsInput
{
    /// <summary>
    /// Both views of the objects, decoded with the structs of <paramref name="version"/> (the verb's
    /// <c>--kubernetes-version</c>; spec/admission.md ADM-019); <see cref="LoadedObjects.HasErrors"/> when any was unreadable.
    /// </summary>
    public static LoadedObjects LoadAll(IReadOnlyList<string>? paths, CliConsole console, KubernetesVersion version)
    {
        if (paths is null || paths.Count == 0)
        {
            return new LoadedObjects(EnvObjects.Empty, AdmissionObjects.None, false);
        }

        var objects = new List<ManifestObject>();
        var diagnostics = new List<ManifestDiagnostic>();
        foreach (string path in paths)
        {
            var file = InputFile.Read(path, console, "--objects");
            var read = PodManifestReader.ReadText(file.Text, file.DisplayName);
            diagnostics.AddRange(read.Diagnostics);
            foreach (var pod in read.Pods)
            {
                diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, pod.File, pod.Position, "", "a Pod in an --objects file is ignored (pass pods with -f)"));
            }

            objects.AddRange(read.OtherObjects);
        }

        var mapped = EnvObjectMapper.Map(objects, version);
        diagnostics.AddRange(mapped.Diagnostics);
        var (admission, admissionDiagnostics) = AdmissionObjectMapper.Map(objects, version);
        diagnostics.AddRange(admissionDiagnostics);
        foreach (var d in diagnostics)
        {
            console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
        }

        int errors = diagnostics.Count(d => d.IsError);

        // As the scenario's list ends (spec/scenario.md): a lone error is not followed by a line repeating its news,
        // several get one line counting them. The files are counted together: --objects may name several.
        if (errors > 1)
        {
            console.Error.Write($"podconf: --objects: the objects have {errors.ToString(CultureInfo.InvariantCulture)} errors (listed above)\n");
        }

        return new LoadedObjects(mapped with { Diagnostics = [.. diagnostics] }, admission, errors > 0);
    }
}

/// <summary>The objects of <c>--objects</c>, as env and as the admission plugins read them.</summary>
public sealed record LoadedObjects(EnvObjects Env, AdmissionObjects Admission, bool HasErrors);
