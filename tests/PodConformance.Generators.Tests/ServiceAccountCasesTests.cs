using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="ServiceAccountCases"/>: each generated case ends as it says under every release (ADM-031 and ADM-036 refuse
/// their variants with kubernetes' texts, plugin/pkg/admission/serviceaccount/admission.go v1.35.0 blob 3ee81cdf18), and each
/// rule the cases are for (ADM-031, ADM-032, ADM-034, ADM-036) sees both outcomes.
/// </summary>
public sealed class ServiceAccountCasesTests
{
    [Theory]
    [InlineData(28)]
    [InlineData(33)]
    [InlineData(37)]
    public void Every_case_is_accepted_or_refused_by_its_rule(int minor)
    {
        var profile = Profile.For(new KubernetesVersion(1, minor));
        var cases = Seeds.Sample(ServiceAccountCases.Any, ReplaySeed.Of(4251), 200);
        Assert.All(cases, c => Assert.True(ServiceAccountCases.Holds(c, profile), c.Name + ": " + PodCreate.Run(c.Pod, profile, ServiceAccountCases.ObjectsOf(c.Accounts)).Rejection?.Message));
        Assert.Contains(cases, c => c.Rule is null);
        Assert.All(ServiceAccountCases.Invalid, v => Assert.Contains(cases, c => c.Rule == v.Rule));
    }

    private static bool Mounted(Pod stored) => stored.Spec.Volumes.Any(v => v.Name.StartsWith("kube-api-access-", StringComparison.Ordinal));

    private static ServiceAccount? Named(ServiceAccountCase c)
    {
        string name = c.Pod.Spec.ServiceAccountName.Length == 0 ? "default" : c.Pod.Spec.ServiceAccountName;
        return c.Accounts.FirstOrDefault(a => a.Name == name);
    }

    [Fact]
    public void Each_rule_sees_both_outcomes()
    {
        var cases = Seeds.Sample(ServiceAccountCases.Any, ReplaySeed.Of(4252), 400);
        var valid = cases.Where(c => c.Rule is null).Select(c => (Case: c, Stored: PodCreate.Run(c.Pod, Profile.Default, ServiceAccountCases.ObjectsOf(c.Accounts)).Stored)).ToList();

        // ADM-030/031: no name, default, a given account; a missing one is refused.
        Assert.Contains(valid, v => v.Case.Pod.Spec.ServiceAccountName.Length == 0 && Named(v.Case) is not null);
        Assert.Contains(valid, v => v.Case.Pod.Spec.ServiceAccountName is { Length: > 0 } n && n != "default");
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountLookup);

        // ADM-032: the account's false suppresses the token unless the pod says true; the pod's false wins over the account's true.
        Assert.Contains(valid, v => Named(v.Case)?.AutomountServiceAccountToken == false && v.Case.Pod.Spec.AutomountServiceAccountToken is null && !Mounted(v.Stored));
        Assert.Contains(valid, v => Named(v.Case)?.AutomountServiceAccountToken == false && v.Case.Pod.Spec.AutomountServiceAccountToken == true && Mounted(v.Stored));
        Assert.Contains(valid, v => Named(v.Case)?.AutomountServiceAccountToken == true && v.Case.Pod.Spec.AutomountServiceAccountToken == false && !Mounted(v.Stored));
        Assert.Contains(valid, v => Named(v.Case) is { AutomountServiceAccountToken: null } && v.Case.Pod.Spec.AutomountServiceAccountToken is null && Mounted(v.Stored));

        // ADM-034: a pod with none gets the account's pull secrets; a pod with its own keeps them.
        Assert.Contains(valid, v => v.Case.Pod.Spec.ImagePullSecrets.IsEmpty && Named(v.Case) is { ImagePullSecrets.IsEmpty: false } sa
            && v.Stored.Spec.ImagePullSecrets.Select(r => r.Name).SequenceEqual(sa.ImagePullSecrets));
        Assert.Contains(valid, v => !v.Case.Pod.Spec.ImagePullSecrets.IsEmpty && Named(v.Case) is { ImagePullSecrets.IsEmpty: false } sa
            && v.Stored.Spec.ImagePullSecrets == v.Case.Pod.Spec.ImagePullSecrets && !v.Stored.Spec.ImagePullSecrets.Select(r => r.Name).SequenceEqual(sa.ImagePullSecrets));

        // ADM-036: an enforcing account accepts the Secrets it lists and refuses others; a value ParseBool does not read as true enforces nothing.
        bool References(ServiceAccountCase c) => c.Pod.Spec.Volumes.Any(v => v.Secret is not null)
            || c.Pod.Spec.InitContainers.Concat(c.Pod.Spec.Containers).Any(x => x.Env.Any(e => e.ValueFrom?.SecretKeyRef is not null) || x.EnvFrom.Any(e => e.SecretRef is not null));
        bool Annotated(ServiceAccountCase c, out string value)
        {
            value = "";
            return Named(c) is { } sa && sa.Annotations.TryGetValue(ServiceAccountCases.EnforceAnnotation, out value!);
        }

        Assert.Contains(valid, v => Annotated(v.Case, out string value) && value is "true" or "1" or "t" or "T" or "TRUE" or "True" && References(v.Case));
        Assert.Contains(valid, v => Annotated(v.Case, out string value) && value is "yes" or "on" or "" && References(v.Case));
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountMountableSecrets && c.Pod.Spec.ImagePullSecrets.Any(r => r.Name == ServiceAccountCases.UnlistedPullSecret));
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountMountableSecrets && c.Pod.Spec.Volumes.Any(v => v.Secret?.Name == ServiceAccountCases.UnlistedSecret));
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountMountableSecrets && c.Pod.Spec.InitContainers.Any(x => x.EnvFrom.Any(e => e.SecretRef?.Name == ServiceAccountCases.UnlistedSecret)));
    }

    [Fact]
    public void The_refusals_carry_kubernetes_texts()
    {
        var unknown = Seeds.Sample(ServiceAccountCases.Unknown, ReplaySeed.Of(4253), 1)[0];
        string ns = ServiceAccountCases.NamespaceOf(unknown.Pod);
        string name = unknown.Pod.Spec.ServiceAccountName;
        Assert.EndsWith("is forbidden: error looking up service account " + ns + "/" + name + ": serviceaccount \"" + name + "\" not found",
            PodCreate.Run(unknown.Pod, Profile.Default, ServiceAccountCases.ObjectsOf(unknown.Accounts)).Rejection?.Message, StringComparison.Ordinal);

        // Without the accounts being all of the namespace's (--objects alone), the same account is assumed to exist (ADM-098).
        var assumed = PodCreate.Run(unknown.Pod, Profile.Default, new AdmissionObjects { ServiceAccounts = unknown.Accounts });
        Assert.NotEqual(AdmissionRules.ServiceAccountLookup, assumed.Rejection?.Rule);

        // limitSecretReferences' texts, one per place, for an account that lists no Secret (pod built by hand).
        var pod = Seeds.Sample(PodGen.Valid, ReplaySeed.Of(4254), 1)[0];
        pod = pod with { Spec = pod.Spec with { ServiceAccountName = "builder" } };
        ValueList<ServiceAccount> accounts = [new ServiceAccount { Namespace = ServiceAccountCases.NamespaceOf(pod), Name = "builder", Annotations = ValueMap.Of((ServiceAccountCases.EnforceAnnotation, "T")) }];
        string container = pod.Spec.Containers[0].Name;
        var withEnv = pod with { Spec = pod.Spec with { Containers = pod.Spec.Containers.SetItem(0, pod.Spec.Containers[0] with { Env = [new EnvVar { Name = "X", ValueFrom = new EnvVarSource { SecretKeyRef = new KeySelector { Name = "s", Key = "k" } } }] }) } };
        Assert.EndsWith("is forbidden: container " + container + " with envVar X referencing secret.secretName=\"s\" is not allowed because service account builder does not reference that secret",
            PodCreate.Run(withEnv, Profile.Default, ServiceAccountCases.ObjectsOf(accounts)).Rejection?.Message, StringComparison.Ordinal);
        var withPull = pod with { Spec = pod.Spec with { ImagePullSecrets = [new LocalObjectReference { Name = "other-cred" }] } };
        Assert.EndsWith("is forbidden: imagePullSecrets[0].name=\"other-cred\" is not allowed because service account builder does not reference that imagePullSecret",
            PodCreate.Run(withPull, Profile.Default, ServiceAccountCases.ObjectsOf(accounts)).Rejection?.Message, StringComparison.Ordinal);
        var withVolume = pod with { Spec = pod.Spec with { Volumes = pod.Spec.Volumes.Add(new Volume { Name = "sv", SourceKind = "secret", Secret = new ObjectReference { Name = "s" } }) } };
        Assert.EndsWith("is forbidden: volume with secret.secretName=\"s\" is not allowed because service account builder does not reference that secret",
            PodCreate.Run(withVolume, Profile.Default, ServiceAccountCases.ObjectsOf(accounts)).Rejection?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shrinker_offers_smaller_accounts_only()
    {
        var cases = Seeds.Sample(ServiceAccountCases.Any, ReplaySeed.Of(4255), 60);
        Assert.All(cases, c => Assert.All(ServiceAccountShrinker.Shrink(c.Accounts), smaller => Assert.True(
            smaller.Count < c.Accounts.Count
            || smaller.Zip(c.Accounts).Count(p => p.First != p.Second) == 1,
            "one change per step")));
        Assert.Contains(cases, c => ServiceAccountShrinker.Shrink(c.Accounts).Any());
    }
}
