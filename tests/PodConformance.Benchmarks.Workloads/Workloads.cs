using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;
using PodConformance.Model.Validation;

namespace PodConformance.Benchmarks.Workloads;

/// <summary>
/// Each benchmark's work as a <see cref="Func{TResult}"/> over the model's public API. The benchmarks call these
/// directly (this build's model) and through <c>BaselineBuild</c>, which loads this same assembly beside an older
/// build's <c>PodConformance.Model.dll</c>: the same compiled workload, two models, one run. Only API that both builds
/// have may appear here (a missing member fails the baseline's setup with MissingMethodException, never silently).
/// </summary>
public static class Workloads
{
    /// <summary>QoS of the 3-container benchmark pod.</summary>
    public static Func<int> ComputePodQos()
    {
        var pod = ThreeContainers();
        var profile = Profile.Default;
        return () => (int)QosCalculator.ComputePodQos(pod.Spec, profile);
    }

    /// <summary>Defaulting + validation + QoS of the benchmark pod: what a property run does per admission case.</summary>
    public static Func<int> DefaultValidateQos()
    {
        var pod = ThreeContainers();
        var profile = Profile.Default;
        return () =>
        {
            var defaulted = PodDefaulter.Apply(pod, profile);
            int errors = PodValidator.Validate(defaulted, profile).Errors.Count;
            return errors + (int)QosCalculator.GetPodQos(defaulted, profile);
        };
    }

    /// <summary>Defaulting alone of the benchmark pod (a stage of <see cref="DefaultValidateQos"/>, for the admission probe).</summary>
    public static Func<int> Default()
    {
        var pod = ThreeContainers();
        var profile = Profile.Default;
        return () => PodDefaulter.Apply(pod, profile).Spec.Containers.Count;
    }

    /// <summary>Validation alone of the defaulted benchmark pod (a stage of <see cref="DefaultValidateQos"/>, for the admission probe).</summary>
    public static Func<int> Validate()
    {
        var profile = Profile.Default;
        var defaulted = PodDefaulter.Apply(ThreeContainers(), profile);
        return () => PodValidator.Validate(defaulted, profile).Errors.Count;
    }

    /// <summary>The API server's whole create (admission plugins, defaulting, validation, QoS) of the benchmark pod.</summary>
    public static Func<int> PodCreateRun()
    {
        var pod = ThreeContainers();
        var profile = Profile.Default;
        return () => PodCreate.Run(pod, profile).Stored.Spec.Containers.Count;
    }

    /// <summary>
    /// A crash-looping pod (its container exits 1 after 5 s and is restarted with crash-loop backoff up to 300 s) for
    /// <paramref name="hours"/> of virtual time; with <paramref name="watch"/>, the <c>kubectl get -w</c> view of it too.
    /// </summary>
    public static Func<int> CrashLoop(int hours, bool watch)
    {
        var (pod, scenario) = CrashLoopCase(hours);
        var profile = Profile.Default;
        return watch
            ? () => SimulationViews.Watch(PodSimulator.Run([pod], scenario, profile)).Length
            : () => PodSimulator.Run([pod], scenario, profile).Timeline.Count;
    }

    /// <summary>
    /// The same crash loop asking only where the pod ended (<c>SimulationRecord.None</c>: no timeline, no events). A
    /// build without that option (the baseline) answers the same question the only way it can, with a full run.
    /// </summary>
    public static Func<int> CrashLoopLastState(int hours)
    {
        if (typeof(PodSimulator).Assembly.GetType("PodConformance.Model.Simulation.SimulationRecord") is null)
        {
            return CrashLoop(hours, watch: false);
        }

        return LastStateOnly(hours);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Func<int> LastStateOnly(int hours)
    {
        var (pod, scenario) = CrashLoopCase(hours);
        var profile = Profile.Default;
        return () => PodSimulator.Run([pod], scenario, profile, SimulationRecord.None).Timeline[^1].Pod.Status!.ContainerStatuses[0].RestartCount;
    }

    /// <summary>The benchmark crash loop: one container exiting 1 five seconds after each start, for <paramref name="hours"/> of virtual time.</summary>
    public static (Pod Pod, Scenario Scenario) CrashLoopCase(int hours)
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "crasher" },
            Spec = new PodSpec { Containers = [new Container { Name = "app", Image = "nginx:1.25" }] },
        };
        var scenario = new Scenario
        {
            Until = TimeSpan.FromHours(hours),
            Pods = ValueMap.Of(("crasher", new PodScript
            {
                Containers = ValueMap.Of(("app", new ContainerScript(ValueList.Of(new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(5) })))),
            })),
        };
        return (pod, scenario);
    }

    /// <summary>The benchmark pod: an init container, a sidecar and an app, each with equal requests and limits.</summary>
    public static Pod ThreeContainers()
    {
        static ValueMap<Quantity> R(string cpu, string memory) => ValueMap.Of(("cpu", Quantity.Parse(cpu)), ("memory", Quantity.Parse(memory)));
        static Container C(string name, string cpu, string memory) => new()
        {
            Name = name,
            Image = "registry.example.com/" + name + ":1.0",
            Resources = new ResourceRequirements { Requests = R(cpu, memory), Limits = R(cpu, memory) },
        };

        return new Pod
        {
            Metadata = new ObjectMeta { Name = "bench", Namespace = "default" },
            Spec = new PodSpec
            {
                InitContainers = [C("migrate", "100m", "64Mi"), C("proxy", "50m", "32Mi") with { RestartPolicy = "Always" }],
                Containers = [C("app", "500m", "256Mi")],
            },
        };
    }
}
