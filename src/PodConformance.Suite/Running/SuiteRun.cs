using System.Globalization;
using System.Runtime.ExceptionServices;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Running;

/// <summary>Everything a report needs about one run: what ran, against what, and each property's result.</summary>
public sealed record RunReport(string Adapter, Profile Profile, RunOptions Options, IReadOnlyList<PropertyResult> Results)
{
    public int Count(Outcome outcome) => Results.Count(r => r.Outcome == outcome);

    /// <summary>
    /// Every result is as expected: no failure, no unexpected pass, no error; and some case reached the adapter — a run
    /// that ran nothing against it (every case an error, or every property skipped) proves nothing and is not green.
    /// </summary>
    public bool AsExpected => Results.All(r => r.Outcome is not (Outcome.Failed or Outcome.UnexpectedPass or Outcome.Error)) && CasesReached > 0;

    /// <summary>Cases the adapter answered with an observation, over all properties.</summary>
    public int CasesReached => Results.Sum(r => r.CasesReached);
}

/// <summary>
/// Runs the catalogue (filtered by <see cref="RunOptions.Rules"/>) against an adapter with the model as oracle,
/// with the adapter's expectations deciding which failures are known.
/// </summary>
public static class SuiteRun
{
    public static RunReport Execute(IConformanceAdapter adapter, RunOptions options, Expectations? expectations = null, Action<int, int, PropertyResult>? progress = null, CancellationToken cancellationToken = default) =>
        Execute(adapter, options, expectations, progress is null ? null : new PerProperty(progress), cancellationToken);

    /// <summary>
    /// The run, with <paramref name="progress"/> told of every case. With <see cref="RunOptions.Repeat"/> above 1 each
    /// property runs its cases that many times; a property whose repeats disagree is a failure marked flaky.
    /// </summary>
    public static RunReport Execute(IConformanceAdapter adapter, RunOptions options, Expectations? expectations, IRunProgress? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(options);
        var properties = Select(options);
        var runner = new SuiteRunner(new ModelAdapter(), adapter, options.Profile) { Coverage = options.Coverage, Expectations = expectations ?? Expectations.None };
        progress?.Started(properties.Count, properties.Sum(p => (long)CasesOf(p, options)));
        int workers = Workers(adapter, options, properties.Count);
        var results = workers > 1
            ? InParallel(runner, properties, options, progress, workers, cancellationToken)
            : InTurn(runner, properties, options, progress, cancellationToken);
        return new RunReport(adapter.Name, options.Profile, options, results);
    }

    /// <summary>
    /// How many properties run at once: only the in-process model runs several (it is pure: a property's result depends
    /// on the property, the seed, the count and the profile alone, so the report is the same in any order).
    /// </summary>
    internal static int Workers(IConformanceAdapter adapter, RunOptions options, int properties)
    {
        if (adapter is not ModelAdapter || properties < 2)
        {
            return 1;
        }

        int wanted = options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount;
        return Math.Clamp(wanted, 1, properties);
    }

    private static List<PropertyResult> InTurn(SuiteRunner runner, IReadOnlyList<ConformanceProperty> properties, RunOptions options, IRunProgress? progress, CancellationToken cancellationToken)
    {
        var results = new List<PropertyResult>(properties.Count);
        Action? caseDone = progress is null ? null : progress.CaseDone;
        for (int i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            progress?.PropertyStarted(i, property, CasesOf(property, options));
            var result = Repeats.Run(runner, property, options, caseDone, cancellationToken);
            results.Add(result);
            progress?.PropertyDone(i, result);
        }

        return results;
    }

