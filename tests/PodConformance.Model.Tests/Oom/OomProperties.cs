using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Oom;
using PodConformance.Model.Profiles;
using PodConformance.Model.Qos;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Oom;

/// <summary>OOM score invariants (spec/oom.md) over generated pods, with a fixed seed.</summary>
public class OomProperties
{
    [Property(Replay = "(20261201,17)", MaxTest = 300)]
    public Property Score_is_in_range_and_Guaranteed_and_BestEffort_are_fixed() =>
        Prop.ForAll(PodGen.PodArb, Arb.From(Gen.Elements(1L << 30, 4_000_000_000L, 1L << 36)), (pod, capacity) =>
        {
            var p = Profile.Default;
            var qos = QosCalculator.GetPodQos(pod, p);
            foreach (var c in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
            {
                int score = OomScoreAdjust.ForContainer(pod, c, capacity, p).Score;
                bool ok = score is >= -997 and <= 1000
                    && (qos != QosClass.Guaranteed || score == -997)
                    && (qos != QosClass.BestEffort || score == 1000)
                    && (qos != QosClass.Burstable || score is >= 3 and <= 999);
                if (!ok)
                {
                    return false.Label($"{c.Name}: {score} for {qos}");
                }
            }

            return true.Label("OOM-002/003/007");
        });
}
