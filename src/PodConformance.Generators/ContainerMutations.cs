using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>
/// One invalid variant per container-area rule added with issue 9 item 3 (VAL-004, VAL-046, VAL-047), joined to
/// <see cref="PodMutations.All"/>.
/// </summary>
public static class ContainerMutations
{
    private static readonly KubernetesVersion SleepOnByDefaultSince = new(1, 30);

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
    ];
}
