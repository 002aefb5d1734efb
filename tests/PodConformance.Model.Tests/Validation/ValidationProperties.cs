using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Properties of PodValidator over generated container resources. Seeds are fixed (Replay) so runs are
/// reproducible; drop Replay locally to explore new seeds.
/// </summary>
public class ValidationProperties
{
    /// <summary>One container's cpu/memory as milli-cores and MiB, with each request at most its limit.</summary>
    private sealed record Sizes(int CpuReq, int CpuLim, int MemReq, int MemLim);

    private static readonly Gen<Sizes> WithinLimits =
        from cpuLim in Gen.Choose(1, 8000)
        from cpuReq in Gen.Choose(0, cpuLim)
        from memLim in Gen.Choose(1, 65536)
        from memReq in Gen.Choose(0, memLim)
        select new Sizes(cpuReq, cpuLim, memReq, memLim);

    private static readonly Gen<Sizes[]> Containers = Gen.ArrayOf(WithinLimits).Where(a => a.Length is > 0 and <= 6);

    private static string Milli(int m) => m.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>How the error prints the parsed quantity: Quantity.String(), so "5000m" reads "5" (VAL-031).</summary>
    private static string Printed(string quantity) => Q(quantity).ToString();

    private static string Mi(int m) => m.ToString(CultureInfo.InvariantCulture) + "Mi";

    private static Container ContainerFor(int i, Sizes s) =>
        TestPods.Container("c" + i.ToString(CultureInfo.InvariantCulture)).WithResources(
            Res(("cpu", Milli(s.CpuReq)), ("memory", Mi(s.MemReq))),
            Res(("cpu", Milli(s.CpuLim)), ("memory", Mi(s.MemLim))));

    private static Pod PodFor(Sizes[] sizes)
    {
        var cs = new Container[sizes.Length];
        for (int i = 0; i < sizes.Length; i++)
        {
            cs[i] = ContainerFor(i, sizes[i]);
        }

        return Pod(cs);
    }

    [Property(Replay = "(1145141919,810893)", MaxTest = 200)]
    public Property Requests_within_limits_give_no_resource_error() =>
        Prop.ForAll(Arb.From(Containers), sizes =>
        {
            var result = PodValidator.Validate(PodFor(sizes), Profile.Default);
            return result.IsValid.Label(result.ToAggregateString());
        });

    [Property(Replay = "(271828182,314159265)", MaxTest = 200)]
    public Property Raising_one_request_above_its_limit_gives_exactly_that_error() =>
        Prop.ForAll(Arb.From(from sizes in Containers
                             from pick in Gen.Choose(0, 1000)
                             from extra in Gen.Choose(1, 4000)
                             select (sizes, pick, extra)), t =>
        {
            var (sizes, pick, extra) = t;
            int victim = pick % sizes.Length;
            var swapped = (Sizes[])sizes.Clone();
            swapped[victim] = sizes[victim] with { CpuReq = sizes[victim].CpuLim + extra };
            var result = PodValidator.Validate(PodFor(swapped), Profile.Default);
            string expected = "spec.containers[" + victim.ToString(CultureInfo.InvariantCulture) + "].resources.requests: Invalid value: \""
                + Printed(Milli(swapped[victim].CpuReq)) + "\": must be less than or equal to cpu limit of " + Printed(Milli(sizes[victim].CpuLim));
            return (result.Errors.Count == 1 && result.Errors[0].ToString() == expected).Label(result.ToAggregateString());
        });

    [Property(Replay = "(161803398,141421357)", MaxTest = 100)]
    public Property Validation_is_deterministic_and_order_stable() =>
        Prop.ForAll(Arb.From(from sizes in Containers
                             from broken in Gen.Choose(0, 1)
                             from minor in Gen.Choose(KubernetesVersion.Oldest.Minor, KubernetesVersion.Newest.Minor)
                             select (sizes, broken, minor)), t =>
        {
            var (sizes, broken, minor) = t;
            var pod = PodFor(sizes);
            if (broken == 1)
            {
                pod = pod.WithInit(TestPods.Container("c0") with { RestartPolicy = "Sometimes", Image = "" });
            }

            var profile = V(minor);
            var first = PodValidator.Validate(pod, profile);
            var second = PodValidator.Validate(pod with { }, profile);
            return (first == second && first.ToAggregateString() == second.ToAggregateString()).ToProperty();
        });

    [Property(Replay = "(57721566,69314719)", MaxTest = 200)]
    public Property Every_error_names_a_path_and_prints_stably() =>
        Prop.ForAll(Arb.From(Gen.Elements("a", "A", "a.b", "-a", "a-", "", "ab-cd", "x_y", "9")), name =>
        {
            var result = PodValidator.Validate(Pod(TestPods.Container(name)), Profile.Default);
            bool ok = true;
            foreach (var e in result.Errors)
            {
                ok &= e.ToString().StartsWith("spec.containers[0].name: ", StringComparison.Ordinal);
            }

            return ok.ToProperty();
        });
}
