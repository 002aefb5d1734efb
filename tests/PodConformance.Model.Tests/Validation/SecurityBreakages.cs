using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Ways to break a valid pod in the security and host-settings area (VAL-200…222), one or more rules each; joined to
/// <see cref="ValidationRuleTests.Breakages"/> so every security rule is produced and stamped.
/// </summary>
internal static class SecurityBreakages
{
    private static Pod WithSc(Pod p, Func<PodSecurityContext, PodSecurityContext> change) =>
        p.WithSpec(s => s with { SecurityContext = change(s.SecurityContext ?? new PodSecurityContext()) });

    private static Pod WithFirstSc(Pod p, SecurityContext sc) =>
        p.WithSpec(s => s with { Containers = ValueList.Of((s.Containers.IsEmpty ? Container() : s.Containers[0]) with { SecurityContext = sc }) });

    public static readonly (string Name, Func<Pod, Pod> Break)[] All =
    [
        ("pod security ids", p => WithSc(p, sc => sc with { RunAsUser = -1, RunAsGroup = 2147483648, FSGroup = -5, SupplementalGroups = ValueList.Of(1L, -1L) })),
        ("share process namespace with host pid", p => p.WithSpec(s => s with { HostPID = true, ShareProcessNamespace = true })),
        ("sysctls", p => WithSc(p, sc => sc with
        {
            Sysctls = ValueList.Of(new Sysctl { Name = "" }, new Sysctl { Name = "_bad" }, new Sysctl { Name = "net.core.somaxconn" }, new Sysctl { Name = "net.core.somaxconn" }),
        }).WithSpec(s => s with { HostNetwork = true })),
        ("fsGroupChangePolicy", p => WithSc(p, sc => sc with { FSGroupChangePolicy = "Sometimes" })),
        ("seccomp fields", p => WithSc(p, sc => sc with { SeccompProfile = new SeccompProfile { Type = "Localhost" } })),
        ("windows options", p => WithSc(p, sc => sc with { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = "a\\b\\c", GMSACredentialSpec = "" } })),
        ("apparmor field", p => WithSc(p, sc => sc with { AppArmorProfile = new AppArmorProfile { Type = "Enforcing" } })),
        ("supplemental groups policy", p => WithSc(p, sc => sc with { SupplementalGroupsPolicy = "Loose" })),
        ("selinux change policy", p => WithSc(p, sc => sc with { SELinuxChangePolicy = "Never" })),
        ("container security ids", p => WithFirstSc(p, new SecurityContext { RunAsUser = -1, RunAsGroup = -1 })),
        ("proc mount", p => WithFirstSc(p, new SecurityContext { ProcMount = "Unmasked" })),
        ("privilege escalation", p => WithFirstSc(p, new SecurityContext { AllowPrivilegeEscalation = false, Privileged = true, Capabilities = new Capabilities { Add = ValueList.Of("CAP_SYS_ADMIN") } })),
        ("host process", p => WithFirstSc(p, new SecurityContext { WindowsOptions = new WindowsSecurityContextOptions { HostProcess = true } })),
        ("host users", p => p.WithSpec(s => s with { HostUsers = false, HostPID = true, HostIPC = true })),
        ("os name", p => p.WithSpec(s => s with { OS = new PodOS { Name = "plan9" } })),
        ("linux pod with windows options", p => WithFirstSc(p, new SecurityContext { WindowsOptions = new WindowsSecurityContextOptions { RunAsUserName = "u" } }).WithSpec(s => s with { OS = new PodOS { Name = "linux" } })),
        ("windows pod with linux fields", p => WithFirstSc(p, new SecurityContext { RunAsUser = 1, Privileged = false }).WithSpec(s => s with { OS = new PodOS { Name = "windows" }, HostPID = true })),
        ("seccomp annotations", p => p with { Metadata = p.Metadata with { Annotations = ValueMap.Of(("seccomp.security.alpha.kubernetes.io/pod", "foo"), ("container.seccomp.security.alpha.kubernetes.io/app", "localhost/../x")) } }),
        ("apparmor annotations", p => p with { Metadata = p.Metadata with { Annotations = ValueMap.Of(("container.apparmor.security.beta.kubernetes.io/ghost", "bad")) } }),
        ("seccomp annotation mismatch", p => WithSc(p, sc => sc with { SeccompProfile = new SeccompProfile { Type = "RuntimeDefault" } }) with
        {
            Metadata = p.Metadata with { Annotations = ValueMap.Of(("seccomp.security.alpha.kubernetes.io/pod", "unconfined")) },
        }),
        ("apparmor annotation mismatch", p => WithFirstSc(p, new SecurityContext { AppArmorProfile = new AppArmorProfile { Type = "Unconfined" } }) with
        {
            Metadata = p.Metadata with { Annotations = ValueMap.Of(("container.apparmor.security.beta.kubernetes.io/app", "runtime/default")) },
        }),
    ];
}
