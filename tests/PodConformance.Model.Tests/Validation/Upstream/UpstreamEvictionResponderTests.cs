using PodConformance.Manifests.Reading;
using PodConformance.Tests.Shared;

namespace PodConformance.Model.Tests.Validation.Upstream;

/// <summary>
/// Kubernetes' RunDeclarativeValidateEvictionRespondersTestCases (1.37 line; evictionresponders/README.md), each case a
/// Pod manifest read and created as the API server creates it (CreateAnswer: defaulting, admission plugins, dropped
/// gated fields, validation); the whole error list is compared in order (type, field, and the
/// detail where the case pins one).
/// </summary>
public class UpstreamEvictionResponderTests
{
    private static readonly Lazy<List<UpstreamCase>> Cases = new(() => UpstreamCase.ReadAll(Path.Combine(RepoRoot(), "tests", "PodConformance.Model.Tests", "Validation", "Upstream", "evictionresponders")));

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value)
        {
            data.Add(c.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_agrees_with_upstream(string id)
    {
        var c = Cases.Value.Single(x => x.ToString() == id);
        var read = PodManifestReader.ReadText(c.Manifest(), c.Name, c.Profile.Version);
        Assert.False(read.HasErrors, id + ": the manifest does not read: " + string.Join("; ", read.Errors));
        Assert.Empty(read.Warnings);
        var pod = Assert.Single(read.Pods).Pod;
        var answer = CreateAnswer.Of(pod, c.Profile);
        Assert.True(answer.Forbidden is null, id + ": an admission plugin refuses the pod before validation: " + answer.Forbidden);
        var result = answer.Validation;
        string got = string.Join("\n", result.Errors);
        Assert.True(result.Errors.Count == c.Expected.Count, id + ": expected\n" + string.Join("\n", c.Expected) + "\ngot:\n" + got);
        for (int i = 0; i < c.Expected.Count; i++)
        {
            Assert.True(c.Expected[i].Matches(result.Errors[i]), id + ": error " + i + " expected " + c.Expected[i] + "\ngot:\n" + got);
        }
    }

    [Fact]
    public void All_twenty_upstream_cases_are_read()
    {
        Assert.Equal(20, Cases.Value.Count);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PodConformance.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return dir.FullName;
    }
}
