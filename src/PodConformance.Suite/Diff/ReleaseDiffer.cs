using System.Text;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Diff;

/// <summary>
/// Finds the Pod behaviours that change between two releases with the model alone: every property's generated cases
/// are answered by the model under both profiles, a case whose views differ is shrunk while it keeps differing, and
/// changes are kept once per signature. Deterministic for a seed and count: case <c>i</c> of a property is drawn
/// from (seed, i) alone, half of them from the older release's generators and half from the newer's, so fields and
/// invalid variants of both releases are tried.
/// </summary>
public static class ReleaseDiffer
{
    /// <summary>Upper bound on shrink attempts per change, so a pathological shrinker cannot stall the search.</summary>
    public const int MaxShrinkAttempts = 400;

    public static ReleaseDiff Run(Profile from, Profile to, IReadOnlyList<ConformanceProperty> properties, ulong seed, int count,
        int maxChangesPerProperty = 5, Action<AreaDiff>? onArea = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(properties);
        var areas = new List<AreaDiff>(properties.Count);
        foreach (var property in properties)
        {
            var area = Search(property, from, to, seed, count, maxChangesPerProperty, cancellationToken);
            onArea?.Invoke(area);
            areas.Add(area);
        }

        return new ReleaseDiff(from, to, seed, count, GateChange.Between(from, to), areas) { Schema = SchemaChange.Between(from.Version, to.Version) };
    }

    public static AreaDiff Search(ConformanceProperty property, Profile from, Profile to, ulong seed, int count, int maxChanges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(property);
        if (property.Pending is { } pending)
        {
            return new AreaDiff(property, 0, [], "pending: " + pending);
        }

        if (!property.AppliesTo(from) && !property.AppliesTo(to))
        {
            return new AreaDiff(property, 0, [], "applies to neither release");
        }

        var gens = new[] { property.Cases(from), property.Cases(to) };
        var changes = new List<BehaviourChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int tried = 0;
        for (int i = 0; i < count && changes.Count < maxChanges; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tried++;
            var testCase = Draw(gens[i & 1], seed, i, count);
            if (!Differs(property, testCase, from, to, out var a, out var b))
            {
                continue;
            }

            // A change already found (before or after shrinking) is not shrunk again.
            string first = Signature(a, b);
            if (!seen.Add(first))
            {
                continue;
            }

            var (shrunk, shrinks, va, vb) = Shrink(property, testCase, from, to, a, b, cancellationToken);
            string signature = Signature(va, vb);
            if (string.Equals(signature, first, StringComparison.Ordinal) || seen.Add(signature))
            {
                changes.Add(new BehaviourChange(i, shrunk, shrinks, va, vb, signature));
            }
        }

        return new AreaDiff(property, tried, changes, null);
    }

    /// <summary>Case <paramref name="index"/> of <paramref name="count"/>: sizes grow from 1 to 100 over the search, as FsCheck's do.</summary>
    public static ConformanceCase Draw(Gen<ConformanceCase> gen, ulong seed, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(gen);
        int size = Math.Min(100, 1 + (int)((long)index * 100 / Math.Max(1, count)));
        var rnd = new Rnd(unchecked(seed * 6364136223846793005UL + (ulong)index * 1442695040888963407UL), 0x9E3779B97F4A7C15UL);
        return gen.Sample(1, rnd, size)[0];
    }

    private static bool Differs(ConformanceProperty property, ConformanceCase testCase, Profile from, Profile to, out IReadOnlyList<string> viewFrom, out IReadOnlyList<string> viewTo)
    {
        var a = ModelAdapter.Run(testCase, from);
        var b = ModelAdapter.Run(testCase, to);
        viewFrom = View(property, a);
        viewTo = View(property, b);
        if (a.Failure is not null || b.Failure is not null)
        {
            return !Same(viewFrom, viewTo);
        }

        return !property.Compare(testCase, a, b).Pass;
    }

    private static IReadOnlyList<string> View(ConformanceProperty property, Observation o) =>
        o.Failure is { } failure ? ["the model failed (a bug in podconf): " + failure] : property.View(o);

    private static bool Same(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static (ConformanceCase Case, int Shrinks, IReadOnlyList<string> From, IReadOnlyList<string> To) Shrink(
        ConformanceProperty property, ConformanceCase current, Profile from, Profile to, IReadOnlyList<string> viewFrom, IReadOnlyList<string> viewTo, CancellationToken ct)
    {
        int shrinks = 0;
        int attempts = 0;
        bool progress = true;
        while (progress && attempts < MaxShrinkAttempts)
        {
            progress = false;
            foreach (var candidate in property.Shrink(current))
            {
                ct.ThrowIfCancellationRequested();
                if (++attempts > MaxShrinkAttempts)
                {
                    break;
                }

                if (Differs(property, candidate, from, to, out var a, out var b))
                {
                    (current, viewFrom, viewTo) = (candidate, a, b);
                    shrinks++;
                    progress = true;
                    break;
                }
            }
        }

        return (current, shrinks, viewFrom, viewTo);
    }

    /// <summary>
    /// The first line only the older release shows and the first only the newer one shows (see
    /// <see cref="DiffText.Edits"/>), with digits and quoted text masked: the same change seen on pods with other names,
    /// counts or indexes counts once, and a pod accepted by one release and rejected by the other is one change however
    /// many defaulted fields go with it.
    /// </summary>
    public static string Signature(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        string? removed = null;
        string? added = null;
        foreach (var (op, line) in DiffText.Edits(from, to))
        {
            if (op == '-' && removed is null)
            {
                removed = line;
            }
            else if (op == '+' && added is null)
            {
                added = line;
            }
        }

        return "-" + Mask(removed ?? "") + "\n+" + Mask(added ?? "");
    }

    private static string Mask(string line)
    {
        var sb = new StringBuilder(line.Length);
        bool quoted = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                sb.Append(c);
                continue;
            }

            if (quoted)
            {
                continue;
            }

            if (c is >= '0' and <= '9')
            {
                if (sb.Length == 0 || sb[^1] != '#')
                {
                    sb.Append('#');
                }

                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

/// <summary>Everything <c>podconf diff</c> reports: the gate changes (data) and each property's behaviour changes (search).</summary>
public sealed record ReleaseDiff(Profile From, Profile To, ulong Seed, int Count, IReadOnlyList<GateChange> Gates, IReadOnlyList<AreaDiff> Areas)
{
    /// <summary>The Pod API fields that differ (spec/api data).</summary>
    public IReadOnlyList<SchemaChange> Schema { get; init; } = [];

    public int ChangeCount => Areas.Sum(a => a.Changes.Count);

    public bool HasChanges => Gates.Count > 0 || Schema.Count > 0 || ChangeCount > 0;
}
