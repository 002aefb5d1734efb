using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// One invalid variant per container-area rule added with issue 9 item 3 (VAL-004, VAL-046, VAL-047, VAL-048, VAL-312),
/// joined to <see cref="PodMutations.All"/>. VAL-048 (stopSignal) applies only with ContainerStopSignals on (alpha, off in
/// every release: the create strategy drops the field otherwise), so only a run with <c>--feature-gates</c> uses it.
/// </summary>
public static class ContainerMutations
{
    private static readonly KubernetesVersion SleepOnByDefaultSince = new(1, 30);

    /// <summary>The release that added <c>lifecycle.stopSignal</c> (behind ContainerStopSignals).</summary>
    private static readonly KubernetesVersion StopSignalSince = new(1, 33);

    /// <summary>
    /// A stop signal the pod's OS refuses: none at all without <c>spec.os</c> (Forbidden), else one outside that OS's list.
    /// Restartable init containers are left alone; the first regular container gets it.
    /// </summary>
    private static Pod WithBadStopSignal(Pod pod, string linuxSignal) => WithFirst(pod, c => c with
    {
        Lifecycle = (c.Lifecycle ?? new Lifecycle()) with
        {
            StopSignal = pod.Spec.OS?.Name switch
            {
                "windows" => "SIGINT",
                "linux" => linuxSignal,
                _ => "SIGTERM",
            },
        },
    });

    private static Pod WithAnnotation(Pod pod, string key, string value) =>
        pod with { Metadata = pod.Metadata with { Annotations = pod.Metadata.Annotations.SetItem(key, value) } };

    private static Pod WithFirst(Pod pod, Func<Container, Container> change) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, change(pod.Spec.Containers[0])) } };

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("mirror-pod-without-node", ValidationRules.PodAnnotations,
            pod => Gen.Elements("x", "", "0123456789abcdef").Select(v => WithAnnotation(pod, PodValidator.MirrorPodAnnotationKey, v) with { Spec = pod.Spec with { NodeName = "" } }),
            _ => true),
        new("bad-pod-deletion-cost", ValidationRules.PodAnnotations,
            pod => Gen.Elements("+1", "007", "1.5", "2147483648", "-", "", "ten").Select(v => WithAnnotation(pod, PodValidator.PodDeletionCostAnnotationKey, v)),
            profile => profile.IsEnabled(FeatureGateNames.PodDeletionCost)),
        new("bad-http-header-name", ValidationRules.HttpHeaderNames,
            pod => Gen.Elements("X_Header", "", "X Header", "Ä").Select(n => WithFirst(pod, c => c with
            {
                ReadinessProbe = new Probe
                {
                    Handler = new ProbeHandler
                    {
                        HttpGet = new HttpGetAction { Path = "/ready", Port = IntOrString.FromInt(8080), HTTPHeaders = ValueList.Of(new HTTPHeader { Name = n, Value = "v" }) },
                    },
                },
            })),
            _ => true),
        new("sleep-longer-than-grace-period", ValidationRules.SleepAction,
            pod => Gen.Choose(1, 600).Select(extra => WithFirst(pod, c => c with
            {
                Lifecycle = (c.Lifecycle ?? new Lifecycle()) with { PreStop = new ProbeHandler { SleepSeconds = (pod.Spec.TerminationGracePeriodSeconds ?? 30) + extra } },
            })),
            profile => profile.Version >= SleepOnByDefaultSince && profile.IsEnabled(FeatureGateNames.PodLifecycleSleepAction)),
        new("bad-stop-signal", ValidationRules.StopSignal,
            pod => Gen.Elements("SIGBOGUS", "SIGRTMIN+16", "sigterm", "SIGRTMAX-15").Select(signal => WithBadStopSignal(pod, signal)),
            profile => profile.Version >= StopSignalSince && profile.IsEnabled(FeatureGateNames.ContainerStopSignals)),
        // VAL-044: a resource other than cpu/memory, an unknown policy, a resource listed twice, or a restart where the pod never restarts.
        new("bad-resize-policy", ValidationRules.ResizePolicy,
            pod => Gen.Choose(0, 3).Select(which => which == 3
                ? WithFirst(pod with { Spec = pod.Spec with { RestartPolicy = "Never" } }, c => c with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("memory", "RestartContainer")) })
                : WithFirst(pod, c => c with
                {
                    ResizePolicy = which switch
                    {
                        0 => ValueList.Of(new ContainerResizePolicy("storage", "NotRequired")),
                        1 => ValueList.Of(new ContainerResizePolicy("cpu", "Sometimes")),
                        _ => ValueList.Of(new ContainerResizePolicy("cpu", "NotRequired"), new ContainerResizePolicy("cpu", "RestartContainer")),
                    },
                })),
            profile => profile.IsEnabled(FeatureGateNames.InPlacePodVerticalScaling)),
        new("bad-tolerations-annotation", ValidationRules.TolerationsAnnotation,
            pod => Gen.Elements(
                    "[{\"key\":\"example.com/k\",\"operator\":\"Exists\"}",
                    "{\"key\":\"example.com/k\"}",
                    "[{\"key\":1}]",
                    "[{\"key\":\"k\",\"tolerationSeconds\":\"300\"}]",
                    "key: example.com/k",
                    "[\"example.com/k\"]")
                .Select(v => WithAnnotation(pod, PodValidator.TolerationsAnnotationKey, v)),
            _ => true),
    ];
}
