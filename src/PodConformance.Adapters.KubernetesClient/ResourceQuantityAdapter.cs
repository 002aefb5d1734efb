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
/// <item><term>MilliValue</term><description>no equivalent: always in <see cref="QuantityObservation.NotObserved"/> (PROTO-019), which the comparisons skip.</description></item>
/// <item><term>Value</term><description><c>ToInt64()</c>, the library's integer accessor (it truncates where Go's <c>Value()</c> rounds up).
/// If it throws, Value is marked not observed and Error records <c>ToInt64: ExceptionType</c>.</description></item>
/// <item><term>Error</term><description>when a call throws: <c>ExceptionType: message</c>. Go's error texts have no counterpart, so only acceptance is compared.</description></item>
/// </list>
/// Every call runs in a worker process (<see cref="LibraryWorker"/>); a call that has used <see cref="Timeout"/> of
/// the worker's CPU time (or waited 120× that long) without answering is reported as <see cref="Observation.Failure"/>
/// <c>hang: no answer within 250 ms</c>, and the worker is killed.
/// </summary>
public sealed class ResourceQuantityAdapter : IConformanceAdapter, IDisposable
{
    /// <summary>
    /// The members this adapter never observes (PROTO-019): the library has no MilliValue. Value joins them when
    /// <c>ToInt64()</c> throws or the text is rejected (<see cref="QuantityObservation.NotObserved"/>; the numbers are then
    /// placeholder zeros, which the comparisons skip).
    /// </summary>
    public const QuantityMembers AlwaysNotObserved = QuantityMembers.MilliValue;

    /// <summary>Prefix of <see cref="Observation.Failure"/> when the library did not answer in time.</summary>
    public const string HangPrefix = "hang:";

    /// <summary>Prefix of the Error of an accepted quantity whose <c>ToInt64()</c> threw.</summary>
    public const string ValueAccessorPrefix = Worker.LibraryAnswer.ValueAccessorPrefix;

    /// <summary>Prefix of <see cref="Observation.Failure"/> when the worker process died during a call (e.g. a stack overflow).</summary>
    public const string CrashPrefix = "crash:";

    private readonly ConcurrentDictionary<string, Observation> answers = new(StringComparer.Ordinal);
    private readonly LibraryWorker worker = new();

    public ResourceQuantityAdapter(TimeSpan? timeout = null)
    {
        Timeout = timeout ?? TimeSpan.FromMilliseconds(250);

        // Start the worker now (it warms every library path before it says ready), so start-up is not charged to a case.
        worker.EnsureStarted();
    }

    public string Name => "kubernetes-client:" + KubernetesClientInfo.Version;

    public Capability Capabilities => Capability.Quantity;

    /// <summary>The CPU time a call may use before it counts as a hang.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// The wall-clock backstop (120 × <see cref="Timeout"/>, 30 s), for a call that blocks instead of spinning. It is not
    /// a budget: the verdict is the worker's CPU time. A short backstop (it was 8 ×, 2 s) turned calls that need a few
    /// milliseconds of CPU (`1.e1082`, 6 ms) into hangs beside two CPU hogs; a real hang reaches the CPU budget within
    /// seconds at any load.
    /// </summary>
    public TimeSpan WallLimit => Timeout * 120;

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

        var result = worker.Call(input, Timeout, WallLimit);
        var observation = result.Hung
            ? Observation.Failed(HangText)
            : result.Answer is { } answer
                ? new Observation { Quantity = Map(answer) }
                : Observation.Failed(CrashPrefix + " " + result.Crash);
        return answers.GetOrAdd(input, observation);
    }

    /// <summary>Workers started so far: one, plus one after each hang or crash.</summary>
    internal int WorkersStarted => worker.Started;

    /// <summary>The running worker's pid (null after a hang until the next call).</summary>
    internal int? WorkerPid => worker.Pid;

    /// <summary>The library's answer as an observation: a rejection observes only acceptance and its error.</summary>
    internal static QuantityObservation Map(Worker.LibraryAnswer a) =>
        new(a.Ok, a.Printed, a.Canonical, a.Format, 0, a.Value, a.Error)
        {
            NotObserved = a.ValueThrew ? AlwaysNotObserved | QuantityMembers.Value : AlwaysNotObserved,
        };

    /// <summary>The exception type name of an Error written by <see cref="Worker.LibraryAnswer.Describe"/>.</summary>
    public static string ExceptionType(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        int colon = error.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? error : error[..colon];
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the worker process.</summary>
    public void Dispose() => worker.Dispose();
}
