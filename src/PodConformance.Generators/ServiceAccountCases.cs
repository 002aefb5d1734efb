using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Generators;

/// <summary>A pod with the ServiceAccounts of its namespace, and the rule that must refuse its create (null: accepted).</summary>
public sealed record ServiceAccountCase(Pod Pod, ValueList<ServiceAccount> Accounts, string? Rule, string Name);

/// <summary>
/// Pods and the ServiceAccounts of their namespace, with settings (ADM-030…036; plugin/pkg/admission/serviceaccount/admission.go
/// <c>Admit</c>, <c>Validate</c>, <c>shouldAutomount</c>, <c>enforceMountableSecrets</c>, <c>limitSecretReferences</c>; v1.35.0
/// blob 3ee81cdf18, v1.29.9 and v1.33.x blob 3f4338128e). Zero to two accounts among <c>default</c>, <c>builder</c> and
/// <c>runner</c>, each with automountServiceAccountToken unset, true or false, zero to two imagePullSecrets and secrets, and
/// sometimes the annotation <c>kubernetes.io/enforce-mountable-secrets</c> with a value strconv.ParseBool reads as true, as
/// false, or refuses (then false). The pod names no account (the plugin's <c>default</c>, ADM-030), <c>default</c>, or a given
/// one, sets automountServiceAccountToken or not (ADM-032: the pod's setting, else the account's, else true), sometimes its own
/// imagePullSecrets (ADM-034: the account's are copied only into a pod with none) and references Secrets from a secret volume,
/// an init or regular container's env secretKeyRef or envFrom secretRef — accepted; or names an account that is not there
/// (ADM-031), or references a Secret its enforcing account does not list (ADM-036) — refused. The accounts travel with the
/// case (<c>PodCase.ServiceAccounts</c>) and are all of the pod namespace's (besides a bare <c>default</c>).
/// </summary>
/// <remarks>
/// The Secrets and pull secrets named need not exist: the plugin reads only the names an account lists (v1.35.0 has no
/// Secret lister; <c>limitSecretReferences</c> compares names), and validation does not look Secrets up, so a create is
/// decided without them, on a cluster as in the model.
/// </remarks>
public static class ServiceAccountCases
{
    public const string EnforceAnnotation = "kubernetes.io/enforce-mountable-secrets";

    /// <summary>The accounts a case may have; <c>default</c> is the namespace's own, given here with settings.</summary>
    public static IReadOnlyList<string> AccountNames { get; } = ["default", "builder", "runner"];

    /// <summary>An account name no case gives: the pod that names it is refused (ADM-031).</summary>
    public const string MissingAccount = "deployer";

    /// <summary>Secrets an account lists; a pod also references <see cref="UnlistedSecret"/>, which none lists.</summary>
    private static readonly string[] ListedSecrets = ["app-token", "db-pass"];

    public const string UnlistedSecret = "other-secret";

    private static readonly string[] ListedPullSecrets = ["regcred", "mirror-cred"];

    public const string UnlistedPullSecret = "other-cred";

    /// <summary>Names of what the generator adds to a pod: distinct from the pod generators' volume and env names.</summary>
    public const string SecretVolumeName = "sa-secret";

    public const string SecretEnvName = "SA_CASE_TOKEN";

    /// <summary>Annotation values strconv.ParseBool reads as true.</summary>
    private static readonly string[] TrueValues = ["true", "1", "t", "T", "TRUE", "True"];

    /// <summary>Values it reads as false, and values it refuses (<c>yes</c>, <c>on</c>, empty), which enforceMountableSecrets takes as false.</summary>
    private static readonly string[] NotTrueValues = ["false", "0", "F", "yes", "on", ""];

