using PodConformance.Suite.Golden;

namespace PodConformance.Suite.Tests.Golden;

/// <summary>Secret values never reach a golden file (ENV-010): the env case masks them and the writer refuses leaks.</summary>
public class GoldenSecretTests
{
    [Fact]
    public void No_committed_golden_file_contains_the_tutorial_secret_value()
    {
        foreach (string path in Directory.EnumerateFiles(GoldenRepo.GoldenDir, "*.yaml", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(TutorialCases.TutorialSecretValue, File.ReadAllText(path), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_secret_case_shows_the_mask_and_declares_the_value_it_must_not_contain()
    {
        var c = GoldenRepo.Seed("04-env-from-secret");
        Assert.Contains(TutorialCases.TutorialSecretValue, c.SecretValues);
        string text = GoldenCaseWriter.Write(c);
        Assert.Contains("DB_PASSWORD=<secret:db-credentials/password>", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TutorialCases.TutorialSecretValue, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_refuses_a_case_whose_text_contains_a_secret_value()
    {
        var c = GoldenRepo.Seed("04-env-from-secret");
        var leaky = c with { Expected = new GoldenMapBuilder().Add("env", "DB_PASSWORD=" + TutorialCases.TutorialSecretValue).Build() };
        var e = Assert.Throws<InvalidOperationException>(() => GoldenCaseWriter.Write(leaky));
        Assert.Contains("Secret value", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TutorialCases.TutorialSecretValue, e.Message, StringComparison.Ordinal);
    }
}