    /// <summary>
    /// Properties on <paramref name="workers"/> threads, each taking the next property in catalogue order. The results
    /// are collected in catalogue order, and progress is told from this thread, in order, as <see cref="InTurn"/> tells
    /// it: property <c>i</c> starts when property <c>i − 1</c> is done, and the cases a worker finished ahead are told
    /// then. A property that throws (cancellation, a bug) ends the run as it would in turn: no worker starts another
    /// property, and once the workers are done the first such exception in catalogue order is rethrown here. Workers run
    /// under this thread's culture, as the properties would in turn.
    /// </summary>
    private static List<PropertyResult> InParallel(SuiteRunner runner, IReadOnlyList<ConformanceProperty> properties, RunOptions options, IRunProgress? progress, int workers, CancellationToken cancellationToken)
    {
        int n = properties.Count;
        var slots = new Slot[n];
        for (int i = 0; i < n; i++)
        {
            slots[i] = new Slot();
        }

        int next = -1;
        int stop = 0;
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        void Work()
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            int i;
            while (Volatile.Read(ref stop) == 0 && (i = Interlocked.Increment(ref next)) < n)
            {
                var slot = slots[i];
                try
                {
                    slot.Result = Repeats.Run(runner, properties[i], options, progress is null ? null : slot.CaseDone, cancellationToken);
                }
                catch (Exception e)
                {
                    slot.Failure = ExceptionDispatchInfo.Capture(e);
                    Volatile.Write(ref stop, 1);
                }
                finally
                {
                    slot.Done.Set();
                }
            }
        }

        var threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            // The main thread's stack size: generators and shrinkers recurse over nested structures.
            threads[w] = new Thread(Work, WorkerStack) { IsBackground = true, Name = "podconf property " + w.ToString(CultureInfo.InvariantCulture) };
            threads[w].Start();
        }

        var results = new List<PropertyResult>(n);
        try
        {
            for (int i = 0; i < n; i++)
            {
                var slot = slots[i];
                progress?.PropertyStarted(i, properties[i], CasesOf(properties[i], options));
                int told = 0;
                while (!slot.Done.Wait(progress is null ? Timeout.Infinite : 100))
                {
                    told = Tell(progress, slot, told);
                }

                Tell(progress, slot, told);
                slot.Failure?.Throw();
                results.Add(slot.Result!);
                progress?.PropertyDone(i, slot.Result!);
            }
        }
        finally
        {
            Volatile.Write(ref stop, 1);
            foreach (var thread in threads)
            {
                thread.Join();
            }

            foreach (var slot in slots)
            {
                slot.Done.Dispose();
            }
        }

        return results;
    }

    /// <summary>Tells <paramref name="progress"/> of the cases of <paramref name="slot"/> done since <paramref name="told"/>.</summary>
    private static int Tell(IRunProgress? progress, Slot slot, int told)
    {
        int done = Volatile.Read(ref slot.Cases);
        for (; told < done; told++)
        {
            progress?.CaseDone();
        }

        return done;
    }

    /// <summary>8 MiB, Linux's default for a process's main thread.</summary>
    private const int WorkerStack = 8 * 1024 * 1024;

    /// <summary>One property's place in a parallel run.</summary>
    private sealed class Slot
    {
        public int Cases;
        public PropertyResult? Result;
        public ExceptionDispatchInfo? Failure;

        public ManualResetEventSlim Done { get; } = new();

        public void CaseDone() => Interlocked.Increment(ref Cases);
    }

    /// <summary>The generated cases a property takes in this run (all repeats; none when it will be skipped).</summary>
    private static int CasesOf(ConformanceProperty p, RunOptions options) => p.Pending is null ? options.CountFor(p) * options.Repeat : 0;

    /// <summary>The catalogue (with the run's tolerance) filtered by the run's rule globs, in catalogue order; then the run's shard of it.</summary>
    public static IReadOnlyList<ConformanceProperty> Select(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var selected = Catalog.Create(options.Tolerance).Where(options.Selects).ToList();
        return options.Shard is { } shard ? selected.Where((_, i) => shard.Holds(i)).ToList() : selected;
    }

    /// <summary>The old per-property callback as a progress listener.</summary>
    private sealed class PerProperty(Action<int, int, PropertyResult> done) : IRunProgress
    {
        private int _total;

        public void Started(int properties, long cases) => _total = properties;

        public void PropertyStarted(int index, ConformanceProperty property, int cases)
        {
        }

        public void CaseDone()
        {
        }

        public void PropertyDone(int index, PropertyResult result) => done(index + 1, _total, result);
    }
}
