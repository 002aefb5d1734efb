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

    /// <summary>What a report shows for a member the adapter did not observe.</summary>
    private const string NotObservedText = "(not observed)";

    private static IEnumerable<ConformanceProperty> Quantity()
    {
        // Each property names the members it is about (its subject) besides acceptance; members an adapter reports
        // as not observed are left out of both views (PROTO-019), and a case whose whole subject was left out is
        // not checked (Verdict.NotObserved).
        yield return QuantityProperty(
            "P-QTY-PARSE", "Quantity texts are accepted or rejected with Kubernetes' error, and get the format of their suffix",
            RuleIds.Explicit("QTY-001", "QTY-002", "QTY-003", "QTY-004", "QTY-005", "QTY-006", "QTY-007", "QTY-010", "QTY-011"),
            QuantityGen.AnyText,
            QuantityMembers.Format | QuantityMembers.Error,
            (q, m, shown) => q.Ok ? Lines("accepted", m, shown, (QuantityMembers.Format, "format: " + q.Format)) : [Rejected(q, m, shown)]);

        yield return QuantityProperty(
            "P-QTY-PRINT", "Accepted quantities print (String and canonical form) exactly as Kubernetes prints them",
            RuleIds.Explicit("QTY-008", "QTY-009", "QTY-010", "QTY-020", "QTY-021", "QTY-022"),
            Gen.Frequency((4, QuantityGen.ValidText), (1, QuantityGen.NearValidText)),
            QuantityMembers.String | QuantityMembers.Canonical,
            (q, m, shown) => q.Ok ? Lines(null, m, shown, (QuantityMembers.String, "string: " + q.String), (QuantityMembers.Canonical, "canonical: " + q.Canonical)) : [Rejected(q, m, shown)]);

        yield return QuantityProperty(
            "P-QTY-VALUE", "Value() and MilliValue() round up and overflow as Kubernetes' do",
            RuleIds.Explicit("QTY-009", "QTY-030", "QTY-031", "QTY-032", "QTY-038"),
            Gen.Frequency((3, QuantityGen.ValidText), (1, QuantityGen.HostileText), (1, QuantityGen.BeyondInt64Text)),
            QuantityMembers.Value | QuantityMembers.MilliValue,
            (q, m, shown) => q.Ok
                ? Lines(null, m, shown, (QuantityMembers.Value, "value: " + q.Value.ToString(CultureInfo.InvariantCulture)), (QuantityMembers.MilliValue, "milliValue: " + q.MilliValue.ToString(CultureInfo.InvariantCulture)))
                : [Rejected(q, m, shown)]);

        yield return QuantityProperty(
            "P-QTY-ROUNDTRIP", "A canonical text re-parses to the same quantity and prints itself",
            RuleIds.Explicit("QTY-021", "QTY-053"),
            QuantityGen.ValidText.Select(CanonicalOf),
            QuantityMembers.String | QuantityMembers.Canonical | QuantityMembers.Format | QuantityMembers.Value,
            (q, m, shown) => q.Ok
                ? Lines(null, m, shown, (QuantityMembers.String, "string: " + q.String), (QuantityMembers.Canonical, "canonical: " + q.Canonical), (QuantityMembers.Format, "format: " + q.Format), (QuantityMembers.Value, "value: " + q.Value.ToString(CultureInfo.InvariantCulture)))
                : [Rejected(q, m, shown)]);
    }

    /// <summary>The model's canonical text of <paramref name="text"/> (the text itself if the model rejects it).</summary>
    private static string CanonicalOf(string text) =>
        Model.Quantities.Quantity.TryParse(text, out var q, out _) ? q.ToCanonicalString() : text;

    private static string Rejected(QuantityObservation q, QuantityMembers notObserved, bool shown) =>
        (notObserved & QuantityMembers.Error) == 0 ? "rejected: " + q.Error : shown ? "rejected: " + NotObservedText : "rejected";

    /// <summary>
    /// The view's lines: an optional first line, then one line per member. For a report (<paramref name="shown"/>)
    /// a member not observed keeps its line with <see cref="NotObservedText"/>, so the two sides line up; for a
    /// comparison it is left out, and an accepted text whose members were left out says so on a first line.
    /// </summary>
    private static List<string> Lines(string? first, QuantityMembers notObserved, bool shown, params (QuantityMembers Member, string Line)[] members)
    {
        var lines = new List<string>(1 + members.Length);
        if (first is not null)
        {
            lines.Add(first);
        }
        else if (!shown && notObserved != QuantityMembers.None)
        {
            lines.Add("accepted");
        }

        foreach (var (member, line) in members)
        {
            if ((notObserved & member) == 0)
            {
                lines.Add(line);
            }
            else if (shown)
            {
                lines.Add(line[..(line.IndexOf(':', StringComparison.Ordinal) + 2)] + NotObservedText);
            }
        }

        return lines;
    }

    private static ConformanceProperty QuantityProperty(string id, string title, Model.Collections.ValueList<string> covers, Gen<string> texts, QuantityMembers subject, Func<QuantityObservation, QuantityMembers, bool, IReadOnlyList<string>> facet)
    {
        IReadOnlyList<string> View(Observation o) => o.Quantity is { } q ? facet(q, q.NotObserved, true) : ["<no quantity observation>"];
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
            Compare = (_, expected, actual) =>
            {
                if (expected.Quantity is not { } e || actual.Quantity is not { } a)
                {
                    return Verdicts.Lines(View(expected), View(actual));
                }

                // The model's view without what the adapter did not observe, so only observed members are compared.
                var verdict = Verdicts.Lines(facet(e, a.NotObserved, false), facet(a, a.NotObserved, false));
                var missing = subject & a.NotObserved;
                return verdict.Pass && missing == subject
                    ? Verdict.NotObserved("the adapter does not observe " + Members(missing))
                    : verdict;
            },
            View = View,
        };
    }

    /// <summary>Member names as on the wire, in declaration order: <c>string, canonical</c>.</summary>
    private static string Members(QuantityMembers members)
    {
        var names = new List<string>(6);
        foreach (var m in Enum.GetValues<QuantityMembers>())
        {
            if (m != QuantityMembers.None && (members & m) == m)
            {
                names.Add(char.ToLowerInvariant(m.ToString()[0]) + m.ToString()[1..]);
            }
        }

        return string.Join(", ", names);
    }
}
