using System.Net;
using k8s.Autorest;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// A cancelled run ends with <see cref="OperationCanceledException"/>, whatever its request was doing: a failed case is a
/// conformance claim, and a cancelled run makes none (spec/adapter-cluster.md, Retries).
/// </summary>
public class RetryPolicyTests
{
    /// <summary>Backoff long enough that only the cancellation can end the wait within the tests' bounds.</summary>
    private static readonly RetryPolicy Slow = new() { MaxAttempts = 6, InitialDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) };

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private static HttpOperationException Http(HttpStatusCode code) =>
        new("Operation returned an invalid status code '" + code + "'") { Response = new HttpResponseMessageWrapper(new HttpResponseMessage(code), "") };

    public static TheoryData<string> Failures => ["503", "429", "404", "403-default-service-account", "connection", "timeout"];

    private static Exception Failure(string kind) => kind switch
    {
        "503" => Http(HttpStatusCode.ServiceUnavailable),
        "429" => Http(HttpStatusCode.TooManyRequests),
        "404" => Http(HttpStatusCode.NotFound),
        "403-default-service-account" => new TransientClusterException("the namespace's default service account does not exist yet"),
        "connection" => new HttpRequestException("refused", null, HttpStatusCode.ServiceUnavailable),
        _ => new TransientClusterException("create pod: no answer within 60s"),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Cancelled_while_an_attempt_fails_it_ends_cancelled_not_with_the_attempt_s_error(string kind)
    {
        // The attempt's error arrives after the run was cancelled (Ctrl-C as a 503 comes back): deterministic, no timing.
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var failure = Failure(kind);
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Slow.ExecuteAsync<int>(
            "create pod",
            async _ =>
            {
                calls++;
                await cts.CancelAsync();
                throw failure;
            },
            TimeSpan.FromMinutes(1),
            null,
            cts.Token).WaitAsync(Bound));
        Assert.Equal(1, calls);
        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.Same(failure, ex.InnerException);
    }

    [Fact]
    public async Task Cancelled_during_the_backoff_it_ends_at_once_without_another_attempt()
    {
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var retrying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Slow.ExecuteAsync<int>(
            "create pod",
            _ =>
            {
                Interlocked.Increment(ref calls);
                throw Http(HttpStatusCode.ServiceUnavailable);
            },
            TimeSpan.FromMinutes(1),
            line => retrying.TrySetResult(),
            cts.Token);

        // The retry line is logged just before the 10-minute backoff: cancel then, and the run must end well within the bound.
        await retrying.Task.WaitAsync(Bound);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Bound));
        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Without_cancellation_a_failing_attempt_still_ends_with_its_own_error()
    {
        var quick = new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(2) };
        int calls = 0;
        var ex = await Assert.ThrowsAsync<HttpOperationException>(() => quick.ExecuteAsync<int>(
            "create pod",
            _ =>
            {
                calls++;
                throw Http(HttpStatusCode.ServiceUnavailable);
            },
            TimeSpan.FromMinutes(1),
            null,
            CancellationToken.None).WaitAsync(Bound));
        Assert.Equal(3, calls);
        Assert.Equal("HTTP 503 Service Unavailable", RetryPolicy.Describe(ex));
    }
}
