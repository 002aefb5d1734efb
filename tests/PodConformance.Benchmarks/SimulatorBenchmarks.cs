using BenchmarkDotNet.Attributes;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Benchmarks;

/// <summary>The simulator on the lifecycle's worst common case: one hour of virtual time of a crash-looping pod.</summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    private readonly Pod _pod = new()
    {
        Metadata = new ObjectMeta { Name = "crasher" },
        Spec = new PodSpec { Containers = [new Container { Name = "app", Image = "nginx:1.25" }] },
    };

    private readonly Scenario _scenario = new()
    {
        Until = TimeSpan.FromHours(1),
        Pods = ValueMap.Of(("crasher", new PodScript
        {
            Containers = ValueMap.Of(("app", new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(5) })))),
        })),
    };

    [Benchmark]
    public int CrashLoopOneHour() => PodSimulator.Run([_pod], _scenario, Profile.Default).Timeline.Count;

    [Benchmark]
    public int CrashLoopOneHourWatch() => SimulationViews.Watch(PodSimulator.Run([_pod], _scenario, Profile.Default)).Length;
}
