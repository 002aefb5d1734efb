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
/// invalid variants of both releases are tried. A property with <see cref="ConformanceProperty.Variants"/> then has each
/// variant walked (<see cref="CasesPerVariant"/> cases, drawn from the seed and the variant's name), so a change one
/// variant shows does not depend on the random draw meeting it. Each release answers a case as its API server would
/// receive it (<see cref="ReleaseCase"/>): the manifest decoded with that release's schema, so a field it lacks is dropped
/// (and named with the change), under its profile with the case's own feature gates; a case a release cannot be given
/// (a gate it refuses) is not compared, and counted (<see cref="AreaDiff.Refused"/>).
/// </summary>
public static class ReleaseDiffer
{
    /// <summary>Upper bound on shrink attempts per change, so a pathological shrinker cannot stall the search.</summary>
    public const int MaxShrinkAttempts = 400;

    /// <summary>
    /// Distinct changes kept per property unless the caller says otherwise: above what any property shows between two
    /// supported releases today (P-ADM-VALIDATION: 33 from 1.33 to 1.37), so the default run reports every change it finds.
    /// </summary>
    public const int DefaultMaxChanges = 50;

    public static ReleaseDiff Run(Profile from, Profile to, IReadOnlyList<ConformanceProperty> properties, ulong seed, int count,
        int maxChangesPerProperty = DefaultMaxChanges, Action<AreaDiff>? onArea = null, CancellationToken cancellationToken = default)
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
        var search = new Found(maxChanges);
        int tried = 0;
        for (int i = 0; i < count && !search.Full; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tried++;
            Consider(property, Draw(gens[i & 1], seed, i, count), i, null, from, to, search, cancellationToken);
        }

        // The targeted phase: every variant, under both releases, whatever the random draw met.
        int walked = 0;
        int variantTried = 0;
        foreach (var (name, gen) in VariantsOf(property, from, to))
        {
            if (search.Full)
            {
                break;
            }

            walked++;
            ulong variantSeed = seed ^ Fnv1a(name);
            for (int j = 0; j < CasesPerVariant && !search.Full; j++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                variantTried++;
                Consider(property, Draw(gen[j & 1], variantSeed, j, CasesPerVariant), j, name, from, to, search, cancellationToken);
            }
        }