    /// <summary>None, one (most often) or two names of <paramref name="pool"/>, or (<paramref name="min"/> 1) one or two.</summary>
    private static Gen<ValueList<string>> Subset(string[] pool, int min = 0) =>
        from n in Gen.Frequency((min == 0 ? 1 : 0, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from shuffled in Gen.Shuffle(pool)
        select shuffled.Take(n).ToValueList();

    private static Gen<ValueMap<string>> Annotations(bool? enforce) =>
        enforce switch
        {
            true => Gen.Elements(TrueValues).Select(v => ValueMap.Of((EnforceAnnotation, v))),
            false => Gen.Frequency(
                (3, Gen.Constant(default(ValueMap<string>))),
                (1, Gen.Elements(NotTrueValues).Select(v => ValueMap.Of((EnforceAnnotation, v))))),
            null => Gen.Frequency(
                (3, Gen.Constant(default(ValueMap<string>))),
                (2, Gen.Elements(TrueValues).Select(v => ValueMap.Of((EnforceAnnotation, v)))),
                (1, Gen.Elements(NotTrueValues).Select(v => ValueMap.Of((EnforceAnnotation, v))))),
        };

    /// <summary>One account; <paramref name="enforce"/> forces the annotation to read true (or not), null leaves it to chance.</summary>
    private static Gen<ServiceAccount> Account(string ns, string name, bool? enforce) =>
        from automount in Gen.Elements<bool?>(null, false, false, true)
        from pull in Subset(ListedPullSecrets)
        from secrets in Subset(ListedSecrets)
        from annotations in Annotations(enforce)
        select new ServiceAccount { Namespace = ns, Name = name, AutomountServiceAccountToken = automount, ImagePullSecrets = pull, Secrets = secrets, Annotations = annotations };

    /// <summary><paramref name="min"/> to two distinct accounts of <paramref name="ns"/>, most often one.</summary>
    private static Gen<ValueList<ServiceAccount>> Accounts(string ns, int min) =>
        from count in Gen.Frequency((min == 0 ? 1 : 0, Gen.Constant(0)), (3, Gen.Constant(1)), (2, Gen.Constant(2)))
        from names in Gen.Shuffle(AccountNames.ToArray())
        from a in Account(ns, names[0], null)
        from b in Account(ns, names[1], null)
        select new[] { a, b }.Take(count).ToValueList();

    /// <summary>What the pod names: none, <c>default</c>, or a given account.</summary>
    private static Gen<string> Target(ValueList<ServiceAccount> accounts) =>
        accounts.IsEmpty
            ? Gen.Elements("", "default")
            : Gen.Frequency((1, Gen.Constant("")), (1, Gen.Constant("default")), (4, Gen.Elements(accounts.Select(a => a.Name).ToArray())));

    /// <summary>The namespace the create runs in (ADM-002: an empty one is the request's <c>default</c>).</summary>
    public static string NamespaceOf(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Metadata.Namespace.Length == 0 ? "default" : pod.Metadata.Namespace;
    }

    /// <summary>Where a reference goes: a secret volume, env or envFrom of the first init container (if any) or the first regular one.</summary>
    private enum Place
    {
        Volume,
        InitEnv,
        InitEnvFrom,
        Env,
        EnvFrom,
    }

    private static Pod Reference(Pod pod, Place place, string secret)
    {
        var spec = pod.Spec;
        if (place is Place.InitEnv or Place.InitEnvFrom && spec.InitContainers.IsEmpty)
        {
            place = place == Place.InitEnv ? Place.Env : Place.EnvFrom;
        }

        switch (place)
        {
            case Place.Volume:
                foreach (var v in spec.Volumes)
                {
                    if (v.Name == SecretVolumeName)
                    {
                        return pod;
                    }
                }

                return pod with { Spec = spec with { Volumes = spec.Volumes.Add(new Volume { Name = SecretVolumeName, SourceKind = "secret", Secret = new ObjectReference { Name = secret } }) } };
            case Place.InitEnv or Place.InitEnvFrom:
                return pod with { Spec = spec with { InitContainers = spec.InitContainers.SetItem(0, WithReference(spec.InitContainers[0], place == Place.InitEnv, secret)) } };
            default:
                return pod with { Spec = spec with { Containers = spec.Containers.SetItem(0, WithReference(spec.Containers[0], place == Place.Env, secret)) } };
        }
    }

    /// <summary>A container with one more reference; a second env entry gets its own name (a repeated name would be a create warning).</summary>
    private static Container WithReference(Container c, bool env, string secret) =>
        env
            ? c with { Env = c.Env.Add(new EnvVar { Name = c.Env.Any(e => e.Name == SecretEnvName) ? SecretEnvName + "_2" : SecretEnvName, ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = secret, Key = "token" } } }) }
            : c with { EnvFrom = c.EnvFrom.Add(new EnvFromSource { SecretRef = new ObjectReference { Name = secret } }) };

