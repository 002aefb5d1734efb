using PodConformance.Model.Coverage;

namespace PodConformance.Suite.Running;

/// <summary>
/// How many cases of a property's run exercised each spec rule, and each named branch of a rule (a case counts
/// once however often the rule fired in it). Filled by the runner from the oracle's <see cref="RuleCoverage"/>
/// hits when a run asks for coverage; shrink attempts are not counted.
/// </summary>
public sealed class RuleTally
{
    private readonly SortedDictionary<RuleHit, int> _cases = [];

    /// <summary>Cases counted (the property's cases run).</summary>
    public int Cases { get; private set; }

    /// <summary>Every rule and branch hit at least once, in ID then branch order, with its case count.</summary>
    public IReadOnlyDictionary<RuleHit, int> Hits => _cases;

    /// <summary>Cases that exercised <paramref name="rule"/> (or, with <paramref name="branch"/>, that branch of it).</summary>
    public int For(string rule, string? branch = null) => _cases.TryGetValue(new RuleHit(rule, branch), out int n) ? n : 0;

    /// <summary>The named branches of <paramref name="rule"/> that some case took, with their counts.</summary>
    public IEnumerable<KeyValuePair<string, int>> BranchesOf(string rule)
    {
        foreach (var (hit, n) in _cases)
        {
            if (hit.Branch is { } branch && string.Equals(hit.Rule, rule, StringComparison.Ordinal))
            {
                yield return KeyValuePair.Create(branch, n);
            }
        }
    }

    /// <summary>Adds one case's hits.</summary>
    public void AddCase(RuleHits hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        Cases++;
        foreach (var hit in hits.All)
        {
            _cases[hit] = _cases.TryGetValue(hit, out int n) ? n + 1 : 1;
        }
    }
}
