using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Tests.Shared;
using PodConformance.Model.Simulation;
using PodConformance.Suite.Cases;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>The lifecycle layer against the loopback fake: create, watch stream → samples, events, pod and namespace deleted.</summary>
public class LifecycleFlowTests
{
    private const string Running = ",\"containerStatuses\":[{\"name\":\"web\",\"image\":\"busybox:1.36\",\"imageID\":\"\",\"ready\":true,\"restartCount\":0,\"started\":true,\"lastState\":{},\"state\":{\"running\":{\"startedAt\":\"2025-01-31T10:00:02Z\"}}}]";

    private const string Crashed = ",\"containerStatuses\":[{\"name\":\"web\",\"image\":\"busybox:1.36\",\"imageID\":\"\",\"ready\":false,\"restartCount\":0,\"started\":false,\"lastState\":{},\"state\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\",\"startedAt\":\"2025-01-31T10:00:02Z\",\"finishedAt\":\"2025-01-31T10:00:05Z\"}}}]";

    [Fact]
    public async Task Watch_events_become_samples_and_everything_is_deleted()
    {
        int watches = 0;
        var log = new List<string>();

        // The case's window closes when the adapter re-watches, i.e. after it has read every event of the first watch:
        // on a manual clock, not after 1.5 s of a machine's real time.
        var clock = new ManualClock();
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((r, ns) =>
        {
            string pod = r.Path.Split('/').Length > 6 ? r.Path.Split('/')[6] : "web-1";
            if (r.Method == "POST")
            {
                return FakeResponse.Json(201, CreatedPod(ns, pod));
            }

            if (r.Method == "GET" && r.Path.EndsWith("/pods", StringComparison.Ordinal) && r.Query.Contains("watch=true", StringComparison.Ordinal))
            {
                Assert.Contains("fieldSelector=metadata.name=web-1", r.Query, StringComparison.Ordinal);
                if (Interlocked.Increment(ref watches) > 1)
                {
                    clock.Advance(TimeSpan.FromSeconds(2));
                }

                return watches == 1
                    ? FakeResponse.Watch(
                        WatchEvent("ADDED", CreatedPod(ns, "web-1")),
                        WatchEvent("MODIFIED", CreatedPod(ns, "web-1", "Running", Running)),
                        WatchEvent("MODIFIED", CreatedPod(ns, "web-1", "Running", Running)),
                        WatchEvent("MODIFIED", CreatedPod(ns, "web-1", "Running", Crashed)))

                    // A re-watch replays the current state once, as the API server does without a resourceVersion.
                    : new FakeResponse(200, "", [WatchEvent("ADDED", CreatedPod(ns, "web-1", "Running", Crashed))], TimeSpan.FromMilliseconds(300));
            }

            if (r.Path.EndsWith("/events", StringComparison.Ordinal))
            {
                return FakeResponse.Json(200, EventList(ns, "web-1", ("Started", "Normal", "Started container web", "2025-01-31T10:00:02Z"), ("Scheduled", "Normal", "Successfully assigned", "2025-01-31T10:00:00Z")));
            }

            if (r.Method == "DELETE")
            {
                return FakeResponse.Json(200, CreatedPod(ns, pod));
            }

            return FakeResponse.Json(404, Status(404, "NotFound", "no route"));
        }));

        var scenario = new Scenario { Until = TimeSpan.FromSeconds(1.5) };
        string ns;
        Suite.Observations.Observation o;
        await using (var adapter = ClusterAdapter.Create(TestPods.Options(log, ClusterLayers.All) with { Time = clock }, TestPods.Config(server.Url)))
        {
            o = await adapter.RunAsync(new PodCase(TestPods.Web, scenario), TestPods.Profile131, CancellationToken.None);
            ns = adapter.Namespace!.Name;
        }

        Assert.Null(o.Failure);
        Assert.True(o.Admission!.Accepted);
        var samples = o.Lifecycle!.Samples;
        Assert.Equal(["Pending", "Running", "Running"], samples.Select(s => s.Phase));
        Assert.Equal(["", "running", "terminated"], samples.Select(s => s.Containers.IsEmpty ? "" : s.Containers[0].State));
        Assert.Equal("Error", samples[2].Status);
        Assert.True(samples[0].Offset <= samples[1].Offset);
        Assert.Equal(["Scheduled", "Started"], o.Lifecycle.Events.Select(e => e.Reason));
        Assert.Equal(TimeSpan.FromSeconds(2), o.Lifecycle.Events[1].Offset);

        var created = Assert.Single(server.Requests, r => r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal) && !r.Query.Contains("dryRun", StringComparison.Ordinal));
        Assert.Contains("\"podconf.io/run\"", created.Body, StringComparison.Ordinal);
        Assert.Contains("busybox", created.Body, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Method == "DELETE" && r.Path == "/api/v1/namespaces/" + ns + "/pods/web-1");
        Assert.Single(server.Requests, r => r.Method == "DELETE" && r.Path == "/api/v1/namespaces/" + ns);
        Assert.True(watches >= 2);
        Assert.All(log, l => Assert.DoesNotContain(TestPods.SecretEnvValue, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancellation_still_deletes_the_namespace()
    {
        // Cancelled while the pod's create is in flight (the server holds it until then), not after a guessed delay.
        using var cts = new CancellationTokenSource();
        var release = new TaskCompletionSource();
        await using var server = new FakeApiServer(AdmissionFlowTests.Api(async (r, ns) =>
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await release.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            return FakeResponse.Json(201, CreatedPod(ns));
        }));
        string? ns = null;
        try
        {
            await using (var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url)))
            {
                await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, cts.Token));
                ns = adapter.Namespace?.Name;
            }
        }
        finally
        {
            release.TrySetResult();
        }

        Assert.NotNull(ns);
        Assert.Single(server.Requests, r => r.Method == "DELETE" && r.Path == "/api/v1/namespaces/" + ns);
    }
}
