using System.Globalization;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// ServiceAccount (kubernetes plugin/pkg/admission/serviceaccount, ADM-030…036): on create, names the <c>default</c>
/// account when the pod names none, mounts the account's token as the projected volume <c>kube-api-access-XXXXX</c> in
/// every init and regular container, copies the account's imagePullSecrets, and (Admit ends with Validate, which the
/// chain calls again later) checks mirror-pod restrictions and, where the account enforces them, mountable secrets.
/// </summary>
internal sealed class ServiceAccountPlugin : IMutatingPlugin, IValidatingPlugin
{
    public const string DefaultServiceAccountName = "default";
    public const string TokenVolumePrefix = "kube-api-access-";
    public const string TokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";
    public const string MirrorPodAnnotation = "kubernetes.io/config.mirror";
    public const string EnforceMountableSecretsAnnotation = "kubernetes.io/enforce-mountable-secrets";

    /// <summary>serviceaccount.WarnOnlyBoundTokenExpirationSeconds: one hour and seven seconds.</summary>
    public const long TokenExpirationSeconds = 3607;

    /// <summary>corev1.ProjectedVolumeSourceDefaultMode (0644), set explicitly by the plugin (kubernetes#104464).</summary>
    public const int TokenVolumeDefaultMode = 420;

    public static ServiceAccountPlugin Instance { get; } = new();

    public string Name => "ServiceAccount";

    /// <summary>The token volume's name for <paramref name="pod"/>: the prefix and the suffix the model derives from the pod (ADM-003).</summary>
    public static string TokenVolumeName(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var meta = pod.Metadata;
        return GeneratedNames.Generate(TokenVolumePrefix, "kube-api-access:" + meta.Namespace + "/" + (meta.Name.Length != 0 ? meta.Name : meta.GenerateName));
    }

    public PluginOutcome Admit(Pod pod, CreateRun run, StepLog log)
    {
        if (pod.Metadata.Annotations.ContainsKey(MirrorPodAnnotation))
        {
            return Validate(pod, run);
        }

        // The account's name, the token mount and the pull secrets are gathered first and the spec copied once (the
        // create copies PodSpec, ~50 fields, per change); the log records them in the plugin's order.
        var spec = pod.Spec;
        string name = spec.ServiceAccountName;

        // The stored (v1) pod carries a defaulted name in its alias too (DEF-025, Convert_core_PodSpec_To_v1_PodSpec).
        string alias = spec.DeprecatedServiceAccount;
        if (name.Length == 0)
        {
            alias = DefaultServiceAccountName;
            name = DefaultServiceAccountName;
            log.Add(AdmissionRules.ServiceAccountDefaultName, "spec.serviceAccountName", DefaultServiceAccountName);
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountDefaultName);
        }

        var sa = Lookup(pod, name, run, out var refused);
        if (sa is null)
        {
            return new PluginOutcome(WithSpec(pod, spec with { ServiceAccountName = name, DeprecatedServiceAccount = alias }), refused);
        }

        var init = spec.InitContainers;
        var regular = spec.Containers;
        var volumes = spec.Volumes;
        if (ShouldAutomount(sa, spec))
        {
            MountToken(pod, ref init, ref regular, ref volumes, log);
        }

