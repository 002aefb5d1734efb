using System.Text.Json;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Suite.Cases;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// <c>--cluster-scoped-objects</c> against the loopback fake (<see cref="ObjectsFake"/>): RuntimeClasses and PriorityClasses
/// created under run-unique labelled names, the pod's reference renamed, answers mapped back, objects deleted at the end.
/// </summary>
public class ClusterScopedFlowTests
{
    private static readonly RuntimeClass Kata = new()
    {
        Name = "kata",
        Handler = "kata",
        HasOverhead = true,
        PodFixed = ValueMap.Of(("cpu", Quantity.Parse("250m")), ("memory", Quantity.Parse("120Mi"))),
        HasScheduling = true,
        NodeSelector = ValueMap.Of(("runtime.podconf.io/class", "kata")),
        Tolerations = ValueList.Of(new Toleration { Key = "sandbox", Operator = "Exists", Effect = "NoSchedule" }),
    };

    private static Pod Naming(string? runtimeClass = null, string priorityClass = "") =>
        TestPods.Web with { Spec = TestPods.Web.Spec with { RuntimeClassName = runtimeClass, PriorityClassName = priorityClass } };

    private static PodCase KataCase(string runtimeClass = "kata") => new(Naming(runtimeClass)) { RuntimeClasses = ValueList.Of(Kata) };

    private static ClusterOptions On(List<string>? log = null) => TestPods.Options(log) with
    {
        ClusterScopedObjects = true,
        ObjectVisibility = new RetryPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
    };

    private static string? SentSpec(FakeRequest pod, string field)
    {
        using var doc = JsonDocument.Parse(pod.Body);
        return doc.RootElement.GetProperty("spec").TryGetProperty(field, out var v) ? v.GetString() : null;
    }

    private static IEnumerable<FakeRequest> Posts(FakeApiServer server, string collection) => server.Where("POST", collection);

