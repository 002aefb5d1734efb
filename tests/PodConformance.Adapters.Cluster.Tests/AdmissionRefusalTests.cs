using PodConformance.Model.Api;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>HTTP 403 from a dry-run create: an admission plugin's refusal (ADM-011) is the pod's verdict; RBAC's is an adapter error.</summary>
public class AdmissionRefusalTests
{
    private static readonly Pod Sent = new() { Metadata = new ObjectMeta { Name = "p", Namespace = "ns" } };

    [Fact]
    public void A_plugin_refusal_is_a_rejection_with_the_status_message()
    {
        const string message = "pods \\\"p\\\" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name";
        var observation = AdmissionMapping.Map(new ClusterApi.CreateResponse(403, Status(403, "Forbidden", message)), Sent, out string error);
        Assert.Equal("", error);
        Assert.NotNull(observation);
        Assert.False(observation.Accepted);
        Assert.Equal(["pods \"p\" is forbidden: the integer value of priority (1000) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name"], observation.Errors);
    }

    [Fact]
    public void An_authorization_refusal_is_an_adapter_error()
    {
        const string message = "pods is forbidden: User \\\"system:serviceaccount:podconf:runner\\\" cannot create resource \\\"pods\\\" in API group \\\"\\\" in the namespace \\\"ns\\\"";
        var observation = AdmissionMapping.Map(new ClusterApi.CreateResponse(403, Status(403, "Forbidden", message)), Sent, out string error);
        Assert.Null(observation);
        Assert.StartsWith("dry-run create was refused by authorization: pods is forbidden: User ", error, StringComparison.Ordinal);
    }
}
