using System.Collections.Concurrent;
using System.Globalization;
using k8s.Models;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>
/// KubernetesClient's <see cref="ResourceQuantity"/> as a quantity adapter, so the quantity properties can be
/// run against the library .NET programs actually use. The mapping onto <see cref="QuantityObservation"/>:
/// <list type="table">
/// <item><term>Ok</term><description><c>new ResourceQuantity(text)</c>, <c>ToString()</c> and <c>CanonicalizeString()</c> all returned.</description></item>
/// <item><term>String</term><description><c>ToString()</c> (Go's <c>String()</c>; the library has no cached input, so this is always canonical).</description></item>
/// <item><term>Canonical</term><description><c>CanonicalizeString()</c> (Go's <c>CanonicalizeBytes</c>).</description></item>
/// <item><term>Format</term><description><c>Format</c> (the <c>SuffixFormat</c> member names equal Go's).</description></item>
/// <item><term>MilliValue</term><description>no equivalent: always <see cref="NotComparable"/>, which the comparisons ignore.</description></item>
/// <item><term>Value</term><description><c>ToInt64()</c>, the library's integer accessor (it truncates where Go's <c>Value()</c> rounds up).
/// If it throws, Value is <see cref="NotComparable"/> and Error records <c>ToInt64: ExceptionType</c>.</description></item>
/// <item><term>Error</term><description>when a call throws: <c>ExceptionType: message</c>. Go's error texts have no counterpart, so only acceptance is compared.</description></item>
/// </list>
/// Every call runs on its own thread (<see cref="TimedCall"/>); a call that has used <see cref="Timeout"/> of
/// CPU time (or 8× that of wall time) without answering is reported as <see cref="Observation.Failure"/>
/// <c>hang: no answer within 250 ms</c>.
/// </summary>
public sealed class ResourceQuantityAdapter : IConformanceAdapter
{
    /// <summary>Marks a numeric field the library has no equivalent for; the comparisons skip it.</summary>
    public const long NotComparable = long.MinValue;

    /// <summary>Prefix of <see cref="Observation.Failure"/> when the library did not answer in time.</summary>
    public const string HangPrefix = "hang:";

    /// <summary>Prefix of the Error of an accepted quantity whose <c>ToInt64()</c> threw.</summary>
    public const string ValueAccessorPrefix = "ToInt64: ";

    private readonly ConcurrentDictionary<string, Observation> answers = new(StringComparer.Ordinal);

    public ResourceQuantityAdapter(TimeSpan? timeout = null)
    {
        Timeout = timeout ?? TimeSpan.FromMilliseconds(250);

        // Load and JIT the library untimed, so the first real case is not mistaken for a hang: every path, including the
        // first throw of each exception type (resource lookup and stack trace cost ~100 ms of CPU once, which a starved
        // thread on a loaded machine could not get within the wall-clock backstop).
        _ = Observe("1.5Gi");
        _ = Observe("1e3");
        _ = Observe("x");
        _ = Observe("1KB");
        _ = Observe("1ee3");
        _ = Observe("1000E");
    }

    public string Name => "kubernetes-client:" + KubernetesClientInfo.Version;

    public Capability Capabilities => Capability.Quantity;

    /// <summary>The CPU time a call may use before it counts as a hang.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// The wall-clock backstop (8 × <see cref="Timeout"/>), for a call starved of CPU on a loaded machine. It does not make
    /// verdicts depend on speed: a call that does not hang needs microseconds of CPU, and the scheduler gives every
    /// runnable thread a slice far more often than every 2 s even at a load average of 50 on 2 cores (seen here); a
    /// longer backstop only made each real hang cost up to that long under load (tried: 30 s made this project's
    /// tests take 10+ minutes beside two CPU hogs).
    /// </summary>
    public TimeSpan WallLimit => Timeout * 8;

    /// <summary>The failure text of a hang, e.g. <c>hang: no answer within 250 ms</c>.</summary>
    public string HangText => HangPrefix + " no answer within " + ((long)Timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";

    public ValueTask<Observation> RunAsync(ConformanceCase testCase, Profile profile, CancellationToken cancellationToken) =>
        ValueTask.FromResult(testCase is QuantityCase q
            ? Run(q.Input)
            : Observation.Failed("unsupported case type " + testCase.GetType().Name));

    /// <summary>
    /// One input, timed. Answers are remembered per input (the library is deterministic), so shrinking and
    /// several properties do not hang on the same input again.
    /// </summary>
    public Observation Run(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (answers.TryGetValue(input, out var known))
        {
            return known;
        }

        var result = TimedCall.Run(() => Observe(input), Timeout, WallLimit);
        var observation = result.Hung
            ? Observation.Failed(HangText)
            : result.Exception is { } e
                ? Observation.Failed("adapter bug: " + Describe(e))
                : new Observation { Quantity = result.Value };
        return answers.GetOrAdd(input, observation);
    }

    /// <summary>The untimed mapping: never throws (library exceptions become <c>Ok=false</c>).</summary>
    internal static QuantityObservation Observe(string input)
    {
        ResourceQuantity q;
        string printed, canonical;
        try
        {
            q = new ResourceQuantity(input);
            printed = q.ToString();
            canonical = q.CanonicalizeString();
        }
        catch (Exception e)
        {
            return new QuantityObservation(false, "", "", "", NotComparable, NotComparable, Describe(e));
        }

        long value = NotComparable;
        string error = "";
        try
        {
            value = q.ToInt64();
        }
        catch (Exception e)
        {
            error = ValueAccessorPrefix + e.GetType().Name;
        }

        return new QuantityObservation(true, printed, canonical, q.Format.ToString(), NotComparable, value, error);
    }

    /// <summary><c>Type: message</c>, on one line.</summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string message = e.Message.ReplaceLineEndings(" ");
        return e.GetType().Name + ": " + message;
    }

    /// <summary>The exception type name of an Error written by <see cref="Describe"/>.</summary>
    public static string ExceptionType(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? error : error[..colon];
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
