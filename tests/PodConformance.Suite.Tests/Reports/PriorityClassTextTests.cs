using PodConformance.Generators;
using PodConformance.Model.Admission;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>
/// A reported PriorityClass case (ADM-040…044) replays with <c>podconf validate -f case.yaml --objects case.yaml</c>: the case
/// text read back as <c>--objects</c> reads it gives the case's pod and classes, and with <c>--objects-complete</c> (which
/// the comment asks for where the pod names a missing class) the create ends as the case's own.
/// </summary>
public sealed class PriorityClassTextTests
{
    [Fact]
    public void The_case_text_reads_back_as_the_case_and_creates_alike()
    {
        var cases = Seeds.Sample(PriorityClassCases.Any, ReplaySeed.Of(4161), 60);
        Assert.Contains(cases, c => c.Rule == AdmissionRules.PriorityClassNotFound);
        Assert.Contains(cases, c => c.Classes.Any(pc => pc.GlobalDefault));
        foreach (var generated in cases)
        {
            var c = new PodCase(generated.Pod) { PriorityClasses = generated.Classes };
            var (text, objects, expected, replayed) = CaseTextReplay.ReadBack(c);
            Assert.Equal(generated.Classes, objects.PriorityClasses);
            Assert.Equal(expected.Stored.Spec.Priority, replayed.Stored.Spec.Priority);
            Assert.Equal(expected.Stored.Spec.PreemptionPolicy, replayed.Stored.Spec.PreemptionPolicy);
            Assert.Equal(expected.Stored.Spec.PriorityClassName, replayed.Stored.Spec.PriorityClassName);

            bool missing = generated.Rule == AdmissionRules.PriorityClassNotFound;
            Assert.Equal(missing && !generated.Classes.IsEmpty, text.Contains("# these are all of the cluster's PriorityClasses besides the system ones: PriorityClass "
                + generated.Pod.Spec.PriorityClassName + " is missing (replay with --objects-complete)\n", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_class_is_a_scheduling_k8s_io_v1_document()
    {
        var c = new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "p" } })
        {
            PriorityClasses = [new Model.Admission.Objects.PriorityClass { Name = "low", Value = -3, GlobalDefault = true, PreemptionPolicy = "Never" }],
        };
        Assert.EndsWith("---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  name: low\nvalue: -3\nglobalDefault: true\npreemptionPolicy: Never\n", CaseText.Render(c), StringComparison.Ordinal);
    }
}
