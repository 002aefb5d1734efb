using PodConformance.Generators;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>The readable bound every shrunk counterexample keeps (issue 10 item 5), also quoted in the summary.</summary>
internal static class ReadableBound
{
    /// <summary>
    /// Lines of a one-pod counterexample as a report prints it (<see cref="CaseSize.LinesOf"/>). 40 is one terminal screen
    /// with the failure's header and the two observations' first lines still in view; the smallest whole case, a pod with
    /// one container and a scenario line, takes 10.
    /// </summary>
    public const int MaxLines = 40;

    /// <summary>
    /// Lines each further pod of a node-pressure episode may add: its own document (a container with a request and a
    /// priority, 13 lines) and its usage line, with a line to spare. An episode ranks pods against each other, so it
    /// needs two or three of them however well it shrinks.
    /// </summary>
    public const int LinesPerExtraPod = 15;

    public static int For(CaseSize size) => MaxLines + (LinesPerExtraPod * Math.Max(0, size.Pods - 1));

    /// <summary>A shrunk quantity text is at most this long (<c>1536Mi</c>, <c>1e3</c>): one token, read at a glance.</summary>
    public const int MaxQuantityLength = 8;

    /// <summary>
    /// The bound for QTY-038's mutant instead: the wrap needs a negative decimal beyond -2^63, whose shortest text is a sign and
    /// 19 digits (<c>-9223372036854775809</c>). A shorter integer fits the int64 form (QTY-008), and the short spellings of a
    /// larger value do not wrap: <c>podconf quantity</c> gives Value() 0 for <c>-10E</c> and <c>-1e19</c> (session 16).
    /// </summary>
    public const int MaxNegativeWrapLength = 20;

    /// <summary>The longest shrunk quantity text a mutant of <paramref name="rule"/> may leave.</summary>
    public static int QuantityLengthFor(string rule) =>
        rule == Model.Quantities.QuantityRules.NegativeFastPathWrap ? MaxNegativeWrapLength : MaxQuantityLength;
}

/// <summary>
/// Issue 10 item 5: a counterexample shrinks to what a person reads — the containers and fields the bent rule needs,
/// short names, no volumes, env, ports, labels or resources it does not read, at most the one scenario step it needs.
/// Measured on every mutant from the self-check's own runs (<see cref="MutantRuns"/>: nothing is run twice): every kill
/// at every seed within <see cref="ReadableBound"/>, and at the default seed nothing a reader could strike out
/// (<see cref="Removals"/>) still fails the same way. The shape mutants, whose unshrunk cases are the largest the suite
/// draws, are held to their exact shape as well.
/// </summary>
public class ReadableCounterexampleTests(ITestOutputHelper output)
{
    public static TheoryData<string> MutantIds => [.. Mutants.All.Select(m => m.Id)];

    [Theory]
    [MemberData(nameof(MutantIds))]
    public void Every_mutant_shrinks_to_a_readable_case_at_every_seed(string id)
    {
        var mutant = Mutants.Find(id);
        var run = MutantRuns.For(mutant);
        foreach (var kill in run.BySeed.OfType<Kill>())
        {
            var c = Assert.IsType<Counterexample>(kill.Result.Counterexample);
            output.WriteLine($"seed {kill.Seed}: {kill.Original.Lines} → {kill.Shrunk.Lines} lines, size {kill.Original.Size} → {kill.Shrunk.Size}, {c.Shrinks} shrink(s)");
            if (c.Shrunk is QuantityCase q)
            {
                Assert.True(q.Input.Length <= ReadableBound.QuantityLengthFor(mutant.Rule), $"{id} at seed {kill.Seed}: quantity \"{q.Input}\"");
                continue;
            }

            Assert.True(kill.Shrunk.Lines <= ReadableBound.For(kill.Shrunk), $"{id} at seed {kill.Seed}: {kill.Shrunk.Lines} lines, more than {ReadableBound.For(kill.Shrunk)}\n{CaseText.Render(c.Shrunk)}");
        }
    }

