using System.Net;
using k8s.Autorest;

namespace PodConformance.Adapters.Cluster;

/// <summary>
/// Bounded exponential backoff for API calls. API servers answer 429 under load (priority and fairness) and 5xx during
/// restarts; a 409 Conflict is an optimistic-concurrency race. All are worth a few retries; nothing else is
/// (a 422 is an answer, a 403 a misconfiguration). Each attempt also gets its own timeout.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    /// <summary>Attempts in total, the first included.</summary>
    public int MaxAttempts { get; init; } = 6;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1 (1-based): initial × 2^(attempt-1), capped; a server's Retry-After wins when larger, still capped.</summary>
    public TimeSpan DelayAfter(int attempt, TimeSpan? retryAfter)
    {
        double ms = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var delay = TimeSpan.FromMilliseconds(Math.Min(ms, MaxDelay.TotalMilliseconds));
        if (retryAfter is { } ra && ra > delay)
        {
            delay = ra < MaxDelay ? ra : MaxDelay;
        }

        return delay;
    }

    /// <summary>True for 429, 5xx, 409 Conflict (not AlreadyExists), connection failures and per-attempt timeouts.</summary>
    public static bool IsRetryable(Exception e) => e switch
    {
        HttpOperationException { Response: { } r } => IsRetryableStatus(r.StatusCode, r.Content),
        HttpRequestException => true,
        IOException => true,
        TransientClusterException => true,
        _ => false,
    };

    public static bool IsRetryableStatus(HttpStatusCode code, string? body)
    {
        int c = (int)code;
        if (c == 429 || c >= 500)
        {
            return true;
        }

        // 409 is both "Conflict" (a race: retry) and "AlreadyExists" (an answer: do not).
        return c == 409 && (body is null || !body.Contains("\"AlreadyExists\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs <paramref name="call"/> until it succeeds, fails for good, or attempts run out; each attempt is cancelled
    /// after <paramref name="attemptTimeout"/>. <paramref name="log"/> gets one line per retry (what, status; never bodies).
    /// Once <paramref name="cancellationToken"/> is cancelled it ends with <see cref="OperationCanceledException"/>, whatever
    /// the attempt in flight answered, and the backoff between attempts ends at once.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(string what, Func<CancellationToken, Task<T>> call, TimeSpan attemptTimeout, Action<string>? log, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptCts.CancelAfter(attemptTimeout);
            try
            {
                try
                {
                    return await call(attemptCts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TransientClusterException(what + ": no answer within " + attemptTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "s");
                }
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                // Cancelled while this attempt was failing (its error answer arrived as the run was cancelled): the run's
                // cancellation is the outcome. Rethrowing the HTTP error would let the caller report a failed case, which
                // is a conformance claim, and a retryable one would otherwise only stop at the next backoff.
                throw new OperationCanceledException(what + ": cancelled (" + Describe(e) + ")", e, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e))
            {
                var delay = DelayAfter(attempt, RetryAfter(e));
                log?.Invoke(what + ": " + Describe(e) + "; retry " + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    + " in " + ((int)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + "ms");
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The API server could not be reached or kept failing: the user's environment, reported with <see cref="Describe"/>.</summary>
    public static bool IsClusterFailure(Exception e) =>
        e is HttpOperationException or HttpRequestException or IOException or TransientClusterException;

    /// <summary>A short description of a failure for logs and reports: status code and reason only, never request or response bodies.</summary>
    public static string Describe(Exception e) => e switch
    {
        HttpOperationException { Response: { } r } => "HTTP " + ((int)r.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + r.ReasonPhrase,
        HttpRequestException h => "connection failed (" + (h.HttpRequestError.ToString()) + ")",
        TransientClusterException t => t.Message,
        _ => e.GetType().Name,
    };

    private static TimeSpan? RetryAfter(Exception e)
    {
        if (e is HttpOperationException { Response: { } r } && r.Headers is { } headers
            && headers.TryGetValue("Retry-After", out var values))
        {
            foreach (string v in values)
            {
                if (int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }
        }

        return null;
    }
}

/// <summary>A failure worth retrying that is not an HTTP status: an attempt without an answer in time, a namespace not ready yet.</summary>
public sealed class TransientClusterException(string message) : Exception(message);
