using System.Text.Json;
using System.Text.Json.Nodes;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// The ServiceAccounts a case's pod names: the model assumes they exist (ADM-098), the run's namespace holds only
/// <c>default</c>, so the adapter creates them (spec/adapter-cluster.md "ServiceAccounts"). Against
/// <see cref="ServiceAccountsFake"/>, which refuses a pod naming an account its namespace lacks, as the plugin does.
/// </summary>
public class RunServiceAccountsTests
{
    private const string RbacRefusal = "serviceaccounts is forbidden: User \\\"system:serviceaccount:default:podconf\\\" cannot create resource \\\"serviceaccounts\\\" in API group \\\"\\\" in the namespace \\\"x\\\"";

    private static Pod Naming(string account, string ns = "") =>
        TestPods.Web with { Metadata = TestPods.Web.Metadata with { Namespace = ns }, Spec = TestPods.Web.Spec with { ServiceAccountName = account } };

    /// <summary>The 201 body a server that admits as the model does would send: the model's stored pod, in the run's namespace.</summary>
    private static Func<string, string> AsTheModelStores(Pod pod) => ns =>
    {
        var stored = PodCreate.Run(pod, TestPods.Profile131, AdmissionObjects.None).Stored;
        var json = JsonNode.Parse(PodManifestWriter.ToJson(stored with { Metadata = stored.Metadata with { Namespace = ns }, Status = null }))!.AsObject();
        json["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = stored.Status?.QosClass ?? "" };
        return json.ToJsonString();
    };

    private static IEnumerable<FakeRequest> AccountCreates(FakeApiServer server, ClusterAdapter adapter) =>
        server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/serviceaccounts");

    private static IEnumerable<FakeRequest> PodCreates(FakeApiServer server, ClusterAdapter adapter) =>
        server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods");

    [Theory]
    [InlineData("")]
    [InlineData("team-a")]
    public async Task A_named_account_is_created_once_with_the_run_s_labels_and_the_pod_is_admitted_as_the_model_admits_it(string manifestNamespace)
    {
        var pod = Naming("builder", manifestNamespace);
        var fake = new ServiceAccountsFake { Admitted = AsTheModelStores(pod) };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var testCase = new PodCase(pod);

        // Concurrent cases share the run's one account.
        var observations = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => adapter.RunAsync(testCase, TestPods.Profile131, CancellationToken.None).AsTask()));

