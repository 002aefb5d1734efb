using System.Globalization;
using System.Text;
using PodConformance.Model.Printing;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;

namespace PodConformance.Suite.Reports;

/// <summary>
/// <c>podconf run --coverage</c>: per property, how many of its cases exercised each spec rule it claims to check,
/// and each named branch of the rule, so a reader sees which rules the run tested and which it only cites.
/// </summary>
public static class CoverageText
{
    /// <summary>
    /// A claimed rule (or branch) exercised by fewer cases than this in a default run is reported, and fails the
    /// coverage test: at 5 of 100 cases the rule's share is ≥ 5%, so another seed misses it entirely with probability
    /// below 0.95^100 ≈ 0.6%, while a rule hit once or twice may be an accident of the seed.
    /// </summary>
    public const int Floor = 5;

    /// <summary>The spec rules a property's coverage is judged on: what it covers, less rules no adapter can observe.</summary>
    public static IEnumerable<string> ClaimedRules(ConformanceProperty property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.Covers.Where(id => Catalog.ExemptionFor(id) is null);
    }

    public static string Render(RunReport run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = new List<string[]> { new[] { "PROPERTY", "RULE", "CASES", "BRANCHES (cases)" } };
        int claimed = 0;
        int below = 0;
        foreach (var r in run.Results)
        {
            if (r.Coverage is not { } tally)
            {
                continue;
            }

            foreach (string rule in ClaimedRules(r.Property))
            {
                int n = tally.For(rule);
                claimed++;
                if (n < Floor)
                {
                    below++;
                }

                string branches = string.Join(", ", tally.BranchesOf(rule).Select(b => b.Key + " " + b.Value.ToString(CultureInfo.InvariantCulture)));
                rows.Add([r.Property.Id, rule, n.ToString(CultureInfo.InvariantCulture) + (n < Floor ? " !" : ""), branches]);
            }
        }

        var w = new StringBuilder();
        w.Append("coverage: cases of each property that exercised each spec rule it checks (! = fewer than ")
            .Append(Floor.ToString(CultureInfo.InvariantCulture)).Append(")\n");
        w.Append(new KubectlTabWriter().Flush(rows));
        w.Append(CultureInfo.InvariantCulture, $"{claimed - below} of {claimed} claimed rules exercised by at least {Floor} cases\n");
        return w.ToString();
    }
}