    [Fact]
    public async Task Without_the_flag_a_case_with_runtime_classes_is_not_performed_and_the_reason_names_the_flag()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            Assert.Equal("the case needs RuntimeClass objects (kata), which the cluster adapter creates only with --cluster-scoped-objects (cluster-wide objects under run-unique names, deleted at the end)", o.NotPerformed);
            Assert.Null(o.Admission);
        }

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task The_flag_keeps_the_other_reasons_a_real_target_gives()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url));
        var gated = KataCase() with { Gates = ValueMap.Of(("RestartAllContainersOnContainerExits", true)) };
        var o = await adapter.RunAsync(gated, TestPods.Profile131, CancellationToken.None);
        Assert.Equal("the case needs feature gates RestartAllContainersOnContainerExits=true, which the cluster's own configuration decides", o.NotPerformed);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_runtime_class_is_created_renamed_and_labelled_the_pod_names_it_and_the_answer_names_the_case_s_class()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        string ns, runId;
        await using (var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Failure);
            Assert.Null(o.NotPerformed);
            Assert.True(o.Admission!.Accepted);
            Assert.Equal("kata", o.Admission.Defaults["spec.runtimeClassName"]);
            ns = adapter.Namespace!.Name;
            runId = adapter.Namespace.RunId;
            Assert.Single(fake.Objects);
        }

        string renamed = "podconf-test-" + runId + "-rc1";
        var create = Assert.Single(Posts(server, ObjectsFake.RuntimeClasses));
        using (var doc = JsonDocument.Parse(create.Body))
        {
            var root = doc.RootElement;
            Assert.Equal("node.k8s.io/v1", root.GetProperty("apiVersion").GetString());
            Assert.Equal(renamed, root.GetProperty("metadata").GetProperty("name").GetString());
            var labels = root.GetProperty("metadata").GetProperty("labels");
            Assert.Equal("podconf", labels.GetProperty("app.kubernetes.io/managed-by").GetString());
            Assert.Equal(runId, labels.GetProperty("podconf.io/run").GetString());
            Assert.Equal("kata", root.GetProperty("handler").GetString());
            Assert.Equal("250m", root.GetProperty("overhead").GetProperty("podFixed").GetProperty("cpu").GetString());
            Assert.Equal("kata", root.GetProperty("scheduling").GetProperty("nodeSelector").GetProperty("runtime.podconf.io/class").GetString());
            Assert.Equal("sandbox", root.GetProperty("scheduling").GetProperty("tolerations")[0].GetProperty("key").GetString());
        }

        Assert.InRange(renamed.Length, 1, 253);
        Assert.Empty(Model.Validation.NameRules.NameIsDnsSubdomain(renamed, prefix: false));

        var pod = Assert.Single(server.Where("POST", "/api/v1/namespaces/" + ns + "/pods"));
        Assert.Equal(renamed, SentSpec(pod, "runtimeClassName"));

        // Dispose read the class back (labels checked) and deleted it, after the namespace.
        var requests = server.Requests.ToList();
        int nsDelete = requests.FindIndex(r => r.Method == "DELETE" && r.Path == "/api/v1/namespaces/" + ns);
        int readBack = requests.FindIndex(r => r.Method == "GET" && r.Path == ObjectsFake.RuntimeClasses + "/" + renamed);
        int delete = requests.FindIndex(r => r.Method == "DELETE" && r.Path == ObjectsFake.RuntimeClasses + "/" + renamed);
        Assert.True(nsDelete >= 0 && readBack > nsDelete && delete > readBack, "namespace deleted, then the class read back, then deleted");
        Assert.Empty(fake.Objects);
    }

    [Fact]
    public async Task A_class_the_case_does_not_have_is_not_found_under_the_case_s_name_even_where_the_cluster_has_one_so_named()
    {
        // The cluster has its own "missing-kata": the renamed reference keeps it out, as the model's ADM-014 expects.
        var fake = new ObjectsFake();
        fake.Objects[ObjectsFake.RuntimeClasses + "/missing-kata"] = "{\"metadata\":{\"name\":\"missing-kata\"},\"handler\":\"runc\"}";
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase("missing-kata"), TestPods.Profile131, CancellationToken.None);
            Assert.False(o.Admission!.Accepted);
            Assert.Equal(["pods \"web\" is forbidden: pod rejected: RuntimeClass \"missing-kata\" not found"], o.Admission.Errors);
        }

        // No class created (the pod names none of the case's), one pod create (an absent object is not waited for), the cluster's class untouched.
        Assert.Empty(Posts(server, ObjectsFake.RuntimeClasses));
        Assert.Single(server.Requests, r => r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith(ObjectsFake.RuntimeClasses, StringComparison.Ordinal) && r.Method != "POST");
        Assert.True(fake.Objects.ContainsKey(ObjectsFake.RuntimeClasses + "/missing-kata"));
    }

    [Fact]
    public async Task A_class_admission_does_not_see_yet_is_waited_for()
    {
        var log = new List<string>();
        var fake = new ObjectsFake { Lag = 2 };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(On(log), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
        Assert.True(o.Admission!.Accepted);
        Assert.Equal(3, server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal)));
        Assert.Equal(2, log.Count(l => l.StartsWith("admission does not see runtimeclass.node.k8s.io/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_class_admission_never_sees_fails_the_case_after_the_bound_and_is_still_deleted()
    {
        var fake = new ObjectsFake { Lag = int.MaxValue };
        await using var server = new FakeApiServer(fake.Handle);
        var options = On();
        await using (var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Admission);
            Assert.Contains("the API server's admission still did not find runtimeclass.node.k8s.io/podconf-test-", o.Failure, StringComparison.Ordinal);
            Assert.EndsWith("(the case's RuntimeClass kata), created by this run, after 5 attempts", o.Failure, StringComparison.Ordinal);
        }

        Assert.Equal(options.ObjectVisibility.MaxAttempts, server.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal)));
        Assert.Empty(fake.Objects);
    }

    [Fact]
    public async Task Objects_are_deleted_after_a_failed_case_too()
    {
        var fake = new ObjectsFake { Override = r => r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal) ? FakeResponse.Json(500, Status(500, "InternalError", "boom")) : null };
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            Assert.Contains("HTTP 500", o.Failure, StringComparison.Ordinal);
            Assert.Single(fake.Objects);
        }

        Assert.Single(server.Requests, r => r.Method == "DELETE" && r.Path.StartsWith(ObjectsFake.RuntimeClasses + "/", StringComparison.Ordinal));
        Assert.Empty(fake.Objects);
    }

    [Fact]
    public async Task Objects_are_deleted_after_a_cancelled_run()
    {
        // The pod create waits until the test cancels the run: dispose must still remove the class.
        using var cts = new CancellationTokenSource();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fake = new ObjectsFake
        {
            Override = r =>
            {
                if (r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal))
                {
                    reached.TrySetResult();
                    return FakeResponse.Json(503, Status(503, "ServiceUnavailable", "later"));
                }

                return null;
            },
        };
        await using var server = new FakeApiServer(fake.Handle);
        var options = On() with { Retry = new RetryPolicy { MaxAttempts = 1000, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(20) } };
        await using (var adapter = ClusterAdapter.Create(options, TestPods.Config(server.Url)))
        {
            var run = adapter.RunAsync(KataCase(), TestPods.Profile131, cts.Token).AsTask();
            await reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await cts.CancelAsync();

            // Cancelled between attempts or as an attempt failed, the run ends cancelled (never a failed case).
            var ex = await Record.ExceptionAsync(() => run.WaitAsync(TimeSpan.FromMinutes(2)));
            Assert.IsAssignableFrom<OperationCanceledException>(ex);
            Assert.Single(fake.Objects);
        }

        Assert.Empty(fake.Objects);
    }

    [Fact]
    public async Task Dispose_leaves_an_object_alone_that_lost_podconf_s_labels()
    {
        var fake = new ObjectsFake();
        string? name = null;
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url)))
        {
            await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);

            // Someone relabelled it: it is theirs now.
            var key = Assert.Single(fake.Objects.Keys);
            name = key[(ObjectsFake.RuntimeClasses.Length + 1)..];
            fake.Objects[key] = "{\"apiVersion\":\"node.k8s.io/v1\",\"kind\":\"RuntimeClass\",\"metadata\":{\"name\":\"" + name + "\",\"labels\":{\"team\":\"x\"}},\"handler\":\"kata\"}";
        }

        Assert.Single(server.Requests, r => r.Method == "GET" && r.Path == ObjectsFake.RuntimeClasses + "/" + name);
        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE" && r.Path.StartsWith(ObjectsFake.RuntimeClasses, StringComparison.Ordinal));
        Assert.Single(fake.Objects);
    }

    [Fact]
    public async Task Forbidden_create_is_not_performed_with_the_missing_permission_named_and_not_asked_again()
    {
        const string denial = "runtimeclasses.node.k8s.io is forbidden: User \"system:serviceaccount:default:podconf\" cannot create resource \"runtimeclasses\" in API group \"node.k8s.io\" at the cluster scope";
        var fake = new ObjectsFake
        {
            Override = r => r.Method == "POST" && r.Path == ObjectsFake.RuntimeClasses ? FakeResponse.Json(403, ObjectsFake.Forbidden(denial)) : null,
        };
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url)))
        {
            var first = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            var second = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            foreach (var o in new[] { first, second })
            {
                Assert.Null(o.Admission);
                Assert.Null(o.Failure);
                Assert.StartsWith("creating RuntimeClass \"kata\" (as runtimeclass.node.k8s.io/podconf-test-", o.NotPerformed, StringComparison.Ordinal);
                Assert.EndsWith(") was forbidden: " + denial + ". --cluster-scoped-objects needs the verbs create, get, list and delete on runtimeclasses.node.k8s.io (spec/cluster/rbac-cluster-scoped.yaml)", o.NotPerformed, StringComparison.Ordinal);
            }
        }

        Assert.Single(Posts(server, ObjectsFake.RuntimeClasses));
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/pods", StringComparison.Ordinal));
    }

    /// <summary>A webhook refusing the case's RuntimeClass is the cluster's configuration, not missing RBAC verbs.</summary>
    [Fact]
    public async Task A_webhook_denying_the_object_is_not_performed_as_the_cluster_s_configuration()
    {
        var fake = new ObjectsFake
        {
            Override = r => r.Method == "POST" && r.Path == ObjectsFake.RuntimeClasses
                ? FakeResponse.Json(403, DenialBodies.Webhook("runtimeclass-guard.example.com", "handler kata is not allowed"))
                : null,
        };
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Admission);
            Assert.Null(o.Failure);
            Assert.StartsWith("creating RuntimeClass \"kata\" (as runtimeclass.node.k8s.io/podconf-test-", o.NotPerformed, StringComparison.Ordinal);
            Assert.Contains(") was denied by the admission webhook \"runtimeclass-guard.example.com\" (HTTP 403)", o.NotPerformed, StringComparison.Ordinal);
            Assert.DoesNotContain("verbs", o.NotPerformed, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/pods", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_object_the_server_finds_invalid_is_not_performed_with_its_errors_in_the_case_s_names()
    {
        var fake = new ObjectsFake
        {
            Override = r =>
            {
                if (r.Method != "POST" || r.Path != ObjectsFake.RuntimeClasses)
                {
                    return null;
                }

                using var doc = JsonDocument.Parse(r.Body);
                string name = doc.RootElement.GetProperty("metadata").GetProperty("name").GetString()!;
                return FakeResponse.Json(422, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Invalid\",\"message\":\"RuntimeClass \\\"" + name + "\\\" is invalid\",\"details\":{\"name\":\"" + name
                    + "\",\"kind\":\"RuntimeClass\",\"causes\":[{\"reason\":\"FieldValueRequired\",\"message\":\"Required value\",\"field\":\"handler\"}]},\"code\":422}");
            },
        };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(KataCase(), TestPods.Profile131, CancellationToken.None);
        Assert.Equal("the API server refused the case's RuntimeClass \"kata\" (HTTP 422): handler: Required value", o.NotPerformed);
    }

    [Fact]
    public async Task Cases_with_the_same_class_share_one_object_and_different_ones_get_their_own()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url));
        var other = Kata with { PodFixed = ValueMap.Of(("cpu", Quantity.Parse("1"))) };
        var cases = Enumerable.Range(0, 8).Select(i => (PodCase)(i % 4 == 3 ? new PodCase(Naming("kata")) { RuntimeClasses = ValueList.Of(other) } : KataCase())).ToList();
        var results = await Task.WhenAll(cases.Select(c => adapter.RunAsync(c, TestPods.Profile131, CancellationToken.None).AsTask()));
        Assert.All(results, o => Assert.Equal("kata", o.Admission!.Defaults["spec.runtimeClassName"]));
        Assert.Equal(2, Posts(server, ObjectsFake.RuntimeClasses).Count());
    }

    [Fact]
    public async Task A_priority_class_is_created_renamed_and_waited_for_and_its_refusal_text_is_mapped_back()
    {
        var log = new List<string>();
        var fake = new ObjectsFake { Lag = 1 };
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(On(log), TestPods.Config(server.Url));
        var high = new PriorityClass { Name = "high", Value = 1000 };
        var o = await adapter.RunAsync(new PodCase(Naming(priorityClass: "high")) { PriorityClasses = [high] }, TestPods.Profile131, CancellationToken.None);
        Assert.True(o.Admission!.Accepted);
        Assert.Equal("high", o.Admission.Defaults["spec.priorityClassName"]);
        var create = Assert.Single(Posts(server, ObjectsFake.PriorityClasses));
        Assert.Contains("\"value\":1000", create.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("globalDefault", create.Body, StringComparison.Ordinal);
        Assert.Single(log, l => l.StartsWith("admission does not see priorityclass.scheduling.k8s.io/podconf-test-", StringComparison.Ordinal));

        // A class the case does not give does not exist (the case's classes are all of the cluster's own, ADM-042): the pod
        // names the run's stand-in, which no object has, even where the cluster has a class of the case's name, and the
        // answer is mapped back; it is not waited for.
        fake.Objects[ObjectsFake.PriorityClasses + "/low"] = "{\"apiVersion\":\"scheduling.k8s.io/v1\",\"kind\":\"PriorityClass\",\"metadata\":{\"name\":\"low\"},\"value\":1}";
        int before = log.Count(l => l.StartsWith("admission does not see", StringComparison.Ordinal));
        var unknown = await adapter.RunAsync(new PodCase(Naming(priorityClass: "low")) { PriorityClasses = [high] }, TestPods.Profile131, CancellationToken.None);
        Assert.Equal(["pods \"web\" is forbidden: no PriorityClass with name low was found"], unknown.Admission!.Errors);
        Assert.Contains(server.Requests, r => r.Path.EndsWith("/pods", StringComparison.Ordinal) && SentSpec(r, "priorityClassName") is { } sent
            && sent.StartsWith("podconf-test-", StringComparison.Ordinal) && sent.EndsWith("-pc-absent", StringComparison.Ordinal));
        Assert.Equal(before, log.Count(l => l.StartsWith("admission does not see", StringComparison.Ordinal)));
        Assert.Single(Posts(server, ObjectsFake.PriorityClasses));

        // A system class is sent as named (ADM-041: every cluster has it), and nothing is created for it.
        var system = await adapter.RunAsync(new PodCase(Naming(priorityClass: "system-cluster-critical")) { PriorityClasses = [high] }, TestPods.Profile131, CancellationToken.None);
        Assert.NotNull(system.Admission);
        Assert.Contains(server.Requests, r => r.Path.EndsWith("/pods", StringComparison.Ordinal) && SentSpec(r, "priorityClassName") == "system-cluster-critical");
        Assert.Single(Posts(server, ObjectsFake.PriorityClasses));
    }

    [Fact]
    public async Task Without_the_flag_a_case_with_priority_classes_is_not_performed()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(Naming(priorityClass: "high")) { PriorityClasses = [new PriorityClass { Name = "high", Value = 1000 }] }, TestPods.Profile131, CancellationToken.None);
        Assert.Equal("the case needs PriorityClass objects (high), which the cluster adapter creates only with --cluster-scoped-objects (cluster-wide objects under run-unique names, deleted at the end)", o.NotPerformed);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_global_default_priority_class_is_never_created()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        await using var adapter = ClusterAdapter.Create(On(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web) { PriorityClasses = [new PriorityClass { Name = "everyone", Value = 5, GlobalDefault = true }] }, TestPods.Profile131, CancellationToken.None);
        Assert.Equal("the case needs a globalDefault PriorityClass (everyone), which the cluster adapter never creates: while it existed, every pod created on the cluster without a priorityClassName would get its priority", o.NotPerformed);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_real_create_names_the_run_s_object_and_a_plugin_s_refusal_is_a_rejection()
    {
        var fake = new ObjectsFake();
        await using var server = new FakeApiServer(fake.Handle);
        await using (var adapter = ClusterAdapter.Create(TestPods.Options(layers: ClusterLayers.Lifecycle) with { ClusterScopedObjects = true }, TestPods.Config(server.Url)))
        {
            var o = await adapter.RunAsync(KataCase("missing-kata"), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Failure);
            Assert.True(o.Lifecycle!.Rejected);
        }

        var create = Assert.Single(server.Requests, r => r.Method == "POST" && r.Path.EndsWith("/pods", StringComparison.Ordinal));
        Assert.DoesNotContain("dryRun", create.Query, StringComparison.Ordinal);
        Assert.EndsWith("-rc-absent", SentSpec(create, "runtimeClassName"), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Query.Contains("watch=true", StringComparison.Ordinal));
    }
}
