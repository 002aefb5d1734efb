using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Podman.Tests;

/// <summary>Named factories for the small pods and scenarios the tests run.</summary>
internal static class Cases
{
    public static Container Container(string name, string? memoryLimit = null) => new()
    {
        Name = name,
        Image = "busybox:1.36",
        Resources = memoryLimit is null
            ? ResourceRequirements.Empty
            : new ResourceRequirements { Limits = ValueMap.Of(("memory", Quantity.Parse(memoryLimit))) },
    };

    public static Pod Pod(string restartPolicy, Container[] containers, Container[]? init = null) => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "default" },
        Spec = new PodSpec { RestartPolicy = restartPolicy, Containers = containers, InitContainers = init ?? [] },
    };

    public static ContainerRun Exit(int code, int afterSeconds = 0) => new() { ExitCode = code, After = TimeSpan.FromSeconds(afterSeconds) };

    public static PodCase Case(Pod pod, TimeSpan until, params (string Container, ContainerRun Run)[] runs) => new(pod, new Scenario
    {
        Until = until,
        Pods = ValueMap.Of(("p", new PodScript
        {
            Containers = ValueMap.Of(runs.Select(r => (r.Container, new ContainerScript(ValueList.Of(r.Run)))).ToArray()),
        })),
    });
}
