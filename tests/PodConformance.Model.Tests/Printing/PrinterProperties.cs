using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Api;
using PodConformance.Model.Printing;
using static PodConformance.Model.Tests.Printing.PrintPodFixtures;

namespace PodConformance.Model.Tests.Printing;

/// <summary>Printer invariants (spec/printer.md) over generated pods and statuses, with fixed seeds.</summary>
public class PrinterProperties
{
    private static readonly string[] Phases = ["Pending", "Running", "Succeeded", "Failed", "Unknown", ""];

    private static Gen<ContainerState> StateGen { get; } = Gen.Elements(
        new ContainerState(), Running, Waiting(), Waiting("CrashLoopBackOff"), Waiting("PodInitializing"), Waiting("ContainerCreating"),
        Terminated("Completed"), Terminated("Error", 1), Terminated("", 2), Terminated("", 137, 9), Terminated("OOMKilled", 137), Terminated());

    private static Gen<ContainerStatus> StatusGen(string name) =>
        from state in StateGen
        from ready in Gen.Elements(true, false)
        from started in Gen.Elements<bool?>(null, true, false)
        from restarts in Gen.Choose(0, 5)
        from last in Gen.Elements<TimeSpan?>(null, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(3), TimeSpan.FromDays(2))
        select new ContainerStatus
        {
            Name = name, State = state, Ready = ready, Started = started, RestartCount = restarts,
            LastState = last is { } ago ? FinishedAgo(ago) : new ContainerState(),
        };

