using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Kubelet;

/// <summary>Generated pods with statuses covering every branch of getPhase and the condition generators.</summary>
internal static class LifecycleGen
{
    public static readonly Gen<string> PodPolicy = Gen.Elements("Always", "OnFailure", "Never");

    public static readonly Gen<Profile> Profiles = Gen.Elements(
        Profile.For(new KubernetesVersion(1, 28)),
        Profile.For(new KubernetesVersion(1, 33)),
        LifecycleFixtures.PerContainer,
        LifecycleFixtures.RestartAll,
        Profile.Default);

    /// <summary>A status for <paramref name="name"/>, or null for "no status yet".</summary>
    public static Gen<ContainerStatus?> Status(string name) =>
        from kind in Gen.Choose(0, 7)
        from exit in Gen.Elements(0, 0, 1, 2, 42, 137, -1)
        from ready in Gen.Elements(true, false)
        from started in Gen.Elements<bool?>(null, true, false)
        select kind switch
        {
            0 => null,
            1 => (ContainerStatus?)(LifecycleFixtures.Running(name) with { Ready = ready, Started = started }),
            2 => LifecycleFixtures.Waiting(name, "ContainerCreating"),
            3 => LifecycleFixtures.WaitingWithLastTermination(name, exit) with { Started = started },
            4 => LifecycleFixtures.Terminated(name, exit),
            5 => LifecycleFixtures.WaitingRestartingAllContainers(name),
            6 => new ContainerStatus { Name = name, Ready = ready, Started = started },
            _ => LifecycleFixtures.Terminated(name, exit) with { Ready = ready },
        };

    public static Gen<Container> ContainerGen(string name, bool perContainerPolicy) =>
        from policy in perContainerPolicy ? Gen.Elements<string?>(null, "Always", "OnFailure", "Never") : Gen.Constant<string?>(null)
        select new Container { Name = name, RestartPolicy = policy };

    public static Gen<Pod> Pods(bool perContainerPolicies) =>
        from regular in Gen.Choose(1, 3)
        from init in Gen.Choose(0, 2)
        from sidecarMask in Gen.Choose(0, 3)
        from policy in PodPolicy
        from containers in Seq(regular, i => ContainerGen("c" + i, perContainerPolicies))
        from statuses in Seq(regular, i => Status("c" + i))
        from initStatuses in Seq(init, i => Status("i" + i))
        from gates in Gen.Choose(0, 2)
        from gateStatus in Gen.Elements("True", "False")
        select new Pod
        {
            Metadata = new ObjectMeta { Name = "generated" },
            Spec = new PodSpec
            {
                RestartPolicy = policy,
                Containers = containers.ToArray(),
                InitContainers = Enumerable.Range(0, init)
                    .Select(i => ((sidecarMask >> i) & 1) == 1 ? new Container { Name = "i" + i, RestartPolicy = "Always" } : new Container { Name = "i" + i })
                    .ToArray(),
                ReadinessGates = gates == 0 ? default(ValueList<PodReadinessGate>) : ValueList.Of(new PodReadinessGate("example.com/gate")),
            },
            Status = new PodStatus
            {
                ContainerStatuses = statuses.Where(s => s is not null).Select(s => s!).ToArray(),
                InitContainerStatuses = initStatuses.Where(s => s is not null).Select(s => s!).ToArray(),
                Conditions = gates == 2 ? ValueList.Of(new PodCondition { Type = "example.com/gate", Status = gateStatus }) : default(ValueList<PodCondition>),
            },
        };

    private static Gen<T[]> Seq<T>(int count, Func<int, Gen<T>> make)
    {
        Gen<T[]> acc = Gen.Constant(Array.Empty<T>());
        for (int i = 0; i < count; i++)
        {
            var g = make(i);
            acc = from xs in acc from x in g select xs.Append(x).ToArray();
        }

        return acc;
    }
}
