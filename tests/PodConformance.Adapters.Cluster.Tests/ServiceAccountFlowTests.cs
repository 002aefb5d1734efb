using System.Text.Json;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// The ServiceAccount plugin's "not found" (ADM-031) for the run's fresh namespace: <c>default</c> not created yet is
/// waited for; a named account the namespace does not have is the pod's refusal, in the model's words (the adapter creates
/// the accounts a case assumes first: <see cref="RunServiceAccountsTests"/>).
/// </summary>
public class ServiceAccountFlowTests
{
    /// <summary>The plugin's refusal as kube-apiserver sends it: <c>admission.NewForbidden</c> (ADM-011) around getServiceAccount's NotFound.</summary>
    private static FakeResponse Missing(FakeRequest r, string ns, string account)
    {
        using var doc = JsonDocument.Parse(r.Body);
        string name = doc.RootElement.GetProperty("metadata").GetProperty("name").GetString()!;
        return FakeResponse.Json(403, Status(403, "Forbidden", "pods \\\"" + name + "\\\" is forbidden: error looking up service account " + ns + "/" + account + ": serviceaccount \\\"" + account + "\\\" not found"));
    }

    private static Pod Naming(string account, string ns = "") =>
        TestPods.Web with { Metadata = TestPods.Web.Metadata with { Namespace = ns }, Spec = TestPods.Web.Spec with { ServiceAccountName = account } };

    [Fact]
    public async Task The_default_account_not_created_yet_is_waited_for()
    {
        int calls = 0;
        var log = new List<string>();
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((r, ns) =>
            Interlocked.Increment(ref calls) <= 2 ? Missing(r, ns, "default") : FakeResponse.Json(201, CreatedPod(ns))));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(log), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Failure);
        Assert.True(o.Admission!.Accepted);
        Assert.Equal(3, calls);
        Assert.Equal(2, log.Count(l => l.Contains("the namespace's default service account does not exist yet; retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_default_account_never_created_fails_the_case_as_the_adapter_s_error_not_a_rejection()
    {
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((r, ns) => Missing(r, ns, "default")));
        var options = TestPods.Options();
        await using var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Admission);
        Assert.EndsWith(": the namespace's default service account does not exist yet", o.Failure, StringComparison.Ordinal);
        Assert.Equal(options.Retry.MaxAttempts, server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods").Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("team-a")]
    public void A_named_account_the_namespace_lacks_is_a_rejection_in_the_model_s_words(string manifestNamespace)
    {
        // Reached only when the case says the account is missing (MissingObjects.NotFound): otherwise the adapter creates
        // it first (RunServiceAccounts). The cluster then answers as the model does when the objects given are all there
        // are (ADM-031 with --objects-complete).
        const string runNamespace = "podconf-test-20261207-190000-abcdef";
        var pod = Naming("builder", manifestNamespace);
        var request = new FakeRequest("POST", "/api/v1/namespaces/" + runNamespace + "/pods", "", Manifests.Writing.PodManifestWriter.ToJson(pod), null);
        var answer = Missing(request, runNamespace, "builder");
        var observation = AdmissionMapping.Map(new ClusterApi.CreateResponse(answer.Status, answer.Body), pod, runNamespace, out string error);

        Assert.Equal("", error);
        Assert.False(observation!.Accepted);
        Assert.Equal(
            ["pods \"web\" is forbidden: error looking up service account " + (manifestNamespace.Length == 0 ? "default" : manifestNamespace) + "/builder: serviceaccount \"builder\" not found"],
            observation.Errors);

        var model = ModelAdapter.ObserveAdmission(pod, TestPods.Profile131, PodCreateStages.Real, AdmissionObjects.None with { Missing = MissingObjects.NotFound });
        Assert.True(AdmissionErrors.Compare(model, observation).Pass, string.Join("; ", model.Errors));
    }

    [Fact]
    public async Task A_created_account_admission_never_sees_fails_the_lifecycle_case_too_never_a_rejection()
    {
        var fake = new ServiceAccountsFake { Admitted = ns => CreatedPod(ns), Lag = 1000 };
        await using var server = new FakeApiServer(fake.Handle);
        var options = TestPods.Options(layers: ClusterLayers.Lifecycle);
        await using var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(Naming("builder")), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Lifecycle);
        Assert.EndsWith(": the API server's admission does not see the service account builder, created by this run, yet", o.Failure, StringComparison.Ordinal);
        Assert.Equal(options.Retry.MaxAttempts, server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods").Count());
    }
}