    private static Gen<Pod> PodGen { get; } =
        from inits in Gen.Choose(0, 3)
        from sidecarMask in Gen.Choose(0, 7)
        from containers in Gen.Choose(1, 3)
        from initStatusCount in Gen.Choose(0, inits)
        from statusCount in Gen.Choose(0, containers)
        from i0 in StatusGen("i0")
        from i1 in StatusGen("i1")
        from i2 in StatusGen("i2")
        from c0 in StatusGen("c0")
        from c1 in StatusGen("c1")
        from c2 in StatusGen("c2")
        from phase in Gen.Elements(Phases)
        from reason in Gen.Elements("", "", "Evicted", "NodeLost")
        from initialized in Gen.Elements("", "True", "False")
        from readyCond in Gen.Elements(true, false)
        from deleting in Gen.Elements(false, true)
        from ageSeconds in Gen.Choose(0, 400_000)
        select new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = "p",
                CreationTimestamp = Now - TimeSpan.FromSeconds(ageSeconds),
                DeletionTimestamp = deleting ? Now : null,
            },
            Spec = new PodSpec
            {
                InitContainers = Enumerable.Range(0, inits).Select(i => new Container { Name = "i" + i, RestartPolicy = (sidecarMask >> i & 1) == 1 ? "Always" : null }).ToArray(),
                Containers = Enumerable.Range(0, containers).Select(i => new Container { Name = "c" + i }).ToArray(),
            },
            Status = new PodStatus
            {
                Phase = phase,
                Reason = reason,
                InitContainerStatuses = new[] { i0, i1, i2 }.Take(initStatusCount).ToArray(),
                ContainerStatuses = new[] { c0, c1, c2 }.Take(statusCount).ToArray(),
                Conditions = Conditions(initialized, readyCond),
            },
        };

    private static PodCondition[] Conditions(string initialized, bool ready)
    {
        var list = new List<PodCondition>();
        if (initialized.Length > 0)
        {
            list.Add(Condition("Initialized", initialized));
        }

        if (ready)
        {
            list.Add(Condition("Ready", "True"));
        }

        return [.. list];
    }

    private static Arbitrary<Pod> PodArb { get; } = Arb.From(PodGen);

    [Property(Replay = "(20260301,1)", MaxTest = 300)]
    public Property Ready_numerator_never_exceeds_denominator() =>
        Prop.ForAll(PodArb, pod =>
        {
            var row = PodPrinter.Row(pod, Now);
            string expected = row.ReadyContainers.ToString(CultureInfo.InvariantCulture) + "/" + row.TotalContainers.ToString(CultureInfo.InvariantCulture);
            return (row.ReadyContainers >= 0 && row.ReadyContainers <= row.TotalContainers && row.Ready == expected).Label($"PRINT-013: {row.Ready}");
        });

    /// <summary>PRINT-008/014: all init restarts while initializing (and not Initialized=True), else sidecars plus containers.</summary>
    [Property(Replay = "(20260301,3)", MaxTest = 300)]
    public Property Restarts_is_the_sum_the_rules_say() =>
        Prop.ForAll(PodArb, pod =>
        {
            var row = PodPrinter.Row(pod, Now);
            var s = pod.Status!;
            bool initializing = row.StatusRules.Contains(PrintRules.InitProgress) || row.StatusRules.Contains(PrintRules.InitTerminated) || row.StatusRules.Contains(PrintRules.InitWaiting);
            bool initializedTrue = s.Conditions.Any(c => c.Type == "Initialized" && c.Status == "True");
            // Only init statuses the walk visited count: up to and including the one that stopped it.
            var visited = s.InitContainerStatuses.Take(StopIndex(pod) + 1).ToArray();
            long expected;
            if (initializing && !initializedTrue)
            {
                expected = visited.Sum(c => (long)c.RestartCount);
            }
            else
            {
                var sidecars = pod.Spec.InitContainers.Where(c => c.IsSidecarPolicy).Select(c => c.Name).ToHashSet();
                expected = visited.Where(c => sidecars.Contains(c.Name)).Sum(c => (long)c.RestartCount)
                    + s.ContainerStatuses.Sum(c => (long)c.RestartCount);
            }

            string bare = row.Restarts.Split(' ')[0];
            return (row.RestartCount == expected && row.RestartCount >= 0 && bare == expected.ToString(CultureInfo.InvariantCulture))
                .Label($"PRINT-014: {row.Restarts} vs {expected}");
        });

    [Property(Replay = "(20260301,5)", MaxTest = 300)]
    public Property A_deleted_Succeeded_pod_shows_Completed_never_Terminating() =>
        Prop.ForAll(PodArb, pod =>
        {
            var succeeded = pod with
            {
                Metadata = pod.Metadata with { DeletionTimestamp = Now },
                Status = pod.Status! with
                {
                    Phase = "Succeeded",
                    Reason = "",
                    InitContainerStatuses = [],
                    ContainerStatuses = pod.Spec.Containers.Select(c => new ContainerStatus { Name = c.Name, State = Terminated("Completed") }).ToArray(),
                },
            };
            var row = PodPrinter.Row(succeeded, Now);
            return (row.Status == "Completed" && row.Conditions.Count == 1 && row.Conditions[0] == TableRowCondition.PodSucceeded).Label($"PRINT-012: {row.Status}");
        });

    [Property(Replay = "(20260301,7)", MaxTest = 300)]
    public Property Output_is_identical_under_de_DE_and_tr_TR() =>
        Prop.ForAll(PodArb, pod =>
        {
            string Render()
            {
                var rows = PodPrinter.Rows([pod, pod with { Metadata = pod.Metadata with { Name = "İstanbul-ı" } }], Now);
                return PodTable.Format(rows, wide: true) + string.Join("|", rows[0].StatusRules) + rows[0].StatusExplanation;
            }

            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                string invariant = Render();
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                string german = Render();
                CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
                string turkish = Render();
                return (invariant == german && invariant == turkish).Label("culture leaked into output");
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        });

    /// <summary>Where the init walk stops: the first status that is neither exit 0 nor a started sidecar.</summary>
    private static int StopIndex(Pod pod)
    {
        var statuses = pod.Status!.InitContainerStatuses;
        for (int i = 0; i < statuses.Count; i++)
        {
            var c = statuses[i];
            bool sidecar = pod.Spec.InitContainers.LastOrDefault(x => x.Name == c.Name)?.IsSidecarPolicy == true;
            if (c.State.Terminated is { ExitCode: 0 } || (sidecar && c.Started == true))
            {
                continue;
            }

            return i;
        }

        return statuses.Count - 1;
    }
}
