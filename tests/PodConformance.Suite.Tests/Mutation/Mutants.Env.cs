using PodConformance.Model.ContainerEnv;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    private static IEnumerable<Mutant> Env()
    {
        yield return new Mutant(
            "env-no-expansion", "env", ExpandRules.Mapping, "$(VAR) references in env values are not expanded",
            Injection.Stage,
            ModelPipeline.Real with
            {
                EnvPod = pod => pod with
                {
                    Spec = pod.Spec with
                    {
                        InitContainers = [.. pod.Spec.InitContainers.Select(NoExpansion)],
                        Containers = [.. pod.Spec.Containers.Select(NoExpansion)],
                    },
                },
            });
    }

    /// <summary>
    /// ENV-016: a fileKeyRef marked optional is treated as required, so a key missing from the env file (or defined empty)
    /// stops the container instead of leaving the variable out.
    /// </summary>
    private static IEnumerable<Mutant> EnvFiles()
    {
        yield return new Mutant(
            "env-file-optional-ignored", "env", EnvRules.FileKeyRef, "fileKeyRef's optional is ignored: a missing or empty key in the env file stops the container",
            Injection.Stage,
            ModelPipeline.Real with { EnvPod = pod => MapContainers(pod, c => c with { Env = [.. c.Env.Select(RequiredFileKey)] }) });

        // ENV-017 runs only at 1.34, in P-ENV-RESOLVE's cases that turn the alpha EnvFiles on (EnvGen.GatedCaseFor).
        yield return new Mutant(
            "env-file-1-34-read-as-1-35", "env", EnvRules.DotenvSyntax, "at 1.34 the kubelet reads env files as 1.35 does (the single-quoted syntax of ENV-018, without 1.34's alpha limits)",
            Injection.Stage,
            ModelPipeline.Real with { EnvProfile = profile => profile.Version == Release134 ? profile with { Version = new Model.Profiles.KubernetesVersion(1, 35) } : profile })
        {
            Release = Release134,
        };
    }

    private static Model.Api.EnvVar RequiredFileKey(Model.Api.EnvVar e) =>
        e.ValueFrom?.FileKeyRef is { Optional: true } f ? e with { ValueFrom = e.ValueFrom with { FileKeyRef = f with { Optional = false } } } : e;

    /// <summary><c>$(</c> escaped as <c>$$(</c>: the real expansion then leaves every reference as written.</summary>
    private static Model.Api.Container NoExpansion(Model.Api.Container c) =>
        c with { Env = [.. c.Env.Select(e => e with { Value = e.Value.Replace("$(", "$$(", StringComparison.Ordinal) })] };
}
