using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Generators;

/// <summary>One invalid variant per security rule (VAL-200…222), joined to <see cref="PodMutations.All"/>.</summary>
public static class SecurityMutations
{
    private static readonly Func<Profile, bool> Always = _ => true;

    private static Pod WithSc(Pod pod, Func<PodSecurityContext, PodSecurityContext> change) =>
        pod with { Spec = pod.Spec with { SecurityContext = change(pod.Spec.SecurityContext ?? new PodSecurityContext()) } };

    private static Pod WithFirstSc(Pod pod, SecurityContext sc) =>
        pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, pod.Spec.Containers[0] with { SecurityContext = sc }) } };

    private static Pod WithAnnotation(Pod pod, string key, string value) =>
        pod with { Metadata = pod.Metadata with { Annotations = pod.Metadata.Annotations.SetItem(key, value) } };

    private static Gen<Pod> Pick<T>(Pod pod, T[] choices, Func<Pod, T, Pod> apply) => Gen.Elements(choices).Select(c => apply(pod, c));

    public static IReadOnlyList<PodMutation> All { get; } =
    [
        new("pod-id-out-of-range", ValidationRules.SecurityIds,
            pod => Pick(pod, [(-1L, 0L), (2147483648L, 0L), (0L, -1L)], (p, x) => WithSc(p, sc => sc with { RunAsUser = x.Item1, FSGroup = x.Item2 })), Always),
        new("share-process-namespace-with-host-pid", ValidationRules.ShareProcessNamespace,
            pod => Gen.Constant(pod with { Spec = pod.Spec with { HostPID = true, ShareProcessNamespace = true } }), Always),
        new("bad-sysctl-name", ValidationRules.SysctlNames,
            pod => Pick(pod, ["_bad", "Abc", "a..b", "", "kernel.*"], (p, n) => WithSc(p, sc => sc with { Sysctls = [new Sysctl { Name = n, Value = "1" }] })), Always),
        new("ipc-sysctl-with-host-ipc", ValidationRules.SysctlHostNamespaces,
            pod => Pick(pod, ["kernel.shmmax", "kernel.msgmnb", "fs.mqueue.queues_max"],
                (p, n) => WithSc(p, sc => sc with { Sysctls = [new Sysctl { Name = n, Value = "1" }] }) with { Spec = WithSc(p, sc => sc with { Sysctls = [new Sysctl { Name = n, Value = "1" }] }).Spec with { HostIPC = true } }),
            profile => profile.Version >= new KubernetesVersion(1, 29)),
        new("bad-fsgroup-change-policy", ValidationRules.FsGroupChangePolicy,
            pod => Pick(pod, ["Sometimes", "always", ""], (p, v) => WithSc(p, sc => sc with { FSGroupChangePolicy = v })), Always),
        new("bad-seccomp-profile", ValidationRules.SeccompField,
            pod => Pick(pod, [new SeccompProfile(), new SeccompProfile { Type = "Strict" }, new SeccompProfile { Type = "Localhost" }, new SeccompProfile { Type = "Unconfined", LocalhostProfile = "x.json" }],
                (p, sp) => WithFirstSc(p, new SecurityContext { SeccompProfile = sp })), Always),
        new("bad-windows-user-name", ValidationRules.WindowsOptions,
            pod => Pick(pod, ["", "a\\b\\c", "\\user", "domain\\", "us/er"], (p, u) => WithSc(p, sc => sc with { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = u } })), Always),
        new("bad-apparmor-profile", ValidationRules.AppArmorField,
            pod => Pick(pod, [new AppArmorProfile(), new AppArmorProfile { Type = "Enforce" }, new AppArmorProfile { Type = "Localhost" }, new AppArmorProfile { Type = "RuntimeDefault", LocalhostProfile = "p" }],
                (p, a) => WithSc(p, sc => sc with { AppArmorProfile = a })),
            SecurityGates.AppArmorFieldsKept),
        new("bad-supplemental-groups-policy", ValidationRules.SupplementalGroupsPolicy,
            pod => Pick(pod, ["Loose", "merge"], (p, v) => WithSc(p, sc => sc with { SupplementalGroupsPolicy = v })),
            profile => profile.IsEnabled(FeatureGateNames.SupplementalGroupsPolicy)),
        new("bad-selinux-change-policy", ValidationRules.SELinuxChangePolicy,
            pod => Pick(pod, ["Never", "recursive"], (p, v) => WithSc(p, sc => sc with { SELinuxChangePolicy = v })),
            profile => profile.IsEnabled(FeatureGateNames.SELinuxChangePolicy)),
        new("container-id-out-of-range", ValidationRules.ContainerSecurityIds,
            pod => Pick(pod, [-1L, 2147483648L], (p, id) => WithFirstSc(p, new SecurityContext { RunAsGroup = id })), Always),
        new("bad-proc-mount", ValidationRules.ProcMount,
            pod => Pick(pod, ["Masked", "Unmasked"], (p, v) => WithFirstSc(p, new SecurityContext { ProcMount = v })),
            profile => profile.IsEnabled(FeatureGateNames.ProcMountType) && profile.Version >= new KubernetesVersion(1, 30)),
        new("no-escalation-but-privileged", ValidationRules.PrivilegeEscalation,
            pod => Pick(pod, [true, false], (p, privileged) => WithFirstSc(p, new SecurityContext
            {
                AllowPrivilegeEscalation = false,
                Privileged = privileged ? true : null,
                Capabilities = privileged ? null : new Capabilities { Add = ["CAP_SYS_ADMIN"] },
            })), Always),
        new("host-process-without-host-network", ValidationRules.WindowsHostProcess,
            pod => Gen.Constant(WithFirstSc(pod, new SecurityContext { WindowsOptions = new WindowsSecurityContextOptions { HostProcess = true } })), Always),
        new("user-namespace-with-host-pid", ValidationRules.HostUsers,
            pod => Pick(pod, [true, false], (p, pid) => p with { Spec = p.Spec with { HostUsers = false, HostPID = pid, HostIPC = !pid } }),
            profile => profile.IsEnabled(FeatureGateNames.UserNamespacesSupport)),
        new("bad-os-name", ValidationRules.OsName,
            pod => Pick(pod, ["plan9", "Linux", ""], (p, n) => p with { Spec = p.Spec with { OS = new PodOS { Name = n } } }), Always),
        new("linux-pod-with-windows-options", ValidationRules.LinuxPod,
            pod => Gen.Constant(WithSc(pod, sc => sc with { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = "user" } }) with
            {
                Spec = WithSc(pod, sc => sc with { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = "user" } }).Spec with { OS = new PodOS { Name = "linux" } },
            }), Always),
        new("windows-pod-with-linux-fields", ValidationRules.WindowsPod,
            pod => Pick(pod, [0, 1], (p, which) => which == 0
                ? WithSc(p, sc => sc with { RunAsUser = 1000 }) with { Spec = WithSc(p, sc => sc with { RunAsUser = 1000 }).Spec with { OS = new PodOS { Name = "windows" } } }
                : p with { Spec = p.Spec with { OS = new PodOS { Name = "windows" }, HostIPC = true } }), Always),
        new("bad-seccomp-annotation", ValidationRules.SeccompAnnotations,
            pod => Pick(pod, ["foo", "localhost/../x", "localhost//abs", ""], (p, v) => WithAnnotation(p, PodValidator.SeccompPodAnnotationKey, v)), Always),
        new("apparmor-annotation-for-missing-container", ValidationRules.AppArmorAnnotations,
            pod => Pick(pod, ["runtime/default", "strict"], (p, v) => WithAnnotation(p, PodValidator.AppArmorContainerAnnotationKeyPrefix + "no-such-container", v)), Always),
        new("seccomp-annotation-disagrees-with-field", ValidationRules.SeccompAnnotationsMatchFields,
            pod => Gen.Constant(WithAnnotation(WithSc(pod, sc => sc with { SeccompProfile = new SeccompProfile { Type = "RuntimeDefault" } }), PodValidator.SeccompPodAnnotationKey, "unconfined")), Always),
        new("apparmor-annotation-disagrees-with-field", ValidationRules.AppArmorAnnotationsMatchFields,
            pod => Gen.Constant(WithAnnotation(
                WithFirstSc(pod, new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Unconfined" } }),
                PodValidator.AppArmorContainerAnnotationKeyPrefix + pod.Spec.Containers[0].Name, "runtime/default")),
            SecurityGates.AppArmorFieldsKept),
    ];
}
