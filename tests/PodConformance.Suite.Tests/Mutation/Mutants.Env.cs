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

    /// <summary><c>$(</c> escaped as <c>$$(</c>: the real expansion then leaves every reference as written.</summary>
    private static Model.Api.Container NoExpansion(Model.Api.Container c) =>
        c with { Env = [.. c.Env.Select(e => e with { Value = e.Value.Replace("$(", "$$(", StringComparison.Ordinal) })] };
}
