using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Suite.Cases;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>Ctrl-C while a request fails and is retried: the run ends cancelled, promptly, and still removes its namespace.</summary>
public class CancellationFlowTests
{
    [Fact]
    public async Task A_run_cancelled_during_the_retry_backoff_ends_cancelled_at_once_and_dispose_still_deletes_the_namespace()
    {
        int podPosts = 0;
        var retrying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((r, ns) =>
        {
            Interlocked.Increment(ref podPosts);
            return FakeResponse.Json(503, Status(503, "ServiceUnavailable", "the server is currently unable to handle the request"));
        }));

        // A 10-minute backoff: only the cancellation can end the case within the bound below.
        var options = TestPods.Options() with
        {
            Retry = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) },
            Log = line =>
            {
                if (line.StartsWith("dry-run create pod: HTTP 503", StringComparison.Ordinal) && line.Contains("; retry 1 in ", StringComparison.Ordinal))
                {
                    retrying.TrySetResult();
                }
            },
        };
        using var cts = new CancellationTokenSource();
        string ns;
        await using (var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url)))
        {
            var run = adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, cts.Token).AsTask();
            await retrying.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await cts.CancelAsync();

            // Not a failed case (Observation.Failed): the run itself ends cancelled.
            var ex = await Record.ExceptionAsync(() => run.WaitAsync(TimeSpan.FromMinutes(2)));
            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.Equal(1, Volatile.Read(ref podPosts));
            ns = adapter.Namespace!.Name;
            Assert.Empty(server.Where("DELETE", "/api/v1/namespaces/" + ns));
        }

        // Dispose ran after the cancellation with its own timeout: the namespace was read back and deleted.
        Assert.Single(server.Where("DELETE", "/api/v1/namespaces/" + ns));
    }

    [Fact]
    public async Task A_run_cancelled_while_the_failing_answer_is_on_its_way_ends_cancelled()
    {
        // The fake cancels the run and then answers 503: whether the client sees the cancellation first or the answer,
        // the case must not come back as a failure.
        using var cts = new CancellationTokenSource();
        await using var server = new FakeApiServer(AdmissionFlowTests.Api(async (r, ns) =>
        {
            await cts.CancelAsync();
            return FakeResponse.Json(503, Status(503, "ServiceUnavailable", "later"));
        }));
        var options = TestPods.Options() with { Retry = new RetryPolicy { MaxAttempts = 6, InitialDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) } };
        await using var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url));
        var ex = await Record.ExceptionAsync(() => adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, cts.Token).AsTask().WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.IsAssignableFrom<OperationCanceledException>(ex);
    }
}
