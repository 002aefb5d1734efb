using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Events;
using PodConformance.Model.Profiles;
using Cultures = PodConformance.Model.Tests.Support.Cultures;

namespace PodConformance.Model.Tests.Events;

/// <summary>Rendering invariants over generated event streams, with fixed, replayable seeds.</summary>
public class EventProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PodRef Pod = new("web-0", "default", "3f1c");

    private static Gen<PodEvent> EventGen { get; } =
        from kind in Gen.Choose(0, 8)
        from name in Gen.Elements("web", "sidecar", "init-db")
        from image in Gen.Elements("nginx", "busybox:1.36", "myapp:v999")
        from second in Gen.Choose(0, 900)
        from minor in Gen.Choose(28, 37)
        let c = new ContainerRef(name, name == "init-db" ? ContainerListKind.InitContainer : ContainerListKind.Container)
        let at = T0.AddSeconds(second)
        let p = Profile.For(new KubernetesVersion(1, minor))
        select kind switch
        {
            0 => EventCatalog.Scheduled(Pod, "node-1", at),
            1 => EventCatalog.Pulling(c, image, at),
            2 => EventCatalog.FailedToPull(c, image, "rpc error: code = NotFound", at),
            3 => EventCatalog.ErrImagePull(c, at),
            4 => EventCatalog.BackOffPullingImage(c, image, at),
            5 => EventCatalog.Created(p, c, at),
            6 => EventCatalog.Started(p, c, at),
            7 => EventCatalog.BackOffRestarting(c, Pod, at),
            _ => EventCatalog.Killing(c, at),
        };

    /// <summary>Streams in recording order: sorted by time, as a simulator emits them.</summary>
    private static Arbitrary<PodEvent[]> StreamArb { get; } =
        Gen.ArrayOf(EventGen).Select(a => a.OrderBy(e => e.FirstTimestamp).ToArray()).ToArbitrary();

    [Property(Replay = "(20260301,7)", MaxTest = 200)]
    public Property Every_event_appears_once_per_aggregated_group() =>
        Prop.ForAll(StreamArb, stream =>
        {
            var folded = EventAggregator.Aggregate(stream);
            bool groupsDistinct = folded.All(a => folded.Count(b => a.IsRepeatOf(b)) == 1);
            bool countsAddUp = folded.Sum(e => e.Count) == stream.Length;
            bool everyEventCovered = stream.All(e => folded.Count(f => f.IsRepeatOf(e)) == 1);
            var now = T0.AddSeconds(1000);
            var rendered = DescribeEvents.Render(folded, now, Profile.For(new KubernetesVersion(1, 34)));
            int rows = stream.Length == 0 ? 0 : rendered.Split('\n').Length - 1 - 3;
            return (groupsDistinct && countsAddUp && everyEventCovered && rows == folded.Count).Label("EVENT-020/021");
        });

    [Property(Replay = "(20260301,9)", MaxTest = 200)]
    public Property Rendering_is_deterministic_and_culture_free() =>
        Prop.ForAll(StreamArb, stream =>
        {
            var folded = EventAggregator.Aggregate(stream);
            var now = T0.AddSeconds(1000);
            string invariant = Cultures.InCulture("en-US", () => DescribeEvents.Render(folded, now));
            string german = Cultures.InCulture("de-DE", () => DescribeEvents.Render(folded, now));
            string turkish = Cultures.InCulture("tr-TR", () => DescribeEvents.Render(folded, now));
            string again = DescribeEvents.Render(EventAggregator.Aggregate(stream), now);
            return (invariant == german && german == turkish && turkish == again).Label("deterministic");
        });
}
