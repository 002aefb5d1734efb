namespace PodConformance.Adapters.Process;

/// <summary>Limits for an adapter process. Defaults suit a real simulator; tests use much shorter ones.</summary>
public sealed record ProcessAdapterOptions
{
    public static ProcessAdapterOptions Default { get; } = new();

    /// <summary>From start to the adapter's <c>hello</c>: interpreters and JITs need a moment.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>From sending a request to its answer; past it the adapter is killed and restarted for the next case.</summary>
    public TimeSpan CaseTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the adapter gets to exit after <c>bye</c> before its process tree is killed.</summary>
    public TimeSpan ExitGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>After this many failed starts in a row, later cases fail at once instead of waiting for yet another start.</summary>
    public int MaxConsecutiveStartFailures { get; init; } = 3;

    /// <summary>How many stderr lines a failure quotes.</summary>
    public int StderrLinesQuoted { get; init; } = 5;

    /// <summary>Working directory of the adapter; null: podconf's own.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Send a stand-in for every Secret value instead of the value (<c>objects.secretsWithheld</c>, PROTO-015): the
    /// adapter never holds a secret, and since env observations are compared masked, a correct adapter answers the same.
    /// For checking an untrusted simulator. (<c>podconf run --withhold-secrets</c>.)
    /// </summary>
    public bool WithholdSecrets { get; init; }

    /// <summary>
    /// The clock of the handshake and case timeouts (what decides "no answer within …"). The system clock; tests use a
    /// manual one to decide when a hang has lasted long enough, independent of the machine's speed.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// The most run requests podconf keeps in flight when the adapter accepts more than one (PROTO-005: it offers
    /// pipelining in its hello, the adapter answers with <c>maxInFlight</c>). 1: one request at a time, as with an adapter
    /// that does not answer the offer (then no offer is made either).
    /// </summary>
    public int MaxInFlight { get; init; } = 32;

    /// <summary>What podconf calls itself in its hello (<c>client</c>).</summary>
    public string Client { get; init; } = "podconf " + ProcessAdapterInfo.PodconfVersion;
}