        var pullSecrets = spec.ImagePullSecrets;
        if (!pullSecrets.IsEmpty && !sa.ImagePullSecrets.IsEmpty)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountPullSecrets, "the pod's own kept");
        }

        if (pullSecrets.IsEmpty && !sa.ImagePullSecrets.IsEmpty)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountPullSecrets, "the account's copied");
            var secrets = new LocalObjectReference[sa.ImagePullSecrets.Count];
            for (int i = 0; i < secrets.Length; i++)
            {
                secrets[i] = new LocalObjectReference { Name = sa.ImagePullSecrets[i] };
                log.Add(AdmissionRules.ServiceAccountPullSecrets, string.Create(CultureInfo.InvariantCulture, $"spec.imagePullSecrets[{i}].name"), sa.ImagePullSecrets[i]);
            }

            pullSecrets = secrets;
        }

        // The alias changes only with a defaulted name, so the name's comparison covers it.
        if (!ReferenceEquals(name, spec.ServiceAccountName) || !init.IsSameAs(spec.InitContainers) || !regular.IsSameAs(spec.Containers)
            || !volumes.IsSameAs(spec.Volumes) || !pullSecrets.IsSameAs(spec.ImagePullSecrets))
        {
            pod = pod with
            {
                Spec = spec with { ServiceAccountName = name, DeprecatedServiceAccount = alias, InitContainers = init, Containers = regular, Volumes = volumes, ImagePullSecrets = pullSecrets },
            };
        }

        var validated = Validate(pod, run);
        return validated with { Pod = pod };
    }

    private static Pod WithSpec(Pod pod, PodSpec spec) => pod with { Spec = spec };

    public PluginOutcome Validate(Pod pod, CreateRun run)
    {
        string ns = pod.Metadata.Namespace;
        if (pod.Metadata.Annotations.ContainsKey(MirrorPodAnnotation))
        {
            return new PluginOutcome(pod, MirrorPodRefusal(pod), "a mirror pod: only its references are checked");
        }

        if (pod.Spec.ServiceAccountName.Length == 0)
        {
            return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.ServiceAccountLookup, "no service account specified for pod " + ns + "/" + pod.Metadata.Name));
        }

        var sa = Lookup(pod, pod.Spec.ServiceAccountName, run, out var refused);
        if (sa is null)
        {
            return new PluginOutcome(pod, refused);
        }

        if (EnforcesMountableSecrets(sa))
        {
            if (LimitSecretReferences(sa, pod) is { } message)
            {
                Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountMountableSecrets, "an unlisted reference: refused");
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, AdmissionRules.ServiceAccountMountableSecrets, message));
            }

            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountMountableSecrets, "every reference listed");
        }

        return new PluginOutcome(pod);
    }

    /// <summary>The account the pod names: given, the namespace's <c>default</c>, or (ADM-098) assumed or refused.</summary>
    private static ServiceAccount? Lookup(Pod pod, string name, CreateRun run, out AdmissionRejection? refused)
    {
        refused = null;
        string ns = pod.Metadata.Namespace;
        if (run.Objects.FindServiceAccount(ns, name) is { } found)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountLookup, "found");
            return found;
        }

        if (run.Objects.ServiceAccountsKnown)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountLookup, "missing: refused");
            refused = AdmissionRejection.Forbidden(pod, AdmissionRules.ServiceAccountLookup,
                "error looking up service account " + ns + "/" + name + ": serviceaccount " + Validation.GoQuote.Quote(name) + " not found");
            return null;
        }

        string reason = "ServiceAccount " + ns + "/" + name + " was not given (--objects): assumed to exist, with automountServiceAccountToken unset and no imagePullSecrets";
        bool seen = false;
        foreach (var n in run.NotChecked)
        {
            seen |= n.Reason == reason;
        }

        if (!seen)
        {
            run.Unchecked("spec.serviceAccountName", reason);
        }

        return new ServiceAccount { Namespace = ns, Name = name };
    }

    /// <summary>shouldAutomount (ADM-032): the pod's setting wins, then the account's, else true.</summary>
    private static bool ShouldAutomount(ServiceAccount sa, PodSpec spec)
    {
        if (spec.AutomountServiceAccountToken is bool own)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountAutomount, "the pod's setting");
            return own;
        }

        if (sa.AutomountServiceAccountToken is bool account)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountAutomount, "the account's setting");
            return account;
        }

        Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountAutomount, "neither set: mounted");
        return true;
    }

    /// <summary>
    /// mountServiceAccountToken (ADM-033): reuses a volume already named <c>kube-api-access-…</c>, else names one; adds the
    /// read-only mount to every init and regular container (not ephemeral ones) that has nothing mounted at the token
    /// path; adds the volume when some container got the mount and the pod had no such volume.
    /// </summary>
    private static void MountToken(Pod pod, ref ValueList<Container> init, ref ValueList<Container> regular, ref ValueList<Volume> volumes, StepLog log)
    {
        string? existing = null;
        foreach (var v in volumes)
        {
            if (v.Name.StartsWith(TokenVolumePrefix, StringComparison.Ordinal))
            {
                existing = v.Name;
                break;
            }
        }

        string volumeName = existing ?? TokenVolumeName(pod);
        var mount = new VolumeMount { Name = volumeName, ReadOnly = true, MountPath = TokenMountPath };
        bool needed = false;
        init = AddMounts(init, "spec.initContainers", mount, log, ref needed);
        regular = AddMounts(regular, "spec.containers", mount, log, ref needed);
        if (needed)
        {
            Coverage.RuleCoverage.Hit(AdmissionRules.ServiceAccountTokenVolume);
        }

        if (existing is null && needed)
        {
            if (log.On)
            {
                log.Add(AdmissionRules.ServiceAccountTokenVolume, string.Create(CultureInfo.InvariantCulture, $"spec.volumes[{volumes.Count}]"),
                    "{name: " + volumeName + ", projected: serviceAccountToken (expirationSeconds 3607, path token), configMap kube-root-ca.crt (ca.crt), downwardAPI namespace, defaultMode 420}");
            }

            volumes = volumes.Add(TokenVolume(volumeName));
        }
    }

    private static ValueList<Container> AddMounts(ValueList<Container> containers, string listPath, VolumeMount mount, StepLog log, ref bool needed)
    {
        if (containers.IsEmpty)
        {
            return containers;
        }

        var result = new Container[containers.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var c = containers[i];
            bool mounted = false;
            foreach (var m in c.VolumeMounts)
            {
                mounted |= m.MountPath == TokenMountPath;
            }

            if (!mounted)
            {
                if (log.On)
                {
                    log.Add(AdmissionRules.ServiceAccountTokenVolume, string.Create(CultureInfo.InvariantCulture, $"{listPath}[{i}].volumeMounts[{c.VolumeMounts.Count}]"),
                        "{name: " + mount.Name + ", mountPath: " + TokenMountPath + ", readOnly: true}");
                }

                c = c with { VolumeMounts = c.VolumeMounts.Add(mount) };
                needed = true;
            }

            result[i] = c;
        }

        return result;
    }

    /// <summary>TokenVolumeSource: the bound token, the cluster CA bundle and the namespace, mode 0644.</summary>
    public static Volume TokenVolume(string name) => new() { Name = name, SourceKind = "projected", Projected = TokenProjection };

    /// <summary>The token volume's source: the same for every pod (records are immutable, so one object serves all).</summary>
    private static readonly ProjectedVolumeSource TokenProjection = new()
    {
        DefaultMode = TokenVolumeDefaultMode,
        Sources =
        [
            new VolumeProjection { ServiceAccountToken = new ServiceAccountTokenProjection { Path = "token", ExpirationSeconds = TokenExpirationSeconds } },
            new VolumeProjection { ConfigMap = new ConfigMapProjection { Name = "kube-root-ca.crt", Items = [new KeyToPath { Key = "ca.crt", Path = "ca.crt" }] } },
            new VolumeProjection
            {
                DownwardAPI = new DownwardAPIProjection
                {
                    Items = [new DownwardApiVolumeFile { Path = "namespace", FieldRef = new ObjectFieldSelector { ApiVersion = "v1", FieldPath = "metadata.namespace" } }],
                },
            },
        ],
    };

    /// <summary>enforceMountableSecrets: the account's annotation, read with Go's strconv.ParseBool (ADM-036).</summary>
    private static bool EnforcesMountableSecrets(ServiceAccount sa) =>
        sa.Annotations.TryGetValue(EnforceMountableSecretsAnnotation, out string? value)
        && value is "1" or "t" or "T" or "TRUE" or "true" or "True";

    /// <summary>limitSecretReferences, in its order: secret volumes, init then regular containers' env and envFrom, imagePullSecrets.</summary>
    private static string? LimitSecretReferences(ServiceAccount sa, Pod pod)
    {
        var mountable = new HashSet<string>(sa.Secrets, StringComparer.Ordinal);
        string tail = " is not allowed because service account " + sa.Name + " does not reference that secret";
        foreach (var v in pod.Spec.Volumes)
        {
            if (v.Secret is { } secret && !mountable.Contains(secret.Name))
            {
                return "volume with secret.secretName=\"" + secret.Name + "\"" + tail;
            }
        }

        if (Containers(pod.Spec.InitContainers, "init container ", mountable, tail) is { } init)
        {
            return init;
        }

        if (Containers(pod.Spec.Containers, "container ", mountable, tail) is { } regular)
        {
            return regular;
        }

        var pull = new HashSet<string>(sa.ImagePullSecrets, StringComparer.Ordinal);
        for (int i = 0; i < pod.Spec.ImagePullSecrets.Count; i++)
        {
            string name = pod.Spec.ImagePullSecrets[i].Name;
            if (!pull.Contains(name))
            {
                return string.Create(CultureInfo.InvariantCulture, $"imagePullSecrets[{i}].name=\"{name}\" is not allowed because service account {sa.Name} does not reference that imagePullSecret");
            }
        }

        return null;

        static string? Containers(ValueList<Container> list, string what, HashSet<string> mountable, string tail)
        {
            foreach (var c in list)
            {
                foreach (var env in c.Env)
                {
                    if (env.ValueFrom?.SecretKeyRef is { } keyRef && !mountable.Contains(keyRef.Name))
                    {
                        return what + c.Name + " with envVar " + env.Name + " referencing secret.secretName=\"" + keyRef.Name + "\"" + tail;
                    }
                }

                foreach (var envFrom in c.EnvFrom)
                {
                    if (envFrom.SecretRef is { } secretRef && !mountable.Contains(secretRef.Name))
                    {
                        return what + c.Name + " with envFrom referencing secret.secretName=\"" + secretRef.Name + "\"" + tail;
                    }
                }
            }

            return null;
        }
    }

    /// <summary>ADM-035: a mirror pod may name no service account, reference no secret and project no token.</summary>
    private static AdmissionRejection? MirrorPodRefusal(Pod pod)
    {
        if (pod.Spec.ServiceAccountName.Length != 0)
        {
            return AdmissionRejection.Forbidden(pod, AdmissionRules.ServiceAccountMirrorPods, "a mirror pod may not reference service accounts");
        }

        if (ReferencesSecrets(pod.Spec))
        {
            return AdmissionRejection.Forbidden(pod, AdmissionRules.ServiceAccountMirrorPods, "a mirror pod may not reference secrets");
        }

        foreach (var v in pod.Spec.Volumes)
        {
            if (v.Projected is { } projected)
            {
                foreach (var source in projected.Sources)
                {
                    if (source.ServiceAccountToken is not null)
                    {
                        return AdmissionRejection.Forbidden(pod, AdmissionRules.ServiceAccountMirrorPods, "a mirror pod may not use ServiceAccountToken volume projections");
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// VisitPodSecretNames (pkg/api/pod, AllContainers) finds a name: pull secrets, every container's envFrom and env
    /// (init, regular, ephemeral), then each volume's source in the Go switch's order — azureFile, cephfs, cinder,
    /// flexVolume, projected (its secret sources), rbd, secret, scaleIO, iscsi, storageos, csi; only the first source a
    /// volume sets is visited. The visitor is wrapped by skipEmptyNames, so an empty name is no reference (ADM-035).
    /// </summary>
    private static bool ReferencesSecrets(PodSpec spec)
    {
        foreach (var reference in spec.ImagePullSecrets)
        {
            if (reference.Name.Length != 0)
            {
                return true;
            }
        }

        if (Any(spec.InitContainers) || Any(spec.Containers) || Any(spec.EphemeralContainers))
        {
            return true;
        }

        foreach (var v in spec.Volumes)
        {
            if (VolumeSecretName(v) is { Length: > 0 })
            {
                return true;
            }
        }

        return false;

        static bool Any(ValueList<Container> list)
        {
            foreach (var c in list)
            {
                foreach (var envFrom in c.EnvFrom)
                {
                    if (envFrom.SecretRef is { Name.Length: > 0 })
                    {
                        return true;
                    }
                }

                foreach (var env in c.Env)
                {
                    if (env.ValueFrom?.SecretKeyRef is { Name.Length: > 0 })
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>The secret name the switch of VisitPodSecretNames visits for one volume ("" when none or empty).</summary>
    private static string VolumeSecretName(Volume v)
    {
        if (v.AzureFile is { } azureFile)
        {
            return azureFile.SecretName;
        }

        if (v.CephFS is { } cephFS)
        {
            return cephFS.SecretRef?.Name ?? "";
        }

        if (v.Cinder is { } cinder)
        {
            return cinder.SecretRef?.Name ?? "";
        }

        if (v.FlexVolume is { } flex)
        {
            return flex.SecretRef?.Name ?? "";
        }

        if (v.Projected is { } projected)
        {
            foreach (var source in projected.Sources)
            {
                if (source.Secret is { Name.Length: > 0 } secret)
                {
                    return secret.Name;
                }
            }

            return "";
        }

        if (v.RBD is { } rbd)
        {
            return rbd.SecretRef?.Name ?? "";
        }

        if (v.Secret is { } secretVolume)
        {
            return secretVolume.Name;
        }

        if (v.ScaleIO is { } scaleIO)
        {
            return scaleIO.SecretRef?.Name ?? "";
        }

        if (v.ISCSI is { } iscsi)
        {
            return iscsi.SecretRef?.Name ?? "";
        }

        if (v.StorageOS is { } storageOS)
        {
            return storageOS.SecretRef?.Name ?? "";
        }

        return v.CSI?.NodePublishSecretRef?.Name ?? "";
    }
}
