using BenchmarkDotNet.Attributes;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Quantities;
using PodConformance.Model.Validation;

namespace PodConformance.Benchmarks;

/// <summary>
/// The static model on a 3-container pod (an init container, a sidecar, an app): QoS alone, QoS with its
/// explanation, and the full create path (defaulting + validation + QoS) that property runs execute per case.
/// KubernetesClient has no QoS computation, so there is no side-by-side row here.
/// </summary>
[MemoryDiagnoser]
public class QosBenchmarks
{
    private readonly Pod _pod = ThreeContainers();
    private readonly Profile _profile = Profile.Default;

    [Benchmark]
    public QosClass ComputePodQos() => QosCalculator.ComputePodQos(_pod.Spec, _profile);

    [Benchmark]
    public QosDecision ExplainQos() => QosCalculator.Explain(_pod, _profile);

    [Benchmark]
    public QosClass DefaultValidateQos()
    {
        var defaulted = PodDefaulter.Apply(_pod, _profile);
        _ = PodValidator.Validate(defaulted, _profile);
        return QosCalculator.GetPodQos(defaulted, _profile);
    }

    internal static Pod ThreeContainers()
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
