using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Admission.Plugins;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Tests.Admission.Plugins;

/// <summary>
/// ADM-017: MergeTolerations and isSuperset, with the vectors of kubernetes <c>pkg/util/tolerations/tolerations_test.go</c>
/// (TestIsSuperset, TestMergeTolerations, and TestFuzzed's MergeTolerations law as an FsCheck property) as stored at
/// kubernetes/kubernetes <c>0d173114bee8802a342f6c8a2d900282f8f50bd7</c>; the code is the v1.27.11–v1.35.0 blob
/// <c>073aa901ab</c> (spec/admission.md RC).
/// </summary>
public class TolerationMergeTests
{
    /// <summary>The test file's named tolerations.</summary>
    private static readonly Dictionary<string, Toleration> Named = new(StringComparer.Ordinal)
    {
        ["all"] = new() { Operator = "Exists" },
        ["all-nosched"] = new() { Operator = "Exists", Effect = "NoSchedule" },
        ["all-noexec"] = new() { Operator = "Exists", Effect = "NoExecute" },
        ["foo"] = new() { Key = "foo", Operator = "Exists" },
        ["foo-bar"] = new() { Key = "foo", Operator = "Equal", Value = "bar" },
        ["foo-nosched"] = new() { Key = "foo", Operator = "Exists", Effect = "NoSchedule" },
        ["foo-bar-nosched"] = new() { Key = "foo", Operator = "Equal", Value = "bar", Effect = "NoSchedule" },
        ["foo-baz-nosched"] = new() { Key = "foo", Operator = "Equal", Value = "baz", Effect = "NoSchedule" },
        ["faz-nosched"] = new() { Key = "faz", Operator = "Exists", Effect = "NoSchedule" },
        ["faz-baz-nosched"] = new() { Key = "faz", Operator = "Equal", Value = "baz", Effect = "NoSchedule" },
        ["foo-prefnosched"] = new() { Key = "foo", Operator = "Exists", Effect = "PreferNoSchedule" },
        ["foo-noexec"] = new() { Key = "foo", Operator = "Exists", Effect = "NoExecute" },
        ["foo-bar-noexec"] = new() { Key = "foo", Operator = "Equal", Value = "bar", Effect = "NoExecute" },
        ["foo-noexec-10"] = new() { Key = "foo", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 10 },
        ["foo-noexec-0"] = new() { Key = "foo", Operator = "Exists", Effect = "NoExecute", TolerationSeconds = 0 },
        ["foo-bar-noexec-10"] = new() { Key = "foo", Operator = "Equal", Value = "bar", Effect = "NoExecute", TolerationSeconds = 10 },
    };