    private static readonly Place[] Places = [Place.Volume, Place.InitEnv, Place.InitEnvFrom, Place.Env, Place.EnvFrom];

    /// <summary>Zero to two Secret references, each a listed or the unlisted Secret at some place.</summary>
    private static Gen<Pod> References(Pod pod, string[] names) =>
        from n in Gen.Frequency((2, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from places in Gen.Elements(Places).ArrayOf(n)
        from secrets in Gen.Elements(names).ArrayOf(n)
        select places.Select((p, i) => (p, secrets[i])).Aggregate(pod, (acc, r) => Reference(acc, r.p, r.Item2));

    private static Pod Set(Pod pod, string name, bool? automount, ValueList<string> pullSecrets) =>
        pod with
        {
            Spec = pod.Spec with
            {
                ServiceAccountName = name,
                AutomountServiceAccountToken = automount,
                ImagePullSecrets = pullSecrets.Select(s => new LocalObjectReference { Name = s }).ToValueList(),
            },
        };

    /// <summary>A pod naming none, default or a given account, with its own settings and references; accepted or refused by ADM-036.</summary>
    private static Gen<ServiceAccountCase> Raw { get; } =
        from pod in PodGen.Valid
        from accounts in Accounts(NamespaceOf(pod), 0)
        from name in Target(accounts)
        from automount in Gen.Elements<bool?>(null, null, null, null, true, false)
        from ownPull in Gen.Frequency((1, Gen.Constant(default(ValueList<string>))), (1, Subset([.. ListedPullSecrets, UnlistedPullSecret], min: 1)))
        from referenced in References(Set(pod, name, automount, ownPull), [.. ListedSecrets, UnlistedSecret])
        select Classified(referenced, accounts, "service-account");

    private static ServiceAccountCase Classified(Pod pod, ValueList<ServiceAccount> accounts, string name) =>
        new(pod, accounts, Expected(pod, accounts), name);

    /// <summary>Pods the ServiceAccount plugin accepts with the case's accounts (the token mounted or not, pull secrets copied or not).</summary>
    public static Gen<ServiceAccountCase> Valid { get; } = Raw.Where(c => c.Rule is null);

    /// <summary>ADM-031: the pod names an account that is neither given nor <c>default</c> (the case has at least one account).</summary>
    public static Gen<ServiceAccountCase> Unknown { get; } =
        from pod in PodGen.Valid
        from accounts in Accounts(NamespaceOf(pod), 1)
        from automount in Gen.Elements<bool?>(null, true, false)
        let absent = AccountNames.FirstOrDefault(n => n != "default" && !accounts.Any(a => a.Name == n)) ?? MissingAccount
        from name in Gen.Elements(MissingAccount, absent)
        select new ServiceAccountCase(Set(pod, name, automount, default), accounts, AdmissionRules.ServiceAccountLookup, "unknown-service-account");

    /// <summary>
    /// ADM-036: the account the pod names (or <c>default</c>) enforces mountable secrets, and the pod references a Secret it
    /// does not list (a secret volume, init or regular env or envFrom), or names a pull secret it does not list.
    /// </summary>
    public static Gen<ServiceAccountCase> Unmountable { get; } =
        from pod in PodGen.Valid
        from others in Accounts(NamespaceOf(pod), 0)
        from target in Gen.Elements(AccountNames.ToArray())
        from enforcing in Account(NamespaceOf(pod), target, enforce: true)
        let accounts = others.Where(a => a.Name != target).Take(1).Append(enforcing).ToValueList()
        from name in target == "default" ? Gen.Elements("", "default") : Gen.Constant(target)
        from place in Gen.Frequency((5, Gen.Elements(Places).Select(p => (Place?)p)), (1, Gen.Constant<Place?>(null)))
        let named = Set(pod, name, null, place is null ? ValueList.Of(UnlistedPullSecret) : default)
        select new ServiceAccountCase(place is { } p ? Reference(named, p, UnlistedSecret) : named, accounts, AdmissionRules.ServiceAccountMountableSecrets, "unmountable-secret");

    /// <summary>The invalid variants, each with the rule that refuses it.</summary>
    public static IReadOnlyList<(string Rule, string Name, Gen<ServiceAccountCase> Gen)> Invalid { get; } =
    [
        (AdmissionRules.ServiceAccountLookup, "unknown-service-account", Unknown),
        (AdmissionRules.ServiceAccountMountableSecrets, "unmountable-secret", Unmountable),
    ];

    /// <summary>Valid and invalid cases, three in five valid.</summary>
    public static Gen<ServiceAccountCase> Any { get; } = Gen.Frequency((3, Valid), (1, Unknown), (1, Unmountable));

    /// <summary>
    /// The rule that refuses <paramref name="pod"/>'s create with <paramref name="accounts"/> (all of its namespace's), or
    /// null: the generator's own reading of ADM-031 and ADM-036, so a case can be made to pass or fail. The model decides each
    /// case (<see cref="Holds"/> is checked in Generators.Tests).
    /// </summary>
    public static string? Expected(Pod pod, ValueList<ServiceAccount> accounts)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string name = pod.Spec.ServiceAccountName.Length == 0 ? "default" : pod.Spec.ServiceAccountName;
        ServiceAccount? sa = name == "default" ? new ServiceAccount { Name = "default" } : null;
        foreach (var a in accounts)
        {
            if (a.Name == name)
            {
                sa = a;
            }
        }

        if (sa is null)
        {
            return AdmissionRules.ServiceAccountLookup;
        }

        bool enforce = sa.Annotations.TryGetValue(EnforceAnnotation, out string? value) && TrueValues.Contains(value);
        if (!enforce)
        {
            return null;
        }

        var listed = new HashSet<string>(sa.Secrets, StringComparer.Ordinal);
        bool unlisted = pod.Spec.Volumes.Any(v => v.Secret is { } s && !listed.Contains(s.Name))
            || pod.Spec.InitContainers.Concat(pod.Spec.Containers).Any(c =>
                c.Env.Any(e => e.ValueFrom?.SecretKeyRef is { } k && !listed.Contains(k.Name))
                || c.EnvFrom.Any(e => e.SecretRef is { } r && !listed.Contains(r.Name)))
            || pod.Spec.ImagePullSecrets.Any(r => !sa.ImagePullSecrets.Contains(r.Name));
        return unlisted ? AdmissionRules.ServiceAccountMountableSecrets : null;
    }

    /// <summary>Whether the case's create ends as the case says: accepted, or refused by its rule (the namespace's accounts given, and all of them).</summary>
    public static bool Holds(ServiceAccountCase c, Model.Profiles.Profile profile)
    {
        ArgumentNullException.ThrowIfNull(c);
        var created = PodCreate.Run(c.Pod, profile, ObjectsOf(c.Accounts));
        return c.Rule is null ? created.Accepted : created.Rejection is { } r && string.Equals(r.Rule, c.Rule, StringComparison.Ordinal);
    }

    /// <summary>The admission objects of a case's accounts: all of the namespace's (<see cref="AdmissionObjects.ServiceAccountsComplete"/>).</summary>
    public static AdmissionObjects ObjectsOf(ValueList<ServiceAccount> accounts) =>
        new() { ServiceAccounts = accounts, ServiceAccountsComplete = !accounts.IsEmpty };
}
