using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;

namespace PodConformance.Cli.Input;

/// <summary>
/// The ConfigMaps, Secrets and Services of every <c>--objects</c> file, with each problem printed as
/// <c>file:line:col: path: message</c>. Any error makes the verb stop with exit 2: answering with a missing object
/// would print a CreateContainerConfigError the cluster would never show.
/// </summary>
public static class ObjectsInput
{
    public static EnvObjects Load(IReadOnlyList<string>? paths, CliConsole console)
    {
        if (paths is null || paths.Count == 0)
        {
            return EnvObjects.Empty;
        }

        var objects = new List<ManifestObject>();
        var diagnostics = new List<ManifestDiagnostic>();
        foreach (string path in paths)
        {
            var file = InputFile.Read(path, console);
            var read = PodManifestReader.ReadText(file.Text, file.DisplayName);
            diagnostics.AddRange(read.Diagnostics);
            foreach (var pod in read.Pods)
            {
                diagnostics.Add(new ManifestDiagnostic(DiagnosticSeverity.Warning, pod.File, pod.Position, "", "a Pod in an --objects file is ignored (pass pods with -f)"));
            }

            objects.AddRange(read.OtherObjects);
        }

        var mapped = EnvObjectMapper.Map(objects);
        diagnostics.AddRange(mapped.Diagnostics);
        foreach (var d in diagnostics)
        {
            console.Error.Write((d.IsError ? "podconf: error: " : "podconf: warning: ") + d + "\n");
        }

        return mapped with { Diagnostics = [.. diagnostics] };
    }
}
