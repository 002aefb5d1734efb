using System.Text;
using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>
/// The committed golden files are exactly what the model generates today. A failure prints every drifted
/// file's diff and the command that accepts the new output after review.
/// </summary>
public class GoldenDriftTests
{
    public const string UpdateHint = "dotnet run --project src/PodConformance.Cli -- golden update";

    [Fact]
    public void Committed_golden_files_match_the_model()
    {
        var drift = GoldenRepo.Store.Compare().Where(c => c.Change != GoldenChange.Unchanged).ToArray();
        if (drift.Length == 0)
        {
            return;
        }

        var sb = new StringBuilder();
        sb.Append(drift.Length).Append(" golden file(s) differ from the model's output. Review the diffs; if the change is intended, run:\n  ")
            .Append(UpdateHint).Append("\n\n");
        foreach (var (path, change, diff) in drift.Take(10))
        {
            sb.Append("== ").Append(path).Append(" (").Append(change).Append(")\n").Append(diff.Text).Append('\n');
        }

        Assert.Fail(sb.ToString());
    }

    [Fact]
    public void Generation_is_deterministic_and_culture_independent()
    {
        var first = GoldenRepo.Store.GenerateFiles();
        var old = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo("tr-TR");
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
            var second = GoldenRepo.Store.GenerateFiles();
            Assert.Equal(first, second);
        }
        finally
        {
            (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture) = old;
        }
    }

    [Fact]
    public void Every_area_and_profile_has_a_small_set_of_cases()
    {
        var files = GoldenRepo.Store.Enumerate();
        foreach (string area in GoldenAreas.Generated)
        {
            foreach (var profile in GoldenGenerator.Profiles)
            {
                int n = files.Count(f => f.StartsWith(area + "/" + profile.Version + "/", StringComparison.Ordinal));

                // Admission holds its valid pods plus one invalid pod per validation rule a mutation targets (issue 9 item 7
                // adds a variant per rule), so its bound grows with the rules; every other area stays small.
                int max = area == GoldenAreas.Admission ? 40 + PodConformance.Generators.PodMutations.Rules.Count : 40;
                Assert.InRange(n, 4, max);
            }
        }

        Assert.Equal(GoldenRepo.Tutorial.Count, files.Count(f => f.StartsWith("seed/", StringComparison.Ordinal)));
        Assert.DoesNotContain(files, f => f.StartsWith("seed/manifests/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_committed_file_reads_back_to_the_case_it_was_written_from()
    {
        foreach (string path in GoldenRepo.Store.Enumerate())
        {
            string text = GoldenRepo.Store.Read(path);
            var c = GoldenCaseReader.Read(text, path);
            Assert.Equal(path, c.RelativePath);
            Assert.Equal(text, GoldenCaseWriter.Write(c));
        }
    }

    [Fact]
    public void Files_use_lf_and_end_with_a_newline()
    {
        foreach (string path in GoldenRepo.Store.Enumerate())
        {
            string text = GoldenRepo.Store.Read(path);
            Assert.DoesNotContain('\r', text);
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
        }
    }
}
