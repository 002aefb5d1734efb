using PodConformance.Model.Eviction;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Qos;
using static PodConformance.Model.Tests.Eviction.EvictionPods;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// The tutorial says pods are evicted "BestEffort, then Burstable, then Guaranteed". The smallest refutation:
/// two single-container pods that both use more than they request; the BestEffort one has priority 1, the
/// Burstable one priority 0. Priority comes before any notion of class, so the Burstable pod goes first.
/// </summary>
public class TutorialCounterexampleTests
{
    [Fact]
    public void Priority_beats_QoS_class()
    {
        var profile = Profile.Default;
        var bestEffort = Pod("best-effort", 1).WithMemory("1Mi");
        var burstable = Pod("burstable", 0, Req(memory: "1Mi"), Req(memory: "2Mi")).WithMemory("2Mi");
        Assert.Equal(QosClass.BestEffort, QosCalculator.GetPodQos(bestEffort.Pod, profile));
        Assert.Equal(QosClass.Burstable, QosCalculator.GetPodQos(burstable.Pod, profile));

        var decision = EvictionManager.NextVictim(new EvictionCycle
        {
            MetThresholds = [new Threshold(EvictionSignals.MemoryAvailable, ThresholdValue.Of(Quantity.Parse("100Mi")))],
            Observations = new Dictionary<string, SignalObservation>(StringComparer.Ordinal) { [EvictionSignals.MemoryAvailable] = SignalObservation.Bytes(1, 1L << 30) },
            Pods = [bestEffort, burstable],
        }, profile);

        Assert.Equal("burstable", decision.Victim!.Metadata.Name);
        Assert.Equal(RankStep.Priority, Assert.Single(decision.Why).Step);
    }
}
