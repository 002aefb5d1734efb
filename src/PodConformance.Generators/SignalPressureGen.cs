using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Eviction;
using PodConformance.Model.Oom;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Node-pressure episodes on the signals beyond memory (spec/eviction.md): disk episodes on one of the three disk layouts
/// (nodefs, imagefs and containerfs bytes and inodes as observed: EVICT-002, EVICT-016, EVICT-017) whose pods write their writable
/// layer, logs and a local emptyDir, some with an ephemeral-storage request; and PID episodes whose pods run processes
/// against the node's limit (EVICT-003). Memory stays far below its thresholds, so the disk or PID signal decides. Pods
/// are named as <see cref="EvictionGen"/> names them, with one container <c>app</c>, valid by construction.
/// </summary>
public static class SignalPressureGen
{
    /// <summary>The emptyDir (default medium: a local volume, EVICT-016) disk pods write to.</summary>
    public const string ScratchVolume = "scratch";

    private static Quantity Mebi(long mi) => EvictionGen.Memory(mi);

    private static Gen<int?> Priority { get; } = Gen.Frequency(
        (4, Gen.Constant<int?>(null)),
        (3, Gen.Elements<int?>(0, 1000, 100000)),
        (1, Gen.Constant<int?>(CriticalPods.SystemCriticalPriority)));

    private static Gen<Pod> DiskPod(int index) =>
        from priority in Priority
        from request in Gen.Elements(0L, 0L, 256L, 512L)
        from scratch in GenSequence.Bool
        select StoragePod(index, request, priority, scratch);

    /// <summary>Writable layer, logs and scratch volume use (MiB and inodes) over, at or under the request.</summary>
    private static Gen<UsageSample> DiskSample(Pod pod, TimeSpan at) =>
        from rootfs in Gen.Elements(0L, 128L, 256L, 512L)
        from logs in Gen.Elements(0L, 64L, 128L)
        from inodes in Gen.Elements(100L, 1000L, 4000L)
        from volume in Gen.Elements(128L, 256L, 768L)
        from noStats in GenSequence.Chance(5)
        select noStats
            ? new UsageSample { At = at, NoStats = true }
            : new UsageSample
            {
                At = at,
                Containers = ValueMap.Of(("app", Mebi(32))),
                Disk = ValueMap.Of(("app", new ContainerDiskSample { Rootfs = Mebi(rootfs), Logs = Mebi(logs), RootfsInodes = inodes, LogsInodes = 10 })),
                Volumes = pod.Spec.Volumes.IsEmpty ? default : ValueMap.Of((ScratchVolume, new VolumeDiskSample { Used = Mebi(volume), Inodes = inodes / 2 })),
            };

    private static Gen<UsageSample> PidSample(TimeSpan at) =>
        from processes in Gen.Elements(50L, 100L, 150L, 200L)
        from noStats in GenSequence.Chance(5)
        select noStats ? new UsageSample { At = at, NoStats = true } : new UsageSample { At = at, Containers = ValueMap.Of(("app", Mebi(32))), Processes = processes };

    private static Gen<ValueList<UsageSample>> Samples(Func<TimeSpan, Gen<UsageSample>> sample) =>
        from first in sample(TimeSpan.Zero)
        from change in GenSequence.Chance(25)
        from second in sample(TimeSpan.FromSeconds(30))
        select change ? ValueList.Of(first, second) : ValueList.Of(first);

    /// <summary>A node with memory to spare (1Gi per pod) and nothing else: the disk or PID part is added per episode.</summary>
    private static NodeScenario RoomyNode(int pods) => new()
    {
        Node = new Node { Name = "node-1", Capacity = ValueMap.Of(("cpu", Quantity.Parse("4")), ("memory", Mebi(pods * 1024L))) },
        Until = EvictionGen.UntilFor(pods),
    };

    /// <summary>
    /// A disk episode: nodefs of 768Mi per pod (and 3000 inodes per pod, or none), a layout, an imagefs where the layout
    /// needs one, and thresholds: the Linux defaults, or absolute ones on nodefs, imagefs or containerfs.
    /// </summary>
    public static Gen<PressureCase> Disk { get; } =
        from n in GenSequence.Count(2, EvictionGen.MaxPods)
        from pods in GenSequence.Indexed(n, DiskPod)
        from samples in GenSequence.Indexed(n, i => Samples(at => DiskSample(pods[i], at)))
        from layout in Gen.Elements(DiskLayout.SingleFs, DiskLayout.DedicatedImageFs, DiskLayout.SplitImageAndContainerFs)
        from withInodes in GenSequence.Chance(75)
        from system in Gen.Elements(0L, 256L, 1024L)
        from hard in Gen.Elements<ValueMap<string>?>(
            null,
            ValueMap.Of(("nodefs.available", "1Gi"), ("nodefs.inodesFree", "5%")),
            ValueMap.Of(("imagefs.available", "20%"), ("imagefs.inodesFree", "10%")),
            ValueMap.Of(("nodefs.available", "30%"), ("nodefs.inodesFree", "20%")))
        let nodeFs = new FilesystemCapacity { Capacity = Mebi(n * 768L), Inodes = withInodes ? n * 3000L : null, SystemUsed = Mebi(system), SystemInodesUsed = withInodes ? 500 : 0 }
        let imageFs = layout == DiskLayout.SingleFs ? null : new FilesystemCapacity { Capacity = Mebi(n * 512L), Inodes = withInodes ? n * 4000L : null, SystemUsed = Mebi(n * 256L) }
        select new PressureCase(
            pods.ToValueList(),
            RoomyNode(n) with
            {
                EvictionHard = hard,
                NodeFs = nodeFs,
                ImageFs = imageFs,
                DiskLayout = layout,
                Usage = ValueMap.Create(pods.Select((p, i) => KeyValuePair.Create(p.Metadata.Name, samples[i]))),
            });

