using System.Text.Json;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Suite.Cases;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>The admission layer's HTTP flow through a real k8s.Kubernetes client against the loopback fake.</summary>
public class AdmissionFlowTests
{
    /// <summary>Answers /version, namespace create/get/delete; pod creates go to <paramref name="pods"/>.</summary>
    internal static Func<FakeRequest, Task<FakeResponse>> Api(Func<FakeRequest, string, Task<FakeResponse>> pods) => async r =>
    {
        if (r.Path == "/version")
        {
            return FakeResponse.Json(200, VersionInfo);
        }

        if (r.Method == "POST" && r.Path == "/api/v1/namespaces")
        {
            using var doc = JsonDocument.Parse(r.Body);
            return FakeResponse.Json(201, Namespace(doc.RootElement.GetProperty("metadata").GetProperty("name").GetString()!, labelled: true));
        }

        if (r.Path.StartsWith("/api/v1/namespaces/", StringComparison.Ordinal))
        {
            string[] parts = r.Path.Split('/');
            string ns = parts[4];
            if (parts.Length == 5)
            {
                return r.Method == "DELETE" ? FakeResponse.Json(200, Namespace(ns, true)) : FakeResponse.Json(200, Namespace(ns, true));
            }

            return await pods(r, ns).ConfigureAwait(false);
        }

        return FakeResponse.Json(404, Status(404, "NotFound", "not found"));
    };

    internal static Func<FakeRequest, Task<FakeResponse>> Api(Func<FakeRequest, string, FakeResponse> pods) => Api((r, ns) => Task.FromResult(pods(r, ns)));

    [Fact]
    public async Task Version_picks_the_profile_and_a_mismatched_profile_fails_the_case()
    {
        await using var server = new FakeApiServer(Api((_, ns) => FakeResponse.Json(201, CreatedPod(ns))));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var profile = await adapter.DetectProfileAsync(CancellationToken.None);
        Assert.Equal("1.31", profile.Version.ToString());

        var o = await adapter.RunAsync(new PodCase(TestPods.Web), Model.Profiles.Profile.Default, CancellationToken.None);
        Assert.Contains("does not match the cluster's release 1.31", o.Failure, StringComparison.Ordinal);
        Assert.Empty(server.Where("POST", "/api/v1/namespaces"));
    }

    [Fact]
    public async Task Accepted_dry_run_gives_qos_and_defaults_and_sends_the_manifest_verbatim()
    {
        await using var server = new FakeApiServer(Api((_, ns) => FakeResponse.Json(201, CreatedPod(ns))));
        string ns;
        await using (var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Failure);
            Assert.True(o.Admission!.Accepted);
            Assert.Equal("Burstable", o.Admission.QosClass);
            Assert.Equal("Always", o.Admission.Defaults["spec.restartPolicy"]);
            Assert.Equal("IfNotPresent", o.Admission.Defaults["spec.containers[0].imagePullPolicy"]);
            Assert.False(o.Admission.Defaults.ContainsKey("metadata.uid"));
            Assert.False(o.Admission.Defaults.ContainsKey("status.phase"));
            ns = adapter.Namespace!.Name;
        }

        var create = Assert.Single(server.Where("POST", "/api/v1/namespaces/" + ns + "/pods"));
        Assert.Contains("dryRun=All", create.Query, StringComparison.Ordinal);
        // The model writer's JSON byte for byte (not KubernetesClient's re-serialization of a V1Pod); only the namespace is set.
        var sent = TestPods.Web with { Metadata = TestPods.Web.Metadata with { Namespace = ns } };
        Assert.Equal(Manifests.Writing.PodManifestWriter.ToJson(sent), create.Body);
        Assert.Contains(TestPods.SecretEnvValue, create.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer " + TestPods.Token, create.Authorization);

        var nsCreate = Assert.Single(server.Requests, r => r.Method == "POST" && r.Path == "/api/v1/namespaces");
        Assert.StartsWith("podconf-test-", ns, StringComparison.Ordinal);
        Assert.Contains("\"app.kubernetes.io/managed-by\":\"podconf\"", nsCreate.Body, StringComparison.Ordinal);

        // Disposal read the namespace, found the label, deleted it.
        Assert.Single(server.Where("DELETE", "/api/v1/namespaces/" + ns));
    }

    [Fact]
    public async Task Rejection_maps_status_causes_to_field_errors()
    {
        await using var server = new FakeApiServer(Api((_, _) => FakeResponse.Json(422, InvalidPod)));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
        Assert.False(o.Admission!.Accepted);
        Assert.Equal(
            ["spec.containers[0].image: Required value", "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\""],
            o.Admission.Errors);
        Assert.True(o.Lifecycle!.Rejected);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(409)]
    public async Task Transient_answers_are_retried_with_backoff(int status)
    {
        int calls = 0;
        var log = new List<string>();
        await using var server = new FakeApiServer(Api((r, ns) => Interlocked.Increment(ref calls) <= 2
            ? new FakeResponse(status, Status(status, status == 409 ? "Conflict" : "TooManyRequests", "try again"), Headers: new Dictionary<string, string> { ["Retry-After"] = "0" })
            : FakeResponse.Json(201, CreatedPod(ns))));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(log), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
        Assert.True(o.Admission!.Accepted);
        Assert.Equal(3, calls);
        Assert.Equal(2, log.Count(l => l.Contains("retry", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_case_fails_without_printing_bodies_or_tokens()
    {
        var log = new List<string>();

        // A misbehaving proxy that echoes the request body in its 500s.
        await using var server = new FakeApiServer(Api((r, _) => FakeResponse.Json(500, r.Body)));
        var options = TestPods.Options(log);
        string failure;
        await using (var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
            failure = o.Failure!;
        }

        Assert.Contains("HTTP 500", failure, StringComparison.Ordinal);
        Assert.Equal(options.Retry.MaxAttempts, server.Requests.Count(r => r.Path.EndsWith("/pods", StringComparison.Ordinal)));
        foreach (string text in log.Append(failure))
        {
            Assert.DoesNotContain(TestPods.SecretEnvValue, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestPods.Token, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Dry_runs_run_concurrently_but_never_above_the_bound()
    {
        // Each create is held until three are in flight at once (the bound): the overlap is awaited, not hoped for
        // within a short delay. An adapter without the bound would let more in meanwhile.
        int inFlight = 0, max = 0;
        var bound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new FakeApiServer(Api(async (r, ns) =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref max, now);
            if (now >= 3)
            {
                bound.TrySetResult();
            }

            await bound.Task.WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
            Interlocked.Decrement(ref inFlight);
            return FakeResponse.Json(201, CreatedPod(ns));
        }));
        await using var adapter = ClusterAdapter.Create(TestPods.Options() with { AdmissionConcurrency = 3 }, TestPods.Config(server.Url));
        var tasks = Enumerable.Range(0, 15).Select(_ => adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None).AsTask()).ToArray();
        var results = await Task.WhenAll(tasks);
        Assert.All(results, o => Assert.True(o.Admission!.Accepted));
        Assert.Equal(3, max);
        Assert.Single(server.Requests, r => r.Method == "POST" && r.Path == "/api/v1/namespaces");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