    /// <summary>TestIsSuperset: the toleration, and the others it is a superset of (besides itself).</summary>
    [Theory]
    [InlineData("all", "all-nosched,all-noexec,foo,foo-bar,foo-nosched,foo-bar-nosched,foo-baz-nosched,faz-nosched,faz-baz-nosched,foo-prefnosched,foo-noexec,foo-bar-noexec,foo-noexec-10,foo-noexec-0,foo-bar-noexec-10")]
    [InlineData("all-nosched", "foo-nosched,foo-bar-nosched,foo-baz-nosched,faz-nosched,faz-baz-nosched")]
    [InlineData("all-noexec", "foo-noexec,foo-bar-noexec,foo-noexec-10,foo-noexec-0,foo-bar-noexec-10")]
    [InlineData("foo", "foo-bar,foo-nosched,foo-bar-nosched,foo-baz-nosched,foo-prefnosched,foo-noexec,foo-bar-noexec,foo-noexec-10,foo-noexec-0,foo-bar-noexec-10")]
    [InlineData("foo-bar", "foo-bar-nosched,foo-bar-noexec,foo-bar-noexec-10")]
    [InlineData("foo-nosched", "foo-bar-nosched,foo-baz-nosched")]
    [InlineData("foo-bar-nosched", "")]
    [InlineData("faz-nosched", "faz-baz-nosched")]
    [InlineData("faz-baz-nosched", "")]
    [InlineData("foo-prenosched", "")] // the test file's misspelling: not in its map, so the zero toleration
    [InlineData("foo-noexec", "foo-noexec,foo-bar-noexec,foo-noexec-10,foo-noexec-0,foo-bar-noexec-10")]
    [InlineData("foo-bar-noexec", "foo-bar-noexec-10")]
    [InlineData("foo-noexec-10", "foo-noexec-0,foo-bar-noexec-10")]
    [InlineData("foo-noexec-0", "")]
    [InlineData("foo-bar-noexec-10", "")]
    public void IsSuperset_matches_the_upstream_table(string toleration, string supersetOf)
    {
        var ss = Named.GetValueOrDefault(toleration) ?? new Toleration();
        var expected = new HashSet<string>(supersetOf.Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        foreach (var (name, t) in Named)
        {
            bool want = name == toleration || expected.Contains(name);
            Assert.True(want == TolerationMerge.IsSuperset(ss, t), toleration + (want ? " should be" : " should NOT be") + " a superset of " + name);
        }
    }

    /// <summary>TestMergeTolerations.</summary>
    [Theory]
    [InlineData("foo-bar-nosched,faz-baz-nosched,foo-noexec-10", "foo-prefnosched,foo-baz-nosched", "foo-bar-nosched,faz-baz-nosched,foo-noexec-10,foo-prefnosched,foo-baz-nosched")] // disjoint
    [InlineData("foo-bar-nosched,faz-baz-nosched,foo-noexec-10", "foo-bar-nosched,faz-baz-nosched,foo-noexec-10", "foo-bar-nosched,faz-baz-nosched,foo-noexec-10")] // duplicate
    [InlineData("foo-bar-nosched,foo-baz-nosched", "foo-nosched,faz-baz-nosched", "foo-nosched,faz-baz-nosched")] // merge redundant
    [InlineData("foo-bar-nosched,foo-baz-nosched,foo-noexec-10", "all", "all")] // merge all
    [InlineData("all", "foo-bar-nosched,foo-baz-nosched,foo-noexec-10", "all")] // merge into all
    public void Merge_matches_the_upstream_table(string a, string b, string expected) =>
        Assert.Equal(List(expected), TolerationMerge.Merge(List(a), List(b)));

    private static ValueList<Toleration> List(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => Named[n]).ToValueList();

    /// <summary>TestFuzzed's generator: a small key and value space, so that collisions are common; 1% tolerate-all.</summary>
    internal static Gen<Toleration> Tolerations() =>
        Gen.Frequency(
            (1, Gen.Constant(new Toleration { Operator = "Exists" })),
            (99, from effect in Gen.Elements("", "NoExecute", "NoSchedule", "PreferNoSchedule")
                 from key in Gen.Choose(1, 6)
                 from exists in Gen.Frequency((3, Gen.Constant(true)), (7, Gen.Constant(false)))
                 from value in Gen.Choose(1, 6)
                 from seconds in Gen.Choose(-1, 9)
                 select new Toleration
                 {
                     Key = new string('a', key),
                     Operator = exists ? "Exists" : "Equal",
                     Value = exists ? "" : new string('b', value),
                     Effect = effect,
                     TolerationSeconds = effect == "NoExecute" && seconds >= 0 ? seconds : null,
                 }));

    /// <summary>
    /// TestFuzzed "MergeTolerations": every input toleration is tolerated by one the merge keeps; and two more laws of the
    /// algorithm: what is kept is a subsequence of the input, and no kept toleration is a superset of another kept one.
    /// </summary>
    [Property(Replay = "(1234,4321)", MaxTest = 500)]
    public Property Merge_keeps_a_superset_of_every_input_and_nothing_redundant() =>
        Prop.ForAll(Tolerations().ListOf().Select(l => l.Take(9).ToValueList()).Two().ToArbitrary(), ab =>
        {
            var (a, b) = ab;
            var merged = TolerationMerge.Merge(a, b);
            var all = a.Concat(b).ToList();
            bool covered = all.All(t => merged.Any(m => TolerationMerge.IsSuperset(m, t)));
            bool antichain = true;
            for (int i = 0; i < merged.Count; i++)
            {
                for (int j = 0; j < merged.Count; j++)
                {
                    antichain &= i == j || !TolerationMerge.IsSuperset(merged[i], merged[j]);
                }
            }

            int k = 0;
            foreach (var t in all)
            {
                if (k < merged.Count && ReferenceEquals(t, merged[k]))
                {
                    k++;
                }
            }

            return (covered && antichain && k == merged.Count).Label("covered " + covered + ", antichain " + antichain + ", subsequence " + (k == merged.Count));
        });
}
