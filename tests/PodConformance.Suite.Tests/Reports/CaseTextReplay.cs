using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Admission;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>
/// What every case-object kind's report test checks first: the case text (<see cref="CaseText.Render"/>) reads back as
/// <c>podconf validate -f case.yaml --objects case.yaml</c> reads it, without errors or object diagnostics, and the create of
/// what was read with <c>--objects-complete</c> ends as the case's own (accepted alike, the same refusal text).
/// </summary>
internal static class CaseTextReplay
{
    /// <summary>The rendered text, the objects read back, and the two creates (the case's, the replay's) for kind-specific checks.</summary>
    public static (string Text, AdmissionObjects Objects, PodCreateResult Expected, PodCreateResult Replayed) ReadBack(PodCase c)
    {
        string text = CaseText.Render(c);
        var read = PodManifestReader.ReadText(text, "case.yaml");
        Assert.False(read.HasErrors, text);
        var pod = Assert.Single(read.Pods).Pod;
        var (objects, diagnostics) = AdmissionObjectMapper.Map(read.OtherObjects);
        Assert.Empty(diagnostics);

        var expected = PodCreate.Run(c.Pod, Profile.Default, c.AdmissionObjects());
        var replayed = PodCreate.Run(pod, Profile.Default, objects with { Missing = MissingObjects.NotFound });
        Assert.Equal(expected.Accepted, replayed.Accepted);
        Assert.Equal(expected.Rejection?.Message, replayed.Rejection?.Message);
        return (text, objects, expected, replayed);
    }
}
