using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Adapters.KubernetesClient;

/// <summary>
/// The quantity properties a library adapter can be held to, defined here because the suite's catalogue is
/// not on this branch. Each compares only facets the library can answer: error texts and members the
/// observation marks not observed (<see cref="QuantityObservation.NotObserved"/>, PROTO-019) are skipped, never counted as equal.
/// </summary>
public static class LibraryQuantityProperties
{
    private const string Spec = "spec/quantity.md";
    private const string Source = "staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go";

    /// <summary>Accepted exactly when Go accepts (QTY-001..007).</summary>
    public static ConformanceProperty Acceptance { get; } = Make(
        "kc-quantity-acceptance",
        "Parses exactly the texts Go parses",
        ["QTY-001", "QTY-002", "QTY-003", "QTY-004", "QTY-005", "QTY-006", "QTY-007"],
        (e, a) => e.Ok == a.Ok ? null : e.Ok ? "Go accepts, the library rejects (" + a.Error + ")" : "Go rejects (" + e.Error + "), the library accepts as " + a.Canonical);

    /// <summary>The printed string, including Go's echo of a cached canonical input (QTY-020).</summary>
    public static ConformanceProperty PrintedString { get; } = Make(
        "kc-quantity-string",
        "Prints what Go's String() prints",
        ["QTY-020", "QTY-021", "QTY-022"],
        (e, a) => !e.Ok || !a.Ok || e.String == a.String ? null : $"String(): Go \"{e.String}\", library \"{a.String}\"");

    /// <summary>The canonical form and the format it keeps (QTY-010, QTY-011, QTY-021, QTY-022).</summary>
    public static ConformanceProperty Canonical { get; } = Make(
        "kc-quantity-canonical",
        "Canonicalizes and keeps the format as Go does",
        ["QTY-009", "QTY-010", "QTY-011", "QTY-021", "QTY-022"],
        (e, a) => !e.Ok || !a.Ok ? null
            : e.Canonical != a.Canonical ? $"canonical: Go \"{e.Canonical}\", library \"{a.Canonical}\""
            : e.Format != a.Format ? $"format: Go {e.Format}, library {a.Format}"
            : null);

    /// <summary>The integer values, where the library has an accessor (QTY-030, QTY-031).</summary>
    public static ConformanceProperty Values { get; } = Make(
        "kc-quantity-values",
        "Reports the integer values Go reports",
        ["QTY-030", "QTY-031", "QTY-032"],
        (e, a) =>
        {
            if (!e.Ok || !a.Ok)
            {
                return null;
            }

            if (a.Error.Length > 0)
            {
                return $"Value(): Go {e.Value}, library {a.Error}";
            }

            if ((a.NotObserved & QuantityMembers.Value) == 0 && a.Value != e.Value)
            {
                return $"Value(): Go {e.Value}, library ToInt64() {a.Value}";
            }

            return (a.NotObserved & QuantityMembers.MilliValue) == 0 && a.MilliValue != e.MilliValue
                ? $"MilliValue(): Go {e.MilliValue}, library {a.MilliValue}"
                : null;
        });

    public static IReadOnlyList<ConformanceProperty> All { get; } = [Acceptance, PrintedString, Canonical, Values];

    private static ConformanceProperty Make(string id, string title, string[] covers, Func<QuantityObservation, QuantityObservation, string?> differ) => new()
    {
        Id = id,
        Title = title,
        Covers = covers,
        Spec = Spec,
        Source = Source,
        Needs = Capability.Quantity,
        Cases = _ => QuantityGen.AnyText.Select(t => (ConformanceCase)new QuantityCase(t)),
        Shrink = c => c is QuantityCase q ? QuantityShrinker.Shrink(q.Input).Select(t => (ConformanceCase)new QuantityCase(t)) : [],
        Compare = (_, expected, actual) =>
        {
            if (expected.Quantity is not { } e || actual.Quantity is not { } a)
            {
                return Verdict.Fail("no quantity observed");
            }

            return differ(e, a) is { } detail ? Verdict.Fail(detail) : Verdict.Ok;
        },
    };
}
