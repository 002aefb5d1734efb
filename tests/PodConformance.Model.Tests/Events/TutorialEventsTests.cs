using System.Text.RegularExpressions;
using PodConformance.Model.Events;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Events;

/// <summary>
/// The tutorial's (../shared/seed/pods-module.md) events blocks, rebuilt from catalog factories: the Type, Reason,
/// From and Message columns must match what it shows; ages may differ (spec/events.md "Where the tutorial differs").
/// </summary>
public class TutorialEventsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ContainerRef App = new("broken-app");

    /// <summary>Rows of the rendered table as (Type, Reason, From, Message), split on the tabwriter's 2+ spaces.</summary>
    private static List<(string Type, string Reason, string From, string Message)> Rows(string rendered) =>
        rendered.Split('\n').Skip(3).Where(l => l.Length > 0).Select(l =>
        {
            var cells = Regex.Split(l.Trim(), " {2,}");
            return (cells[0], cells[1], cells[3], string.Join("  ", cells.Skip(4)));
        }).ToList();

    [Fact]
    public void Broken_app_ImagePullBackOff_block()
    {
        var pod = new PodRef("broken-app", "default", "0d9c3a1e");
        var events = new[]
        {
            EventCatalog.Scheduled(pod, "node-1", T0),
            EventCatalog.Pulling(App, "myapp:latest", T0.AddSeconds(2)),
            EventCatalog.FailedToPull(App, "myapp:latest", "rpc error: image not found", T0.AddSeconds(5)),
            EventCatalog.ErrImagePull(App, T0.AddSeconds(5)),
            EventCatalog.BackOffPullingImage(App, "myapp:latest", T0.AddSeconds(20)),
            EventCatalog.ImagePullBackOff(App, T0.AddSeconds(20)),
        };

        // kubectl before 1.35 (no field-path prefix), the form the tutorial shows. The tutorial wraps the long
        // Failed message onto a second line; kubectl never wraps, so it is one line here.
        var rows = Rows(DescribeEvents.Render(events, T0.AddSeconds(60), Profile.For(new KubernetesVersion(1, 34))));
        Assert.Equal(
        [
            ("Normal", "Scheduled", "default-scheduler", "Successfully assigned default/broken-app to node-1"),
            ("Normal", "Pulling", "kubelet", "Pulling image \"myapp:latest\""),
            ("Warning", "Failed", "kubelet", "Failed to pull image \"myapp:latest\": rpc error: image not found"),
            ("Warning", "Failed", "kubelet", "Error: ErrImagePull"),
            ("Normal", "BackOff", "kubelet", "Back-off pulling image \"myapp:latest\""),
            ("Warning", "Failed", "kubelet", "Error: ImagePullBackOff"),
        ], rows);
    }

    [Fact]
    public void Fullstack_pod_init_container_block()
    {
        var init = new ContainerRef("init-db", ContainerListKind.InitContainer);
        var events = new[]
        {
            EventCatalog.Scheduled(new PodRef("fullstack-pod", "default", "u"), "node-1", T0),
            EventCatalog.FailedToPull(init, "busybox:nonexistent", "rpc error: code = NotFound desc = not found", T0.AddSeconds(2)),
        };
        var rows = Rows(DescribeEvents.Render(events, T0.AddSeconds(35), Profile.For(new KubernetesVersion(1, 34))));
        // The tutorial elides the rest of both messages ("…"); the shown prefixes must match.
        Assert.Equal(("Normal", "Scheduled", "default-scheduler"), (rows[0].Type, rows[0].Reason, rows[0].From));
        Assert.StartsWith("Successfully assigned ", rows[0].Message, StringComparison.Ordinal);
        Assert.Equal(("Warning", "Failed", "kubelet"), (rows[1].Type, rows[1].Reason, rows[1].From));
        Assert.StartsWith("Failed to pull image \"busybox:nonexistent\"", rows[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stuck_pod_FailedScheduling()
    {
        var e = EventCatalog.FailedScheduling("0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", T0);
        var row = Assert.Single(Rows(DescribeEvents.Render([e], T0)));
        Assert.Equal(("Warning", "FailedScheduling", "default-scheduler"), (row.Type, row.Reason, row.From));
        // The tutorial drops the final period; the scheduler's fit error ends with one.
        Assert.Equal("0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.", row.Message);
    }
}
