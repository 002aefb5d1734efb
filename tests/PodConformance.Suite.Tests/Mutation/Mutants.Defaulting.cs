using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Suite.Tests.Mutation;

internal static partial class Mutants
{
    /// <summary>Create-time defaults, each bent after the real defaulter ran (only where the input left the field unset) and validation.</summary>
    private static IEnumerable<Mutant> Defaulting()
    {
        yield return new Mutant(
            "def-pull-policy-ifnotpresent", "defaulting", DefaultingRules.ImagePullPolicy, "an unset imagePullPolicy of a :latest or untagged image defaults to IfNotPresent (Kubernetes: Always)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => BendDefaults(pod, profile, (input, c) => input.ImagePullPolicy.Length == 0 && c.ImagePullPolicy == "Always" ? c with { ImagePullPolicy = "IfNotPresent" } : c) });

        yield return new Mutant(
            "def-grace-period-60", "defaulting", DefaultingRules.TerminationGracePeriod, "terminationGracePeriodSeconds defaults to 60 (Kubernetes: 30)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => BendSpec(pod, profile, (input, s) => input.TerminationGracePeriodSeconds is null ? s with { TerminationGracePeriodSeconds = 60 } : s) });

        yield return new Mutant(
            "def-dns-policy-default", "defaulting", DefaultingRules.DnsPolicy, "dnsPolicy defaults to Default (Kubernetes: ClusterFirst)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => BendSpec(pod, profile, (input, s) => input.DnsPolicy.Length == 0 && s.DnsPolicy == "ClusterFirst" ? s with { DnsPolicy = "Default" } : s) });

        yield return new Mutant(
            "def-restart-policy-onfailure", "defaulting", DefaultingRules.RestartPolicy, "restartPolicy defaults to OnFailure (Kubernetes: Always)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => BendSpec(pod, profile, (input, s) => input.RestartPolicy.Length == 0 ? s with { RestartPolicy = "OnFailure" } : s) });

        yield return new Mutant(
            "def-port-protocol-udp", "defaulting", DefaultingRules.PortProtocol, "a container port's protocol defaults to UDP (Kubernetes: TCP)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Default = (pod, profile) => BendDefaults(pod, profile, (input, c) => c with
                {
                    Ports = [.. c.Ports.Select((p, i) => i < input.Ports.Count && input.Ports[i].Protocol.Length == 0 ? p with { Protocol = "UDP" } : p)],
                }),
            });

        yield return new Mutant(
            "def-grpc-service-unset", "defaulting", DefaultingRules.GrpcService, "a grpc probe without service keeps it unset (Kubernetes: service \"\")",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Default = (pod, profile) => BendDefaults(pod, profile, (input, c) => c with
                {
                    LivenessProbe = WithoutDefaultedService(input.LivenessProbe, c.LivenessProbe),
                    ReadinessProbe = WithoutDefaultedService(input.ReadinessProbe, c.ReadinessProbe),
                    StartupProbe = WithoutDefaultedService(input.StartupProbe, c.StartupProbe),
                }),
            });

        yield return new Mutant(
            "def-service-account-alias-as-sent", "defaulting", DefaultingRules.ServiceAccountAlias, "the stored pod keeps spec.serviceAccount as sent (Kubernetes: the effective serviceAccountName in both)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => BendSpec(pod, profile, (input, s) => s with { DeprecatedServiceAccount = input.DeprecatedServiceAccount }) });

        yield return new Mutant(
            "def-service-account-alias-wins", "defaulting", DefaultingRules.ServiceAccountAlias, "a set spec.serviceAccount wins over serviceAccountName (Kubernetes: the name wins, the alias is used only when the name is empty)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Default = (pod, profile) => BendSpec(pod, profile, (input, s) => input.DeprecatedServiceAccount.Length == 0
                    ? s
                    : s with { ServiceAccountName = input.DeprecatedServiceAccount, DeprecatedServiceAccount = input.DeprecatedServiceAccount }),
            });

        yield return new Mutant(
            "def-negative-grace-period-kept", "defaulting", DefaultingRules.NegativeGracePeriod, "a negative terminationGracePeriodSeconds is stored as sent (Kubernetes 1.37: raised to 1)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Default = (pod, profile) => BendSpec(pod, profile, (input, s) => input.TerminationGracePeriodSeconds is < 0 ? s with { TerminationGracePeriodSeconds = input.TerminationGracePeriodSeconds } : s),
            });

