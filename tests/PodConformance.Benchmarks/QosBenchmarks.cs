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
    private readonly Pod _pod = Workloads.Workloads.ThreeContainers();
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
}
