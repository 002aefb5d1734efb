using System.Runtime.CompilerServices;

namespace PodConformance.Model.Coverage;

/// <summary>
/// Which spec rules, and which branch of a rule, a computation of the model exercised. A rule's site says so in one
/// line, <c>RuleCoverage.Hit(QosRules.Containers, "decided by an init container");</c>, and a caller that wants to
/// know (the conformance runner with <c>--coverage</c>) wraps the computation in <see cref="Record"/>.
/// </summary>
/// <remarks>
/// Ambient rather than passed down: threading a recorder through every rule would change every signature on the
/// model's hot paths for a measurement most runs never take. When nothing records, a hit costs one read of a static
/// counter and a predictable branch; recording is per thread, so parallel runs (and an adapter that is itself the
/// model, running outside the scope) never mix their hits.
/// </remarks>
public static class RuleCoverage
{
    private static int s_recording;

    [ThreadStatic]
    private static RuleHits? t_hits;

    /// <summary>True while this thread records: guards a loop that hits rules from a list the site already built.</summary>
    public static bool IsRecording => s_recording != 0 && t_hits is not null;

    /// <summary>The computation at this site applied <paramref name="rule"/> (a spec ID such as <c>QOS-005</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Hit(string rule)
    {
        if (s_recording != 0)
        {
            t_hits?.Add(rule, null);
        }
    }

    /// <summary>
    /// The computation took the named branch of <paramref name="rule"/>: a short phrase a report can print after the
    /// rule ID ("decided by an init container", "at the cap"). Also counts as a hit of the rule itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Hit(string rule, string branch)
    {
        if (s_recording != 0)
        {
            t_hits?.Add(rule, branch);
        }
    }

    /// <summary>Records every hit on this thread into <paramref name="hits"/> until the scope is disposed (scopes nest).</summary>
    public static Scope Record(RuleHits hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var previous = t_hits;
        t_hits = hits;
        Interlocked.Increment(ref s_recording);
        return new Scope(previous);
    }

    /// <summary>Ends a <see cref="Record"/>: the thread's previous recorder (or none) takes over.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly RuleHits? _previous;

        internal Scope(RuleHits? previous) => _previous = previous;

        public void Dispose()
        {
            t_hits = _previous;
            Interlocked.Decrement(ref s_recording);
        }
    }
}

/// <summary>A rule, or one named branch of it.</summary>
public readonly record struct RuleHit(string Rule, string? Branch) : IComparable<RuleHit>
{
    public int CompareTo(RuleHit other)
    {
        int c = string.CompareOrdinal(Rule, other.Rule);
        return c != 0 ? c : string.CompareOrdinal(Branch ?? "", other.Branch ?? "");
    }

    public override string ToString() => Branch is null ? Rule : Rule + " (" + Branch + ")";
}

/// <summary>The distinct rules and branches one computation hit (a set: how often a rule fired does not matter).</summary>
public sealed class RuleHits
{
    private readonly HashSet<RuleHit> _hits = [];

    public int Count => _hits.Count;

    public IEnumerable<RuleHit> All => _hits;

    public bool Contains(string rule, string? branch = null) => _hits.Contains(new RuleHit(rule, branch));

    public void Clear() => _hits.Clear();

    internal void Add(string rule, string? branch)
    {
        _hits.Add(new RuleHit(rule, null));
        if (branch is not null)
        {
            _hits.Add(new RuleHit(rule, branch));
        }
    }
}
