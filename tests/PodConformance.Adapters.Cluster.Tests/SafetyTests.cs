using k8s.Models;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Suite.Cases;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>Never by accident, only its own namespaces, nothing secret printed.</summary>
public class SafetyTests
{
    [Fact]
    public void Refuses_without_prefix_or_confirmation()
    {
        var errors = new ClusterOptions().Validate();
        Assert.Contains(errors, e => e.StartsWith("refusing to run against a Kubernetes cluster", StringComparison.Ordinal));
        Assert.Throws<ClusterSafetyException>(() => ClusterAdapter.Create(new ClusterOptions(), TestPods.Config("http://127.0.0.1:1")));
        Assert.Empty(new ClusterOptions { NamespacePrefix = "ci" }.Validate());
        Assert.Empty(new ClusterOptions { Confirmed = true }.Validate());
        Assert.Equal("podconf", new ClusterOptions { Confirmed = true }.EffectivePrefix);
    }

    [Theory]
    [InlineData("Prod")]
    [InlineData("1abc")]
    [InlineData("a_b")]
    [InlineData("abcdefghijabcdefghijabcdefghijx")]
    public void Prefixes_must_leave_room_for_a_dns_label(string prefix) =>
        Assert.Contains(new ClusterOptions { NamespacePrefix = prefix }.Validate(), e => e.StartsWith("--namespace-prefix", StringComparison.Ordinal));

    [Fact]
    public void Run_namespaces_are_dns_labels_with_the_suite_s_labels()
    {
        var ns = RunNamespace.New("abcdefghijabcdefghijabcdefghij", DateTimeOffset.UtcNow);
        Assert.InRange(ns.Name.Length, 1, 63);
        Assert.Matches("^[a-z][-a-z0-9]*[a-z0-9]$", ns.Name);
        Assert.True(RunNamespace.IsOurs(ns.ToObject(), "abcdefghijabcdefghijabcdefghij"));
        Assert.False(RunNamespace.IsOurs(ns.ToObject(), "other"));
    }

    [Fact]
    public void System_namespaces_are_never_ours_even_when_labelled()
    {
        var labels = new Dictionary<string, string> { [ClusterInfo.ManagedByLabel] = ClusterInfo.ManagedByValue };
        Assert.False(RunNamespace.IsOurs(new V1Namespace { Metadata = new V1ObjectMeta { Name = "kube-system", Labels = labels } }, null));
        Assert.False(RunNamespace.IsOurs(new V1Namespace { Metadata = new V1ObjectMeta { Name = "default", Labels = labels } }, null));
        Assert.False(RunNamespace.IsOurs(new V1Namespace { Metadata = new V1ObjectMeta { Name = "podconf-x" } }, null));
    }

    [Fact]
    public async Task Cleanup_deletes_only_old_labelled_namespaces_with_the_prefix()
    {
        var now = new DateTimeOffset(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);
        var objects = new Dictionary<string, string>
        {
            ["podconf-test-20250131-100000-aaaaaa"] = Namespace("podconf-test-20250131-100000-aaaaaa", labelled: true, "2025-01-31T10:00:00Z"),
            ["podconf-test-20250131-115900-bbbbbb"] = Namespace("podconf-test-20250131-115900-bbbbbb", labelled: true, "2025-01-31T11:59:00Z"),
            ["other-20250131-100000-cccccc"] = Namespace("other-20250131-100000-cccccc", labelled: true, "2025-01-31T10:00:00Z"),

            // A server (or proxy) that ignored the label selector: the adapter checks the labels itself.
            ["podconf-test-not-ours"] = Namespace("podconf-test-not-ours", labelled: false, "2025-01-31T10:00:00Z"),
        };
        await using var server = new FakeApiServer(r =>
        {
            if (r.Method == "GET" && r.Path == "/api/v1/namespaces")
            {
                Assert.Contains("labelSelector=app.kubernetes.io/managed-by=podconf", r.Query, StringComparison.Ordinal);
                return FakeResponse.Json(200, NamespaceList([.. objects.Values]));
            }

            string name = r.Path.Split('/')[^1];
            return objects.TryGetValue(name, out var body) ? FakeResponse.Json(200, body) : FakeResponse.Json(404, Status(404, "NotFound", "not found"));
        });
        var result = await LeftoverCleanup.RunAsync(TestPods.Options(), TestPods.Config(server.Url), TimeSpan.FromMinutes(15), now, CancellationToken.None);
        Assert.Equal(["podconf-test-20250131-100000-aaaaaa"], result.Deleted);
        Assert.Single(server.Requests, r => r.Method == "DELETE");
        Assert.Equal(3, result.Kept.Count);
    }

    [Fact]
    public async Task Dispose_leaves_a_namespace_alone_that_is_not_labelled_as_podconf_s()
    {
        await using var server = new FakeApiServer(r => r switch
        {
            { Path: "/version" } => FakeResponse.Json(200, ApiObjects.VersionInfo),
            { Method: "POST", Path: "/api/v1/namespaces" } => FakeResponse.Json(201, Namespace("x", true)),
            { Method: "GET" } => FakeResponse.Json(200, Namespace(r.Path.Split('/')[^1], labelled: false)),
            { Method: "POST" } => FakeResponse.Json(201, CreatedPod("x")),
            _ => FakeResponse.Json(200, Success),
        });
        await using (var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url)))
        {
            await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
        }

        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public void Failure_descriptions_carry_status_only()
    {
        var e = new k8s.Autorest.HttpOperationException("Operation returned an invalid status code 'InternalServerError', response body " + TestPods.SecretEnvValue)
        {
            Response = new k8s.Autorest.HttpResponseMessageWrapper(new HttpResponseMessage(System.Net.HttpStatusCode.InternalServerError), TestPods.SecretEnvValue),
        };
        Assert.Equal("HTTP 500 Internal Server Error", RetryPolicy.Describe(e));
    }

    [Fact]
    public void Backoff_doubles_and_is_capped_and_honours_retry_after_within_the_cap()
    {
        var p = new RetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        Assert.Equal([100, 200, 400, 800, 1000], Enumerable.Range(1, 5).Select(a => (int)p.DelayAfter(a, null).TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(500), p.DelayAfter(1, TimeSpan.FromMilliseconds(500)));
        Assert.Equal(TimeSpan.FromSeconds(1), p.DelayAfter(1, TimeSpan.FromSeconds(30)));
        Assert.False(RetryPolicy.IsRetryableStatus(System.Net.HttpStatusCode.Conflict, "{\"reason\":\"AlreadyExists\"}"));
        Assert.True(RetryPolicy.IsRetryableStatus(System.Net.HttpStatusCode.Conflict, "{\"reason\":\"Conflict\"}"));
        Assert.False(RetryPolicy.IsRetryableStatus(System.Net.HttpStatusCode.UnprocessableEntity, ""));
    }
}
