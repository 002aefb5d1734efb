using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Printing;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>Small pods and scenarios for simulator tests, and readers of what happened.</summary>
internal static class SimulatorFixtures
{
    public static Container C(string name, string image = "nginx:1.25") => new() { Name = name, Image = image };

    public static Pod Pod(string name, string restartPolicy = "", Container[]? init = null, params Container[] containers) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new PodSpec { RestartPolicy = restartPolicy, InitContainers = init ?? [], Containers = containers },
    };

    public static Scenario Script(string pod, string container, params ContainerRun[] runs) => new()
    {
        Pods = ValueMap.Of((pod, new PodScript { Containers = ValueMap.Of((container, new ContainerScript(runs))) })),
    };

    public static ContainerRun Exit(int code, int afterSeconds) => new() { ExitCode = code, After = TimeSpan.FromSeconds(afterSeconds) };

    public static SimulationResult Run(Pod pod, Scenario? scenario = null, Profile? profile = null, int untilSeconds = 600) =>
        PodSimulator.Run([pod], (scenario ?? new Scenario()) with { Until = TimeSpan.FromSeconds(untilSeconds) }, profile ?? Profile.Default);

    /// <summary>The STATUS cells in order, consecutive repeats collapsed.</summary>
    public static List<string> Statuses(SimulationResult r, string pod)
    {
        var list = new List<string>();
        foreach (var s in r.For(pod))
        {
            string status = PodPrinter.Row(s.Pod, s.Time).Status;
            if (list.Count == 0 || list[^1] != status)
            {
                list.Add(status);
            }
        }

        return list;
    }

    public static Pod Last(SimulationResult r, string pod) => r.For(pod).Last().Pod;

    public static Quantity Q(string s) => Quantity.Parse(s);
}