    /// <summary>At the default seed, the shrunk counterexample is minimal: without any one thing left in it, the mutant is no longer caught the same way.</summary>
    [Theory]
    [MemberData(nameof(MutantIds))]
    public void Every_mutant_shrinks_to_a_case_with_nothing_to_strike_out(string id)
    {
        var mutant = Mutants.Find(id);
        var kill = Assert.IsType<Kill>(MutantRuns.For(mutant).AtDefaultSeed);
        var c = Assert.IsType<Counterexample>(kill.Result.Counterexample);
        var property = kill.Result.Property;
        var signature = SignatureOf(mutant, property, c.Shrunk);
        Assert.NotNull(signature);
        output.WriteLine(CaseText.Render(c.Shrunk));
        var needless = Removals.Of(c.Shrunk).Where(r => SignatureOf(mutant, property, r.Case) == signature).Select(r => r.What).ToList();
        Assert.True(needless.Count == 0, $"{id}: still caught ({signature}) without " + string.Join(", ", needless) + "\n" + CaseText.Render(c.Shrunk));
    }

    /// <summary>The failure signature of <paramref name="c"/> against the mutant, as the runner computes it; null when it passes or cannot run.</summary>
    private static FailureSignature? SignatureOf(Mutant mutant, ConformanceProperty property, ConformanceCase c)
    {
        var run = mutant.Options(RunOptions.DefaultSeed).Profile;
        var profile = c is PodCase pod ? pod.ProfileFor(run) : run; // with the mutant's and the case's own gates, as the runner
        var expected = ModelAdapter.Run(c, profile);
        var actual = mutant.Adapter().RunAsync(c, profile, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (c is PodCase { Objects: { } objects })
        {
            actual = SecretRedaction.Check(actual, objects);
        }

        if (expected.Failure is not null || actual.Failure is not null)
        {
            return null;
        }

        var verdict = property.Compare(c, expected, actual);
        return verdict.Pass ? null : FailureSignature.Of(property, verdict);
    }

    /// <summary>Each shape mutant with the most containers its shrunk counterexample may keep (the rule reads that many).</summary>
    public static TheoryData<string, int> ShapeMutants => new()
    {
        { "cond-ready-ignores-gates", 1 },
        { "backoff-cap-10m", 1 },
        { "backoff-never-resets", 1 },
        { "kill-sidecars-first", 2 },
        { "phase-deleted-stays-running", 1 },
        { "sidecars-keep-pod-alive", 2 },
    };

    [Theory]
    [MemberData(nameof(ShapeMutants))]
    public void A_shape_mutant_shrinks_to_a_readable_case(string id, int maxContainers)
    {
        var kill = MutantRuns.For(Mutants.Find(id)).AtDefaultSeed;
        Assert.NotNull(kill);
        var c = Assert.IsType<PodCase>(kill.Result.Counterexample?.Shrunk);
        output.WriteLine($"{id}: {kill.Original.Text} (size {kill.Original.Size}) → {kill.Shrunk.Text} (size {kill.Shrunk.Size})");
        output.WriteLine(c.Pod.ToString());
        output.WriteLine(c.Scenario.ToString());

        var spec = c.Pod.Spec;
        var containers = spec.InitContainers.Concat(spec.Containers).ToList();
        Assert.InRange(containers.Count, 1, maxContainers);
        Assert.True(kill.Shrunk.Size <= (1000 * maxContainers) + 60, $"{id}: shrunk size {kill.Shrunk.Size}");
        Assert.Empty(spec.Volumes);
        Assert.Empty(c.Pod.Metadata.Labels);
        Assert.True(spec.ReadinessGates.Count <= 1, "readiness gates: " + spec.ReadinessGates.Count);
        foreach (var container in containers)
        {
            Assert.True(container.Name.Length <= 2, "container name " + container.Name);
            Assert.Empty(container.Env);
            Assert.Empty(container.Ports);
            Assert.Empty(container.VolumeMounts);
            Assert.True(container.Resources.Requests.IsEmpty && container.Resources.Limits.IsEmpty, container.Name + " keeps resources");
        }

        Assert.True(c.Scenario.Steps.Count <= 1, "steps: " + c.Scenario.Steps.Count);
        Assert.True(c.Scenario.Pods.Values.Sum(p => p.Containers.Count) <= maxContainers, "scripted containers");
        Assert.True(ScenarioShrinker.Size(new ScenarioCase(c.Pod, c.Scenario)) < ScenarioShrinker.Size(ToScenarioCase(kill.Result.Counterexample!.Original)));
    }

    private static ScenarioCase ToScenarioCase(ConformanceCase c) => c is PodCase p ? new ScenarioCase(p.Pod, p.Scenario) : throw new ArgumentException(c.GetType().Name);
}