        return new AreaDiff(property, tried, search.Changes, null) { VariantsWalked = walked, VariantCasesTried = variantTried, Refused = search.Refusals(from.Version.ToString()) };
    }

    /// <summary>Cases drawn from each variant, alternately from the older and the newer release's generator, sizes growing.</summary>
    public const int CasesPerVariant = 8;

    /// <summary>The changes found so far and the signatures seen (found or shrunk to), up to the cap.</summary>
    private sealed class Found(int max)
    {
        public List<BehaviourChange> Changes { get; } = [];

        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

        public bool Full => Changes.Count >= max;

        /// <summary>Drawn cases a release refused, by (release, reason), in the order first met.</summary>
        private readonly List<(string Release, string Reason)> _refusedOrder = [];

        private readonly Dictionary<(string, string), int> _refused = [];

        public void Refuse(string release, string reason)
        {
            var key = (release, reason);
            if (_refused.TryGetValue(key, out int n))
            {
                _refused[key] = n + 1;
                return;
            }

            _refused[key] = 1;
            _refusedOrder.Add(key);
        }

        /// <summary>The older release's refusals first, each release's in the order first met.</summary>
        public IReadOnlyList<RefusedCases> Refusals(string older) =>
            [.. _refusedOrder.OrderBy(k => string.Equals(k.Release, older, StringComparison.Ordinal) ? 0 : 1).Select(k => new RefusedCases(k.Release, k.Reason, _refused[k]))];
    }

    private static void Consider(ConformanceProperty property, ConformanceCase testCase, int index, string? variant, Profile from, Profile to, Found search, CancellationToken ct)
    {
        var answer = Answer(property, testCase, from, to);
        if (answer.RefusedBy is { } release)
        {
            search.Refuse(release.Version.ToString(), answer.Refusal!);
            return;
        }

        if (!answer.Differs)
        {
            return;
        }

        // A change already found (before or after shrinking) is not shrunk again.
        string first = Signature(answer.From, answer.To);
        if (!search.Seen.Add(first))
        {
            return;
        }

        var (shrunk, shrinks, last) = Shrink(property, testCase, from, to, answer, ct);
        string signature = Signature(last.From, last.To);
        if (string.Equals(signature, first, StringComparison.Ordinal) || search.Seen.Add(signature))
        {
            search.Changes.Add(new BehaviourChange(index, shrunk, shrinks, last.From, last.To, signature)
            {
                Variant = variant,
                DroppedFrom = last.DroppedFrom,
                DroppedTo = last.DroppedTo,
            });
        }
    }

    /// <summary>
    /// The property's variants under either release, the older release's first (in its order), then those only the newer
    /// one has; each with its generator under each release (the other release's where one release lacks the variant).
    /// </summary>
    private static List<(string Name, Gen<ConformanceCase>[] Gens)> VariantsOf(ConformanceProperty property, Profile from, Profile to)
    {
        var result = new List<(string, Gen<ConformanceCase>[])>();
        if (property.Variants is not { } variants)
        {
            return result;
        }

        var older = property.AppliesTo(from) ? variants(from) : [];
        var newer = property.AppliesTo(to) ? variants(to) : [];
        var newerByName = new Dictionary<string, Gen<ConformanceCase>>(StringComparer.Ordinal);
        foreach (var v in newer)
        {
            newerByName[v.Name] = v.Cases;
        }

        var olderNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in older)
        {
            olderNames.Add(v.Name);
            result.Add((v.Name, [v.Cases, newerByName.TryGetValue(v.Name, out var n) ? n : v.Cases]));
        }

        foreach (var v in newer)
        {
            if (!olderNames.Contains(v.Name))
            {
                result.Add((v.Name, [v.Cases, v.Cases]));
            }
        }

        return result;
    }

    /// <summary>FNV-1a over the name's UTF-16 units: a variant's cases depend on its name and the seed, not on its place in the list.</summary>
    private static ulong Fnv1a(string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in name)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        return h;
    }

    /// <summary>Case <paramref name="index"/> of <paramref name="count"/>: sizes grow from 1 to 100 over the search, as FsCheck's do.</summary>
    public static ConformanceCase Draw(Gen<ConformanceCase> gen, ulong seed, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(gen);
        int size = Math.Min(100, 1 + (int)((long)index * 100 / Math.Max(1, count)));
        var rnd = new Rnd(unchecked(seed * 6364136223846793005UL + (ulong)index * 1442695040888963407UL), 0x9E3779B97F4A7C15UL);
        // The case keeps its own gates (PodCase.Gates, made for the release whose generator drew it): both releases run
        // with them, or the case is not compared where a release refuses them (ReleaseCase).
        return gen.Sample(1, rnd, size)[0];
    }

    /// <summary>
    /// One case answered by the model under both releases, each given the case as its API server would receive it
    /// (<see cref="ReleaseCase"/>). <see cref="RefusedBy"/> set: a release cannot be given the case, nothing was compared.
    /// </summary>
    public sealed record CaseAnswer(bool Differs, IReadOnlyList<string> From, IReadOnlyList<string> To, IReadOnlyList<string> DroppedFrom, IReadOnlyList<string> DroppedTo)
    {
        /// <summary>The release that refused the case (the older one where both do), or null.</summary>
        public Profile? RefusedBy { get; init; }

        /// <summary>That release's refusal (<see cref="ReleaseCase.Refusal"/>).</summary>
        public string? Refusal { get; init; }
    }

    /// <summary>
    /// <paramref name="testCase"/> under both releases: decoded by each release's schema, run under each release's profile
    /// with the case's gates, compared by the property. The property's comparison gets the case as generated.
    /// </summary>
    public static CaseAnswer Answer(ConformanceProperty property, ConformanceCase testCase, Profile from, Profile to)
    {
        ArgumentNullException.ThrowIfNull(property);
        ArgumentNullException.ThrowIfNull(testCase);
        var (atFrom, atTo) = ReleaseCase.Pair(testCase, from, to);
        if ((atFrom.Refusal ?? atTo.Refusal) is { } refusal)
        {
            return new CaseAnswer(false, [], [], atFrom.Dropped, atTo.Dropped) { RefusedBy = atFrom.Refusal is null ? to : from, Refusal = refusal };
        }

        var a = ModelAdapter.Run(atFrom.Case, atFrom.Profile);
        var b = ModelAdapter.Run(atTo.Case, atTo.Profile);
        var viewFrom = View(property, a);
        var viewTo = View(property, b);
        bool differs = a.Failure is not null || b.Failure is not null ? !Same(viewFrom, viewTo) : !property.Compare(testCase, a, b).Pass;
        return new CaseAnswer(differs, viewFrom, viewTo, atFrom.Dropped, atTo.Dropped);
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

    /// <summary>
    /// Shrinks while the case still differs; a candidate a release refuses (a gate, a decoding error) is not taken.
    /// </summary>
    private static (ConformanceCase Case, int Shrinks, CaseAnswer Answer) Shrink(
        ConformanceProperty property, ConformanceCase current, Profile from, Profile to, CaseAnswer answer, CancellationToken ct)
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

                var candidateAnswer = Answer(property, candidate, from, to);
                if (candidateAnswer is { RefusedBy: null, Differs: true })
                {
                    (current, answer) = (candidate, candidateAnswer);
                    shrinks++;
                    progress = true;
                    break;
                }
            }
        }

        return (current, shrinks, answer);
    }

    /// <summary>
    /// The first line only the older release shows and the first only the newer one shows (see
    /// <see cref="DiffText.Edits"/>), with numbers (and a quantity's suffix) and quoted text masked: the same change seen on pods with other names,
    /// counts or indexes counts once, and a pod accepted by one release and rejected by the other is one change however
    /// many defaulted fields go with it. Where that line is an admission view's <c>rejected</c> (its first line, errors
    /// after it), the side's next edited line, the first error, joins it, so a pod one release accepts and the other
    /// rejects for a new rule is a change per first error, not one change for every rule a release adds.
    /// A field set (<c>path = value</c>, the defaults view) on one side only, with no line for the same path on the other,
    /// keeps its path but not its value: what changed is whether the field is set, and the value is the pod's (the AppArmor
    /// annotation DEF-206 writes until 1.33 is <c>runtime/default</c> or <c>localhost/NAME</c> after the pod's profile — one
    /// change, not one per profile); where both sides set the path, the values are the change and stay.
    /// </summary>
    public static string Signature(IReadOnlyList<string> from, IReadOnlyList<string> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var edits = DiffText.Edits(from, to);
        string? removed = null;
        string? added = null;
        bool removedOpen = false;
        bool addedOpen = false;
        foreach (var (op, line) in edits)
        {
            if (op == '-')
            {
                if (removed is null)
                {
                    removed = MaskOneSided(line, '+', edits);
                    removedOpen = IsRejection(from, line);
                }
                else if (removedOpen)
                {
                    removed += " | " + Mask(line);
                    removedOpen = false;
                }
            }
            else if (op == '+')
            {
                if (added is null)
                {
                    added = MaskOneSided(line, '-', edits);
                    addedOpen = IsRejection(to, line);
                }
                else if (addedOpen)
                {
                    added += " | " + Mask(line);
                    addedOpen = false;
                }
            }
        }

        return "-" + (removed ?? "") + "\n+" + (added ?? "");
    }

    /// <summary>
    /// The admission views' refusal (<see cref="Rules.AdmissionErrors.View"/>: <c>rejected</c>, then the errors) whose first
    /// line is <paramref name="line"/>: its first error is part of the change. Other verdicts (<c>created Pending</c> and
    /// what the scheduler then did) stay one change, since what follows them depends on the pod, not on the release.
    /// </summary>
    private static bool IsRejection(IReadOnlyList<string> view, string line) =>
        view.Count > 1 && string.Equals(line, view[0], StringComparison.Ordinal) && string.Equals(line, "rejected", StringComparison.Ordinal);

    /// <summary>
    /// <see cref="Mask"/>, and for a <c>path = value</c> line (no space before the first <c> = </c>) whose path no
    /// <paramref name="otherOp"/> edit sets, the value replaced by <c>*</c>.
    /// </summary>
    private static string MaskOneSided(string line, char otherOp, IReadOnlyList<(char Op, string Line)> edits)
    {
        int eq = line.IndexOf(" = ", StringComparison.Ordinal);
        if (eq <= 0 || line.AsSpan(0, eq).Contains(' '))
        {
            return Mask(line);
        }

        var path = line.AsSpan(0, eq + 3);
        foreach (var (op, other) in edits)
        {
            if (op == otherOp && other.AsSpan().StartsWith(path, StringComparison.Ordinal))
            {
                return Mask(line);
            }
        }

        return Mask(line[..(eq + 3)]) + "*";
    }

    private static string Mask(string line)
    {
        var sb = new StringBuilder(line.Length);
        bool quoted = false;
        bool inNumber = false;
        foreach (char c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inNumber = false;
                sb.Append(c);
                continue;
            }

            if (quoted)
            {
                continue;
            }

            if (c is >= '0' and <= '9' || (inNumber && char.IsAsciiLetter(c)))
            {
                // A number and the letters right after it are one mask: `250m`, `4` and `1595Mi` are the same quantity
                // change, not three (the suffix is the value's, not the change's).
                if (sb.Length == 0 || sb[^1] != '#')
                {
                    sb.Append('#');
                }

                inNumber = true;
                continue;
            }

            inNumber = false;
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