        var model = ModelAdapter.ObserveAdmission(testCase, TestPods.Profile131);
        Assert.True(model.Accepted);
        foreach (var o in observations)
        {
            Assert.Null(o.Failure);
            Assert.Null(o.NotPerformed);
            Assert.True(o.Admission!.Accepted, string.Join("; ", o.Admission.Errors));
            Assert.Equal(model.QosClass, o.Admission.QosClass);
            Assert.Equal(model.Defaults.OrderBy(kv => kv.Key, StringComparer.Ordinal), o.Admission.Defaults.OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }

        Assert.Equal("builder", model.Defaults["spec.serviceAccountName"]);
        var create = Assert.Single(AccountCreates(server, adapter));
        using var doc = JsonDocument.Parse(create.Body);
        var root = doc.RootElement;

        // Nothing the ServiceAccount plugin reads (automountServiceAccountToken, imagePullSecrets, secrets, annotations):
        // the model's assumed account has no settings of its own.
        Assert.Equal(["apiVersion", "kind", "metadata"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["name", "namespace", "labels"], root.GetProperty("metadata").EnumerateObject().Select(p => p.Name));
        Assert.Equal("ServiceAccount", root.GetProperty("kind").GetString());
        Assert.Equal("builder", root.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(adapter.Namespace!.Name, root.GetProperty("metadata").GetProperty("namespace").GetString());
        var labels = root.GetProperty("metadata").GetProperty("labels");
        Assert.Equal("podconf", labels.GetProperty("app.kubernetes.io/managed-by").GetString());
        Assert.Equal(adapter.Namespace.RunId, labels.GetProperty("podconf.io/run").GetString());
        Assert.Equal(4, PodCreates(server, adapter).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("default")]
    public async Task No_account_is_created_for_default_or_an_absent_name(string account)
    {
        var pod = Naming(account);
        var fake = new ServiceAccountsFake { Admitted = AsTheModelStores(pod) };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Failure);
        Assert.True(o.Admission!.Accepted);
        Assert.Empty(server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/serviceaccounts"));
        Assert.Single(PodCreates(server, adapter));
    }

    [Fact]
    public void What_a_case_needs_named_by_the_pod_and_only_that()
    {
        Assert.Equal("builder", RunServiceAccounts.Needed(new PodCase(Naming("builder"))));
        Assert.Null(RunServiceAccounts.Needed(new PodCase(Naming(""))));
        Assert.Null(RunServiceAccounts.Needed(new PodCase(Naming("default"))));

        // A mirror pod naming an account is refused before any lookup (ADM-035): nothing to create.
        var mirror = Naming("builder") with { Metadata = TestPods.Web.Metadata with { Annotations = TestPods.Web.Metadata.Annotations.SetItem("kubernetes.io/config.mirror", "x") } };
        Assert.Null(RunServiceAccounts.Needed(new PodCase(mirror)));
    }

    [Fact]
    public async Task An_account_admission_does_not_see_yet_is_waited_for()
    {
        var pod = Naming("builder");
        var log = new List<string>();
        var fake = new ServiceAccountsFake { Admitted = AsTheModelStores(pod), Lag = 2 };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(log), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Failure);
        Assert.True(o.Admission!.Accepted);
        Assert.Equal(3, PodCreates(server, adapter).Count());
        Assert.Equal(2, log.Count(l => l.Contains("does not see the service account builder, created by this run, yet; retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_account_admission_never_sees_fails_the_case_and_is_never_a_rejection()
    {
        var pod = Naming("builder");
        var options = TestPods.Options();
        var fake = new ServiceAccountsFake { Admitted = AsTheModelStores(pod), Lag = 1000 };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Admission);
        Assert.EndsWith(": the API server's admission does not see the service account builder, created by this run, yet", o.Failure, StringComparison.Ordinal);
        Assert.Equal(options.Retry.MaxAttempts, PodCreates(server, adapter).Count());
    }

    [Theory]
    [InlineData(ClusterLayers.Admission)]
    [InlineData(ClusterLayers.Admission | ClusterLayers.Lifecycle)]
    public async Task A_forbidden_account_makes_the_case_not_performed_sends_no_pod_and_is_not_asked_again(ClusterLayers layers)
    {
        var pod = Naming("builder");
        var fake = new ServiceAccountsFake
        {
            Admitted = AsTheModelStores(pod),
            Override = r => r.Method == "POST" && r.Path.EndsWith("/serviceaccounts", StringComparison.Ordinal) ? FakeResponse.Json(403, Status(403, "Forbidden", RbacRefusal)) : null,
        };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(layers: layers), TestPods.Config(server.Url));
        for (int i = 0; i < 2; i++)
        {
            var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Failure);
            Assert.Null(o.Admission);
            Assert.Null(o.Lifecycle);
            Assert.Equal(
                "creating the ServiceAccount \"builder\" the case's pod names (the model assumes it exists, ADM-098) was forbidden: "
                + RbacRefusal.Replace("\\\"", "\"", StringComparison.Ordinal)
                + ". The cluster adapter needs the verbs create and get on serviceaccounts (spec/cluster/rbac.yaml)",
                o.NotPerformed);
        }

        Assert.Single(AccountCreates(server, adapter));
        Assert.Empty(PodCreates(server, adapter));
    }

    /// <summary>A webhook refusing the account is the cluster's configuration, not missing RBAC verbs.</summary>
    [Fact]
    public async Task A_webhook_denying_the_account_is_not_performed_as_the_cluster_s_configuration()
    {
        var pod = Naming("builder");
        var fake = new ServiceAccountsFake
        {
            Admitted = AsTheModelStores(pod),
            Override = r => r.Method == "POST" && r.Path.EndsWith("/serviceaccounts", StringComparison.Ordinal)
                ? FakeResponse.Json(403, DenialBodies.Webhook("sa-guard.example.com", "service accounts need an owner annotation"))
                : null,
        };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Failure);
        Assert.Null(o.Admission);
        Assert.StartsWith(
            "creating the ServiceAccount \"builder\" the case's pod names (the model assumes it exists, ADM-098) was denied by the admission webhook \"sa-guard.example.com\" (HTTP 403)",
            o.NotPerformed,
            StringComparison.Ordinal);
        Assert.DoesNotContain("verbs", o.NotPerformed, StringComparison.Ordinal);
        Assert.Empty(PodCreates(server, adapter));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_taken_as_ours_after_reading_the_run_s_labels_back()
    {
        var pod = Naming("builder");
        int posts = 0;
        ServiceAccountsFake fake = null!;
        fake = new ServiceAccountsFake
        {
            Admitted = AsTheModelStores(pod),

            // The first create is stored but its answer is a 503 (lost): the retry meets 409 AlreadyExists.
            Override = r =>
            {
                if (r.Method == "POST" && r.Path.EndsWith("/serviceaccounts", StringComparison.Ordinal) && Interlocked.Increment(ref posts) == 1)
                {
                    _ = fake.Handle(r);
                    return FakeResponse.Json(503, Status(503, "ServiceUnavailable", "lost"));
                }

                return null;
            },
        };
        await using var server = new FakeApiServer(r => fake.Handle(r));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Failure);
        Assert.True(o.Admission!.Accepted);
        Assert.Equal(2, AccountCreates(server, adapter).Count());
        Assert.Single(server.Where("GET", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/serviceaccounts/builder"));
    }

    [Fact]
    public async Task An_existing_account_without_the_run_s_labels_is_not_used()
    {
        var pod = Naming("builder");
        var fake = new ServiceAccountsFake
        {
            Admitted = AsTheModelStores(pod),
            Override = r =>
            {
                if (r.Method == "POST" && r.Path.EndsWith("/serviceaccounts", StringComparison.Ordinal))
                {
                    return FakeResponse.Json(409, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"reason\":\"AlreadyExists\",\"code\":409}");
                }

                return r.Method == "GET" && r.Path.EndsWith("/serviceaccounts/builder", StringComparison.Ordinal)
                    ? FakeResponse.Json(200, "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"builder\",\"labels\":{\"app.kubernetes.io/managed-by\":\"podconf\",\"podconf.io/run\":\"another-run\"}},\"automountServiceAccountToken\":false}")
                    : null;
            },
        };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);
        Assert.Null(o.Admission);
        Assert.EndsWith("serviceaccount " + adapter.Namespace!.Name + "/builder already exists and is not this run's: not using it", o.Failure, StringComparison.Ordinal);
        Assert.Empty(PodCreates(server, adapter));
    }
}
