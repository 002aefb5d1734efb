using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Running;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>
/// Runs the library quantity properties (<see cref="SuiteRunner"/>, model as oracle) and then classifies
/// every divergence in the corpora, shrinking each class to its shortest example. Inputs come from fixed
/// seeds and shrinking is greedy and ordered, so the result is the same on every run.
/// </summary>
public static class QuantityDivergenceAnalysis
{
    /// <summary>Examples per class that are shrunk before the shortest is kept (hang classes shrink one: each hang costs a timeout).</summary>
    private const int ExamplesShrunk = 3;

    private const int MaxShrinkAttempts = 200;

    public static QuantityDivergenceReport Run(ResourceQuantityAdapter adapter, IReadOnlyList<QuantityCorpus>? corpora = null)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        corpora ??= QuantityCorpus.Default;
        var profile = Profile.Default;

        // 1. The properties through the suite's runner, on the first generated corpus's seed and count.
        var first = corpora.First(c => c.Generator is not null);
        var runner = new SuiteRunner(new ModelAdapter(), adapter, profile) { MaxShrinkAttempts = MaxShrinkAttempts };
        var properties = LibraryQuantityProperties.All.Select(p => runner.Run(p, first.Seed, first.Count)).ToList();

        // 2. Every divergence of every case, by class, in corpus order.
        var seen = new Dictionary<string, ClassTally>(StringComparer.Ordinal);
        int cases = 0;
        foreach (var corpus in corpora)
        {
            foreach (string input in Inputs(corpus))
            {
                cases++;
                var go = ModelAdapter.ObserveQuantity(input);
                foreach (var c in QuantityDivergenceClassifier.Classify(input, go, adapter.Run(input)))
                {
                    if (!seen.TryGetValue(c.Id, out var tally))
                    {
                        seen[c.Id] = tally = new ClassTally(c, corpus.Name);
                    }

                    tally.Count++;
                    if (tally.Examples.Count < (IsHang(c) ? 1 : ExamplesShrunk) && !tally.Examples.Contains(input, StringComparer.Ordinal))
                    {
                        tally.Examples.Add(input);
                    }
                }
            }
        }

        // 3. The shortest shrunk example of each class.
        var findings = new List<DivergenceFinding>();
        foreach (var tally in Order(seen.Values))
        {
            string smallest = tally.Examples
                .Select(e => Shrink(adapter, tally.Class, e))
                .OrderBy(e => e.Length)
                .ThenBy(e => e, StringComparer.Ordinal)
                .First();
            findings.Add(new DivergenceFinding(tally.Class, tally.Count, tally.FirstCorpus, smallest, ModelAdapter.ObserveQuantity(smallest), adapter.Run(smallest)));
        }

        return new QuantityDivergenceReport(KubernetesClientInfo.Version, adapter.Timeout, corpora, cases, properties, findings);
    }

    /// <summary>The inputs of a corpus: generated ones exactly as <see cref="SuiteRunner.CaseAt"/> makes them.</summary>
    public static IEnumerable<string> Inputs(QuantityCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        if (corpus.Generator is null)
        {
            foreach (string input in corpus.Fixed)
            {
                yield return input;
            }

            yield break;
        }

        var gen = corpus.Generator.Select(t => (ConformanceCase)new QuantityCase(t));
        for (int i = 0; i < corpus.Count; i++)
        {
            yield return ((QuantityCase)SuiteRunner.CaseAt(gen, corpus.Seed, i, corpus.Count)).Input;
        }
    }

    /// <summary>Greedy: take the first smaller candidate still in the class, until none is.</summary>
    public static string Shrink(ResourceQuantityAdapter adapter, DivergenceClass divergence, string input)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ArgumentNullException.ThrowIfNull(divergence);
        string current = input;
        int attempts = 0;
        bool progress = true;
        while (progress && attempts < MaxShrinkAttempts)
        {
            progress = false;
            foreach (string candidate in Candidates(current))
            {
                if (++attempts > MaxShrinkAttempts)
                {
                    break;
                }

                if (IsIn(adapter, divergence, candidate))
                {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }

        return current;
    }

    /// <summary>
    /// The generators' shrinker, then edits it lacks: halving or collapsing a run of one character (so
    /// <c>0.000…01Ki</c> loses zeros but keeps its suffix) and, for short texts, deleting one character.
    /// Every candidate is smaller by <see cref="QuantityShrinker.Size"/>, so shrinking terminates.
    /// </summary>
    internal static IEnumerable<string> Candidates(string text)
    {
        int size = QuantityShrinker.Size(text);
        var seen = new HashSet<string>(StringComparer.Ordinal) { text };
        foreach (string candidate in QuantityShrinker.Shrink(text).Concat(Edits(text)))
        {
            if (QuantityShrinker.Size(candidate) < size && seen.Add(candidate))
            {
                yield return candidate;
            }
        }
    }

    private static IEnumerable<string> Edits(string text)
    {
        for (int start = 0; start < text.Length;)
        {
            int end = start + 1;
            while (end < text.Length && text[end] == text[start])
            {
                end++;
            }

            int run = end - start;
            if (run >= 2)
            {
                yield return text[..start] + text.Substring(start, run / 2) + text[end..];
                yield return text[..(start + 1)] + text[end..];
            }

            start = end;
        }

        if (text.Length <= 40)
        {
            for (int i = 0; i < text.Length; i++)
            {
                yield return text.Remove(i, 1);
            }
        }
    }

    private static bool IsIn(ResourceQuantityAdapter adapter, DivergenceClass divergence, string input) =>
        QuantityDivergenceClassifier.Classify(input, ModelAdapter.ObserveQuantity(input), adapter.Run(input)).Any(c => c.Id == divergence.Id);

    private static bool IsHang(DivergenceClass c) => c.Id.StartsWith("hang-", StringComparison.Ordinal);

    private static IEnumerable<ClassTally> Order(IEnumerable<ClassTally> tallies)
    {
        var rank = DivergenceClass.Known.Select((c, i) => (c.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        return tallies
            .OrderBy(t => rank.TryGetValue(t.Class.Id, out int r) ? r : int.MaxValue)
            .ThenBy(t => t.Class.Id, StringComparer.Ordinal);
    }

    private sealed class ClassTally(DivergenceClass divergenceClass, string firstCorpus)
    {
        public DivergenceClass Class { get; } = divergenceClass;

        public string FirstCorpus { get; } = firstCorpus;

        public int Count { get; set; }

        public List<string> Examples { get; } = [];
    }
}

/// <summary>One class: how many cases fell in it, where it was first seen, its shortest example and both answers to it.</summary>
public sealed record DivergenceFinding(DivergenceClass Class, int Cases, string FirstCorpus, string Example, QuantityObservation Go, Observation Library);
