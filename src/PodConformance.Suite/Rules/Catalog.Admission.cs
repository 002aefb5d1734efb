using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    private static IEnumerable<ConformanceProperty> Admission()
    {
        yield return new ConformanceProperty
        {
            Id = "P-ADM-VALIDATION",
            Title = "A created Pod is accepted, or rejected with Kubernetes' field errors in Kubernetes' order where that order is deterministic",
            Covers = RuleIds.Of(typeof(ValidationRules)),
            Spec = "spec/validation.md",
            Source = "pkg/apis/core/validation/validation.go (ValidatePodCreate)",
            Needs = Capability.Admission,
            Cases = profile => Gen.Frequency(
                (1, PodGen.ValidWithSecurity.Select(p => (ConformanceCase)new PodCase(p))),
                (3, PodGen.Invalid(profile).Select(c => (ConformanceCase)new PodCase(c.Pod)))),
            Shrink = ShrinkPod,
            Compare = (_, e, a) => AdmissionErrors.Compare(e.Admission, a.Admission),
            View = o => AdmissionErrors.View(o.Admission),
        };

        yield return new ConformanceProperty
        {
            Id = "P-ADM-DEFAULTS",
            Title = "An accepted Pod is stored with exactly the defaulted fields Kubernetes sets",
            Covers = [.. RuleIds.Of(typeof(DefaultingRules)), "QTY-037"],
            Spec = "spec/defaulting.md",
            Source = "pkg/apis/core/v1/defaults.go",
            Needs = Capability.Admission,
            Cases = _ => PodGen.ValidWithSecurity.SelectMany(PodExtras.Enrich).Select(p => (ConformanceCase)new PodCase(p)),
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(DefaultsView),
            View = DefaultsView,
        };

        yield return new ConformanceProperty
        {
            Id = "P-QOS-CLASS",
            Title = "An accepted Pod gets the status.qosClass Kubernetes computes at create",
            Covers = RuleIds.Of(typeof(QosRules), QosRules.StatusWins),
            Spec = "spec/qos.md",
            Source = "pkg/apis/core/helper/qos/qos.go (ComputePodQOS)",
            Needs = Capability.Qos,
            Cases = _ => PodGen.Valid.SelectMany(PodExtras.Enrich).Select(p => (ConformanceCase)new PodCase(p)),
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(QosView),
            View = QosView,
        };
    }

    private static IEnumerable<ConformanceCase> ShrinkPod(ConformanceCase c) =>
        c is PodCase p ? PodShrinker.ShrinkKeeping(p.Pod, _ => true).Select(pod => (ConformanceCase)new PodCase(pod, p.Scenario)) : [];

    private static IReadOnlyList<string> DefaultsView(Observation o)
    {
        if (o.Admission is not { } a)
        {
            return ["<no admission observation>"];
        }

        if (!a.Accepted)
        {
            return ["rejected"];
        }

        var lines = new List<string> { "accepted" };
        foreach (var (path, value) in a.Defaults)
        {
            lines.Add(path + " = " + value);
        }

        return lines;
    }

    private static IReadOnlyList<string> QosView(Observation o) => o.Admission switch
    {
        null => ["<no admission observation>"],
        { Accepted: false } => ["rejected"],
        { } a => ["qosClass: " + a.QosClass],
    };
}
