using PodConformance.Generators;
using PodConformance.Model.Admission;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Reports;

namespace PodConformance.Suite.Tests.Reports;

/// <summary>
/// A reported ServiceAccount case (ADM-030…036) replays with <c>podconf validate -f case.yaml --objects case.yaml</c>: the case
/// text read back as <c>--objects</c> reads it gives the case's pod and accounts (annotation values that YAML would read as
/// other types, such as <c>"true"</c> and <c>"yes"</c>, stay strings), and with <c>--objects-complete</c> (which the comment
/// asks for where the pod names a missing account) the create ends as the case's own.
/// </summary>
public sealed class ServiceAccountTextTests
{
    [Fact]
    public void The_case_text_reads_back_as_the_case_and_creates_alike()
    {
        var cases = Seeds.Sample(ServiceAccountCases.Any, ReplaySeed.Of(4271), 80);
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountLookup);
        Assert.Contains(cases, c => c.Accounts.Any(sa => sa.Annotations.Values.Any(v => v is "yes" or "" or "true" or "1")));
        foreach (var generated in cases)
        {
            var c = new PodCase(generated.Pod) { ServiceAccounts = generated.Accounts };
            var (text, objects, expected, replayed) = CaseTextReplay.ReadBack(c);
            Assert.Equal(c.AdmissionObjects().ServiceAccounts, objects.ServiceAccounts);
            Assert.Equal(expected.Stored.Spec.ImagePullSecrets, replayed.Stored.Spec.ImagePullSecrets);
            Assert.Equal(expected.Stored.Spec.Volumes.Count, replayed.Stored.Spec.Volumes.Count);

            bool missing = generated.Rule == AdmissionRules.ServiceAccountLookup;
            Assert.Equal(missing, text.Contains("'s ServiceAccounts besides default: ServiceAccount " + generated.Pod.Spec.ServiceAccountName
                + " is missing (replay with --objects-complete)\n", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_account_is_a_v1_document_in_the_pod_s_namespace()
    {
        var c = new PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "p", Namespace = "team-a" } })
        {
            ServiceAccounts =
            [
                new Model.Admission.Objects.ServiceAccount
                {
                    Name = "builder",
                    AutomountServiceAccountToken = false,
                    Secrets = ["app-token"],
                    ImagePullSecrets = ["regcred"],
                    Annotations = Model.Collections.ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", "true")),
                },
            ],
        };
        Assert.EndsWith(
            "---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: builder\n  namespace: team-a\n  annotations:\n    kubernetes.io/enforce-mountable-secrets: \"true\"\n"
            + "automountServiceAccountToken: false\nsecrets:\n- name: app-token\nimagePullSecrets:\n- name: regcred\n",
            CaseText.Render(c),
            StringComparison.Ordinal);
    }
}
