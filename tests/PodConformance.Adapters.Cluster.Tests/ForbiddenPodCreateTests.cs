using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// The 403s of a pod create, told apart by their whole texts. Sources: the ServiceAccount plugin's <c>Admit</c> and
/// <c>getServiceAccount</c> (plugin/pkg/admission/serviceaccount/admission.go; spec/admission.md SA row, ADM-031),
/// NamespaceLifecycle's <c>Admit</c> (staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go),
/// <c>admission.NewForbidden</c> (ADM-011); PodSecurity's and a webhook's refusals, the cluster's own configuration
/// (<see cref="ClusterPolicyDenialTests"/> has their sources). Messages are as the API server's Status carries them.
/// </summary>
public class ForbiddenPodCreateTests
{
    private const string Ns = "podconf-test-20261207-190000-abcdef";

    private static string Forbidden(string message) => Status(403, "Forbidden", message.Replace("\"", "\\\"", StringComparison.Ordinal));

    [Theory]
    [InlineData("pods \"web\" is forbidden: error looking up service account " + Ns + "/default: serviceaccount \"default\" not found", ForbiddenKind.DefaultServiceAccountNotYetCreated)]
    [InlineData("pods \"web-\" is forbidden: error looking up service account " + Ns + "/default: serviceaccount \"default\" not found", ForbiddenKind.DefaultServiceAccountNotYetCreated)]
    [InlineData("pods \"web\" is forbidden: error looking up service account " + Ns + "/builder: serviceaccount \"builder\" not found", ForbiddenKind.AdmissionRefusal)]
    [InlineData("pods \"web\" is forbidden: error looking up service account " + Ns + "/default-x: serviceaccount \"default-x\" not found", ForbiddenKind.AdmissionRefusal)]
    [InlineData("pods \"web\" is forbidden: error looking up service account other/default: serviceaccount \"default\" not found", ForbiddenKind.AdmissionRefusal)]
    [InlineData("pods \"web\" is forbidden: not yet ready to handle request", ForbiddenKind.AdmissionNotReady)]
    [InlineData("pods \"web\" is forbidden: unable to create new content in namespace " + Ns + " because it is being terminated", ForbiddenKind.NamespaceTerminating)]
    [InlineData("pods is forbidden: User \"system:serviceaccount:podconf:runner\" cannot create resource \"pods\" in API group \"\" in the namespace \"" + Ns + "\"", ForbiddenKind.Authorization)]
    [InlineData("pods \"web\" is forbidden: a mirror pod may not reference service accounts", ForbiddenKind.AdmissionRefusal)]
    [InlineData("pods \"web\" is forbidden: violates PodSecurity \"restricted:latest\": runAsNonRoot != true (pod or container \"web\" must set securityContext.runAsNonRoot=true)", ForbiddenKind.ClusterPolicy)]
    [InlineData("admission webhook \"validation.gatekeeper.sh\" denied the request: [no-privileged] not allowed", ForbiddenKind.ClusterPolicy)]
    public void Each_refusal_is_told_by_its_whole_text(string message, ForbiddenKind expected) =>
        Assert.Equal(expected, ForbiddenPodCreate.Classify(Forbidden(message), Ns));

    [Fact]
    public void A_terminating_namespace_is_told_apart_with_its_cause_as_the_server_sends_it()
    {
        string body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"pods \\\"web\\\" is forbidden: unable to create new content in namespace "
            + Ns + " because it is being terminated\",\"reason\":\"Forbidden\",\"details\":{\"name\":\"web\",\"kind\":\"pods\",\"causes\":[{\"reason\":\"NamespaceTerminating\",\"message\":\"namespace "
            + Ns + " is being terminated\",\"field\":\"metadata.namespace\"}]},\"code\":403}";
        Assert.Equal(ForbiddenKind.NamespaceTerminating, ForbiddenPodCreate.Classify(body, Ns));
        var observation = AdmissionMapping.Map(new ClusterApi.CreateResponse(403, body), TestPods.Web, Ns, out string error);
        Assert.Null(observation);
        Assert.Equal("dry-run create was the run's namespace " + Ns + " is being deleted (by another client: podconf deletes it only at the end): metadata.namespace: namespace " + Ns + " is being terminated", error);
    }

    [Theory]
    [InlineData("", "default")]
    [InlineData("team-a", "team-a")]
    public void The_service_account_refusal_names_the_model_s_namespace(string manifestNamespace, string modelNamespace)
    {
        string cluster = "pods \"web\" is forbidden: error looking up service account " + Ns + "/builder: serviceaccount \"builder\" not found";
        Assert.Equal(
            "pods \"web\" is forbidden: error looking up service account " + modelNamespace + "/builder: serviceaccount \"builder\" not found",
            ForbiddenPodCreate.InModelNamespace(cluster, Ns, manifestNamespace));

        // Other texts are left alone, the run's namespace in them included.
        string other = "pods \"web\" is forbidden: unable to create new content in namespace " + Ns + " because it is being terminated";
        Assert.Equal(other, ForbiddenPodCreate.InModelNamespace(other, Ns, manifestNamespace));
    }
}