    /// <summary>A PID episode: a limit of 100 to 150 processes per pod, some used by the system, and a pid.available threshold.</summary>
    public static Gen<PressureCase> Pids { get; } =
        from n in GenSequence.Count(2, EvictionGen.MaxPods)
        from pods in GenSequence.Indexed(n, i => DiskPod(i).Select(p => p with { Spec = p.Spec with { Volumes = default, Containers = [p.Spec.Containers[0] with { Resources = ResourceRequirements.Empty }] } }))
        from samples in GenSequence.Indexed(n, _ => Samples(PidSample))
        from perPod in Gen.Elements(100L, 120L, 150L)
        from system in Gen.Elements(0L, 50L)
        from threshold in Gen.Elements("10%", "20%", "100")
        select new PressureCase(
            pods.ToValueList(),
            RoomyNode(n) with
            {
                EvictionHard = ValueMap.Of(("memory.available", "100Mi"), ("pid.available", threshold)),
                Pids = new PidCapacity { Max = n * perPod, SystemProcesses = system },
                Usage = ValueMap.Create(pods.Select((p, i) => KeyValuePair.Create(p.Metadata.Name, samples[i]))),
            });

    /// <summary>
    /// A disk episode whose ranking the ephemeral-storage requests decide (EVICT-002's first and third steps): on one
    /// filesystem (bytes only, no inode signal), one pod uses the most but stays within its request (at it, or under: the
    /// "strictly above" boundary), the others use less but have no request or a smaller one, so they exceed it and go first;
    /// priorities are mostly equal, and the node is short of its <c>nodefs.available</c> threshold from the start. In
    /// <see cref="Disk"/> requests and use are drawn apart, and the requests change the order in about one episode in eight.
    /// </summary>
    public static Gen<PressureCase> StorageRequests { get; } =
        from n in GenSequence.Count(2, 4)
        from within in Gen.Choose(0, n - 1)
        from withinRequest in Gen.Elements(384L, 512L)
        from withinUse in Gen.Elements(withinRequest, withinRequest - 128)
        from others in GenSequence.Indexed(n, _ => Gen.Elements<(long Request, long Use)>((0, 128), (0, 256), (128, 256), (256, 256 + 64)))
        from priorities in GenSequence.Indexed(n, _ => Gen.Frequency((6, Gen.Constant<int?>(null)), (1, Gen.Elements<int?>(0, 1000))))
        from free in Gen.Elements(128L, 256L)
        let requests = others.Select((o, i) => i == within ? withinRequest : o.Request).ToArray()
        let uses = others.Select((o, i) => i == within ? withinUse : o.Use).ToArray()
        let pods = requests.Select((r, i) => StoragePod(i, r, priorities[i])).ToArray()
        select new PressureCase(
            pods.ToValueList(),
            RoomyNode(n) with
            {
                // Short of the threshold by free − 512Mi < 0: the first cycle evicts, whichever pod the ranking puts first.
                EvictionHard = ValueMap.Of(("nodefs.available", "512Mi")),
                NodeFs = new FilesystemCapacity { Capacity = Mebi(uses.Sum() + free) },
                DiskLayout = DiskLayout.SingleFs,
                Usage = ValueMap.Create(pods.Select((p, i) => KeyValuePair.Create(p.Metadata.Name, ValueList.Of(new UsageSample
                {
                    At = TimeSpan.Zero,
                    Containers = ValueMap.Of(("app", Mebi(32))),
                    Disk = ValueMap.Of(("app", new ContainerDiskSample { Rootfs = Mebi(uses[i]) })),
                })))),
            });

    /// <summary>One busybox container "app" with an ephemeral-storage request (0: none), an emptyDir scratch volume or none.</summary>
    private static Pod StoragePod(int index, long requestMi, int? priority, bool scratch = false) => new()
    {
        Metadata = new ObjectMeta { Name = EvictionGen.PodName(index) },
        Spec = new PodSpec
        {
            Containers = [new Container
            {
                Name = "app",
                Image = "busybox",
                Resources = requestMi == 0 ? ResourceRequirements.Empty : new ResourceRequirements { Requests = ValueMap.Of(("ephemeral-storage", Mebi(requestMi))) },
            }],
            Volumes = scratch ? [new Volume { Name = ScratchVolume, SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }] : default,
            Priority = priority,
            PriorityClassName = priority == CriticalPods.SystemCriticalPriority ? CriticalPods.SystemClusterCritical : "",
        },
    };

    /// <summary>Disk episodes twice as often as PID ones (three layouts, bytes and inodes).</summary>
    public static Gen<PressureCase> Case { get; } = Gen.Frequency((2, Disk), (1, Pids));
}
