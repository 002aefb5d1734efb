using PodConformance.Adapters.Cluster.Tests.Fake;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary><c>podconf cluster cleanup</c> and the cluster-scoped objects of <c>--cluster-scoped-objects</c>: the namespaces' rules, kind by kind.</summary>
public class LeftoverCleanupTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private static string Object(string kind, string name, bool labelled, string created = "2025-01-31T10:00:00Z") =>
        "{\"kind\":\"" + kind + "\",\"metadata\":{\"name\":\"" + name + "\",\"creationTimestamp\":\"" + created + "\""
        + (labelled ? ",\"labels\":{\"app.kubernetes.io/managed-by\":\"podconf\",\"podconf.io/run\":\"20250131-100000-aaaaaa\"}" : "") + "}}";

    [Fact]
    public async Task Only_old_labelled_objects_with_the_prefix_are_deleted_and_the_cluster_s_own_are_never_touched()
    {
        var fake = new ObjectsFake
        {
            // Namespaces: none left over.
            Override = r => r.Method == "GET" && r.Path == "/api/v1/namespaces" ? FakeResponse.Json(200, NamespaceList()) : null,
        };
        void Put(string collection, string kind, string name, bool labelled, string created = "2025-01-31T10:00:00Z") =>
            fake.Objects[collection + "/" + name] = Object(kind, name, labelled, created);
        Put(ObjectsFake.RuntimeClasses, "RuntimeClass", "podconf-test-20250131-100000-aaaaaa-rc1", labelled: true);
        Put(ObjectsFake.RuntimeClasses, "RuntimeClass", "podconf-test-20250131-115900-bbbbbb-rc1", labelled: true, "2025-01-31T11:59:00Z");
        Put(ObjectsFake.RuntimeClasses, "RuntimeClass", "other-20250131-100000-cccccc-rc1", labelled: true);

        // The fake ignores the label selector (as a proxy might): the adapter checks the labels itself.
        Put(ObjectsFake.RuntimeClasses, "RuntimeClass", "kata", labelled: false);
        Put(ObjectsFake.RuntimeClasses, "RuntimeClass", "podconf-test-not-ours", labelled: false);
        Put(ObjectsFake.PriorityClasses, "PriorityClass", "podconf-test-20250131-100000-aaaaaa-pc2", labelled: true);
        Put(ObjectsFake.PriorityClasses, "PriorityClass", "high-priority", labelled: false);

        await using var server = new FakeApiServer(fake.Handle);
        var result = await LeftoverCleanup.RunAsync(TestPods.Options(), TestPods.Config(server.Url), TimeSpan.FromMinutes(15), Now, CancellationToken.None);
        Assert.Equal(
            ["runtimeclass.node.k8s.io/podconf-test-20250131-100000-aaaaaa-rc1", "priorityclass.scheduling.k8s.io/podconf-test-20250131-100000-aaaaaa-pc2"],
            result.Deleted);
        Assert.Equal(5, result.Kept.Count);
        Assert.Contains(("runtimeclass.node.k8s.io/podconf-test-20250131-115900-bbbbbb-rc1", "younger than --older-than (a run may still be using it)"), result.Kept);
        Assert.Contains(("runtimeclass.node.k8s.io/kata", "not labelled app.kubernetes.io/managed-by=podconf with prefix podconf-test"), result.Kept);
        Assert.Equal(2, server.Requests.Count(r => r.Method == "DELETE"));
        Assert.All(server.Where("GET", ObjectsFake.RuntimeClasses).Where(r => r.Path == ObjectsFake.RuntimeClasses),
            r => Assert.Contains("labelSelector=app.kubernetes.io/managed-by=podconf", r.Query, StringComparison.Ordinal));
        Assert.True(fake.Objects.ContainsKey(ObjectsFake.RuntimeClasses + "/kata"));
        Assert.True(fake.Objects.ContainsKey(ObjectsFake.PriorityClasses + "/high-priority"));
    }

    [Fact]
    public async Task A_system_priority_class_is_never_deleted_even_when_labelled()
    {
        var fake = new ObjectsFake { Override = r => r.Method == "GET" && r.Path == "/api/v1/namespaces" ? FakeResponse.Json(200, NamespaceList()) : null };
        fake.Objects[ObjectsFake.PriorityClasses + "/system-node-critical"] = Object("PriorityClass", "system-node-critical", labelled: true);
        await using var server = new FakeApiServer(fake.Handle);
        var options = new ClusterOptions { Confirmed = true, Retry = TestPods.Options().Retry };
        var result = await LeftoverCleanup.RunAsync(options, TestPods.Config(server.Url), TimeSpan.Zero, Now, CancellationToken.None);
        Assert.Empty(result.Deleted);
        Assert.DoesNotContain(server.Requests, r => r.Method == "DELETE");
    }

    [Fact]
    public async Task An_identity_that_may_not_list_a_kind_still_cleans_up_namespaces()
    {
        var log = new List<string>();
        var fake = new ObjectsFake
        {
            Override = r => r switch
            {
                { Method: "GET", Path: "/api/v1/namespaces" } => FakeResponse.Json(200, NamespaceList(Namespace("podconf-test-20250131-100000-aaaaaa", labelled: true))),
                { Method: "GET", Path: ObjectsFake.RuntimeClasses or ObjectsFake.PriorityClasses } => FakeResponse.Json(403, ObjectsFake.Forbidden("forbidden")),
                _ => null,
            },
        };
        await using var server = new FakeApiServer(fake.Handle);
        var result = await LeftoverCleanup.RunAsync(TestPods.Options(log), TestPods.Config(server.Url), TimeSpan.FromMinutes(15), Now, CancellationToken.None);
        Assert.Equal(["podconf-test-20250131-100000-aaaaaa"], result.Deleted);
        Assert.Contains("not looking for leftover runtimeclasses.node.k8s.io: listing them answered HTTP 403 Forbidden (only runs with --cluster-scoped-objects create them; spec/cluster/rbac-cluster-scoped.yaml grants list)", log);
        Assert.Contains(log, l => l.StartsWith("not looking for leftover priorityclasses.scheduling.k8s.io: ", StringComparison.Ordinal));
    }
}
