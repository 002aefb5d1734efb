using System.Text.RegularExpressions;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Rules;

/// <summary>Every spec rule is checked by a property or is explicitly not observable, and every citation is a real rule.</summary>
public class CoverageTests
{
    private static readonly Regex Row = new(@"^\|\s*([A-Z]+-[0-9]+)\s*\|", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static SortedSet<string> SpecIds()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "spec"), "*.md"))
        {
            foreach (Match m in Row.Matches(File.ReadAllText(file)))
            {
                ids.Add(m.Groups[1].Value);
            }
        }

        return ids;
    }

    [Fact]
    public void The_spec_has_rules_to_cover() => Assert.True(SpecIds().Count > 200);

    [Fact]
    public void Every_spec_rule_is_covered_by_a_property_or_not_observable_with_a_reason()
    {
        var covered = Catalog.All.SelectMany(p => p.Covers).ToHashSet(StringComparer.Ordinal);
        var missing = SpecIds().Where(id => !covered.Contains(id) && !(Catalog.ExemptionFor(id) is { Length: > 20 })).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_cited_rule_exists_in_the_spec()
    {
        var spec = SpecIds();
        var unknown = Catalog.All.SelectMany(p => p.Covers.Where(id => !spec.Contains(id)).Select(id => p.Id + " cites " + id))
            .Concat(Catalog.NotObservable.Keys.Where(id => !spec.Contains(id)).Select(id => "NotObservable lists " + id))
            .ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Not_observable_rules_are_not_also_claimed_by_a_property()
    {
        var both = Catalog.All.SelectMany(p => p.Covers.Where(Catalog.NotObservable.ContainsKey).Select(id => p.Id + ": " + id)).ToList();
        Assert.Empty(both);
    }

    [Fact]
    public void Properties_have_unique_ids_and_complete_metadata()
    {
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Catalog.All, p =>
        {
            Assert.StartsWith("P-", p.Id, StringComparison.Ordinal);
            Assert.False(p.Covers.IsEmpty, p.Id + " cites no rule");
            Assert.True(File.Exists(Path.Combine(RepoRoot.Path, p.Spec)), p.Id + ": " + p.Spec);
            Assert.NotEmpty(p.Title);
            Assert.NotEmpty(p.Source);
            Assert.NotEqual(PodConformance.Suite.Adapters.Capability.None, p.Needs);
        });
    }

    [Fact]
    public void Embedded_spec_text_matches_the_spec_files()
    {
        Assert.Equal(SpecIds(), new SortedSet<string>(SpecText.Ids, StringComparer.Ordinal));
        Assert.Contains("Guaranteed", SpecText.Rule("OOM-002")!.Value.Text, StringComparison.Ordinal);
    }
}
