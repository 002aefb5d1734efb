using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Quantities;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    private const string QuantitySource = "staging/src/k8s.io/apimachinery/pkg/api/resource/{quantity,suffix,amount}.go";

    private static IEnumerable<ConformanceProperty> Quantity()
    {
        yield return QuantityProperty(
            "P-QTY-PARSE", "Quantity texts are accepted or rejected with Kubernetes' error, and get the format of their suffix",
            RuleIds.Explicit("QTY-001", "QTY-002", "QTY-003", "QTY-004", "QTY-005", "QTY-006", "QTY-007", "QTY-010", "QTY-011"),
            QuantityGen.AnyText,
            q => q.Ok ? ["accepted", "format: " + q.Format] : ["rejected: " + q.Error]);

        yield return QuantityProperty(
            "P-QTY-PRINT", "Accepted quantities print (String and canonical form) exactly as Kubernetes prints them",
            RuleIds.Explicit("QTY-008", "QTY-009", "QTY-010", "QTY-020", "QTY-021", "QTY-022"),
            Gen.Frequency((4, QuantityGen.ValidText), (1, QuantityGen.NearValidText)),
            q => q.Ok ? ["string: " + q.String, "canonical: " + q.Canonical] : ["rejected: " + q.Error]);

        yield return QuantityProperty(
            "P-QTY-VALUE", "Value() and MilliValue() round up and overflow as Kubernetes' do",
            RuleIds.Explicit("QTY-009", "QTY-030", "QTY-031", "QTY-032", "QTY-038"),
            Gen.Frequency((3, QuantityGen.ValidText), (1, QuantityGen.HostileText), (1, QuantityGen.BeyondInt64Text)),
            q => q.Ok
                ? ["value: " + q.Value.ToString(CultureInfo.InvariantCulture), "milliValue: " + q.MilliValue.ToString(CultureInfo.InvariantCulture)]
                : ["rejected: " + q.Error]);

        yield return QuantityProperty(
            "P-QTY-ROUNDTRIP", "A canonical text re-parses to the same quantity and prints itself",
            RuleIds.Explicit("QTY-021", "QTY-053"),
            QuantityGen.ValidText.Select(CanonicalOf),
            q => q.Ok
                ? ["string: " + q.String, "canonical: " + q.Canonical, "format: " + q.Format, "value: " + q.Value.ToString(CultureInfo.InvariantCulture)]
                : ["rejected: " + q.Error]);
    }

    /// <summary>The model's canonical text of <paramref name="text"/> (the text itself if the model rejects it).</summary>
    private static string CanonicalOf(string text) =>
        Model.Quantities.Quantity.TryParse(text, out var q, out _) ? q.ToCanonicalString() : text;

    private static ConformanceProperty QuantityProperty(string id, string title, Model.Collections.ValueList<string> covers, Gen<string> texts, Func<QuantityObservation, IReadOnlyList<string>> facet)
    {
        IReadOnlyList<string> View(Observation o) => o.Quantity is { } q ? facet(q) : ["<no quantity observation>"];
        return new ConformanceProperty
        {
            Id = id,
            Title = title,
            Covers = covers,
            Spec = "spec/quantity.md",
            Source = QuantitySource,
            Needs = Capability.Quantity,
            Cases = _ => texts.Select(t => (ConformanceCase)new QuantityCase(t)),
            Shrink = c => c is QuantityCase q ? QuantityShrinker.Shrink(q.Input).Select(t => (ConformanceCase)new QuantityCase(t)) : [],
            Compare = Verdicts.ByView(View),
            View = View,
        };
    }
}
