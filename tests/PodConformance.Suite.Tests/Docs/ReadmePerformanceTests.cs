using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Docs;

/// <summary>
/// The README's benchmark tables are the committed BenchmarkDotNet run's, line for line: each block
/// <c>&lt;!-- perf: FILE --&gt; … &lt;!-- /perf --&gt;</c> holds exactly the table rows of FILE
/// (regenerate with <c>bash .ci/perf-readme.sh [ARTIFACTS_DIR]</c>).
/// </summary>
public sealed class ReadmePerformanceTests
{
    private const string Open = "<!-- perf: ";
    private const string Close = "<!-- /perf -->";

    [Fact]
    public void EveryPerfBlockMatchesItsCommittedResultsFile()
    {
        string[] readme = File.ReadAllLines(Path.Combine(RepoRoot.Path, "README.md"));
        int blocks = 0;
        for (int i = 0; i < readme.Length; i++)
        {
            if (!readme[i].StartsWith(Open, StringComparison.Ordinal))
            {
                continue;
            }

            blocks++;
            string file = readme[i][Open.Length..^" -->".Length];
            string path = Path.Combine(RepoRoot.Path, file);
            Assert.True(File.Exists(path), "README.md line " + (i + 1) + ": no results file " + file);
            var expected = File.ReadAllLines(path).Where(l => l.StartsWith('|')).ToList();
            Assert.NotEmpty(expected);

            var actual = new List<string>();
            int j = i + 1;
            for (; j < readme.Length && readme[j] != Close; j++)
            {
                actual.Add(readme[j]);
            }

            Assert.True(j < readme.Length, "README.md line " + (i + 1) + ": perf block without " + Close);
            Assert.Equal(expected, actual);
        }

        Assert.True(blocks > 0, "README.md has no perf block: its Performance section must quote a committed run");
    }
}