        // DEF-021 runs only with the alpha H2CContainerProbe on (1.37), in P-ADM-DEFAULTS' cases that turn it on (AlphaDefaultGen).
        yield return new Mutant(
            "def-http-protocol-unset", "defaulting", DefaultingRules.HttpGetProtocol, "with H2CContainerProbe on, an httpGet without protocol is stored without one (Kubernetes 1.37: HTTP1)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Default = (pod, profile) => BendDefaults(pod, profile, (input, c) => c with
                {
                    LivenessProbe = WithoutDefaultedProtocol(input.LivenessProbe, c.LivenessProbe),
                    ReadinessProbe = WithoutDefaultedProtocol(input.ReadinessProbe, c.ReadinessProbe),
                    StartupProbe = WithoutDefaultedProtocol(input.StartupProbe, c.StartupProbe),
                    Lifecycle = c.Lifecycle is not { } l ? null : l with
                    {
                        PostStart = WithoutDefaultedProtocol(input.Lifecycle?.PostStart, l.PostStart),
                        PreStop = WithoutDefaultedProtocol(input.Lifecycle?.PreStop, l.PreStop),
                    },
                }),
            });

        // DEF-026 runs only at 1.28-1.32 with the alpha InPlacePodVerticalScaling on, in P-ADM-DEFAULTS' cases that turn it on (AlphaDefaultGen).
        yield return new Mutant(
            "def-resize-policy-not-defaulted", "defaulting", DefaultingRules.ResizePolicy, "at 1.30 with InPlacePodVerticalScaling on, a container requesting cpu or memory gets no resize policy for it (Kubernetes 1.28-1.32: NotRequired)",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => BendDefaults(pod, profile, (input, c) => c with { ResizePolicy = input.ResizePolicy }) })
        {
            Release = new KubernetesVersion(1, 30),
        };

        yield return new Mutant(
            "val-allows-duplicate-names", "validation", ValidationRules.ContainerNameUnique, "validation lets two containers share a name",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => WithoutRule(PodValidator.Validate(pod, profile), ValidationRules.ContainerNameUnique) });

        yield return new Mutant(
            "val-allows-host-port-conflicts", "validation", ValidationRules.HostPortConflicts, "validation lets two ports claim the same hostPort and protocol",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => WithoutRule(PodValidator.Validate(pod, profile), ValidationRules.HostPortConflicts) });

        yield return new Mutant(
            "val-accepts-bad-tolerations-annotation", "validation", ValidationRules.TolerationsAnnotation, "validation lets a scheduler.alpha.kubernetes.io/tolerations annotation that does not decode through",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => WithoutRule(PodValidator.Validate(pod, profile), ValidationRules.TolerationsAnnotation) });
    }

    /// <summary>The defaulted probe with a grpc service the input left unset taken away again (DEF-024 bent).</summary>
    private static Probe? WithoutDefaultedService(Probe? input, Probe? defaulted) =>
        defaulted is { Handler.GrpcPort: not null } && input is { Handler.GrpcService: null }
            ? defaulted with { Handler = defaulted.Handler with { GrpcService = null } }
            : defaulted;

    /// <summary>The defaulted probe with an httpGet protocol the input left unset taken away again (DEF-021 bent).</summary>
    private static Probe? WithoutDefaultedProtocol(Probe? input, Probe? defaulted) =>
        defaulted is { Handler.HttpGet: { Protocol: not null } get } && input is { Handler.HttpGet.Protocol: null }
            ? defaulted with { Handler = defaulted.Handler with { HttpGet = get with { Protocol = null } } }
            : defaulted;

    /// <summary>The defaulted hook with an httpGet protocol the input left unset taken away again (DEF-021 bent).</summary>
    private static ProbeHandler? WithoutDefaultedProtocol(ProbeHandler? input, ProbeHandler? defaulted) =>
        defaulted is { HttpGet: { Protocol: not null } get } && input is { HttpGet.Protocol: null }
            ? defaulted with { HttpGet = get with { Protocol = null } }
            : defaulted;

    private static ValidationResult WithoutRule(ValidationResult result, string rule) =>
        new(result.Errors.Where(e => e.Rule != rule).ToValueList());

    /// <summary>The real defaults, then <paramref name="bend"/> on each init and regular container given its input form (matched by position).</summary>
    private static Pod BendDefaults(Pod input, Profile profile, Func<Container, Container, Container> bend)
    {
        var pod = PodDefaulter.Decode(input, profile);
        return pod with
        {
            Spec = pod.Spec with
            {
                InitContainers = [.. pod.Spec.InitContainers.Select((c, i) => i < input.Spec.InitContainers.Count ? bend(input.Spec.InitContainers[i], c) : c)],
                Containers = [.. pod.Spec.Containers.Select((c, i) => i < input.Spec.Containers.Count ? bend(input.Spec.Containers[i], c) : c)],
            },
        };
    }

    private static Pod BendSpec(Pod input, Profile profile, Func<PodSpec, PodSpec, PodSpec> bend)
    {
        var pod = PodDefaulter.Decode(input, profile);
        return pod with { Spec = bend(input.Spec, pod.Spec) };
    }
}
