using System.Text.Json;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using static PodConformance.Adapters.Cluster.Tests.Fake.DenialBodies;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// A pod create refused by the cluster's own admission configuration (webhooks, admission policies, PodSecurity) through
/// the adapter against the loopback fake: the case is not performed, with the reason, never passed or failed, and the
/// runner counts it as it counts every case an adapter did not perform; a refusal by the Pod API (validation's 422) is
/// still the pod's verdict and is compared. Bodies and their sources: <see cref="DenialBodies"/>.
/// </summary>
public class ClusterPolicyFlowTests
{
    private const string PodSecurityLabel = "pod-security.kubernetes.io/enforce";

    public static TheoryData<string, int, string> Denials => new()
    {
        { Webhook("validation.gatekeeper.sh", "[no-nginx] image nginx is not allowed"), 403, "the admission webhook \"validation.gatekeeper.sh\" (HTTP 403)" },
        { Webhook("pods.policy.example.com", "overloaded", 500, "InternalError"), 500, "the admission webhook \"pods.policy.example.com\" (HTTP 500)" },
        { Status(422, "Invalid", "admission webhook \"pods.policy.example.com\" denied the request: Pod \"web\" is invalid: spec.containers[0].image: Required value", ("spec.containers[0].image", "Required value")), 422, "the admission webhook \"pods.policy.example.com\" (HTTP 422)" },
        { Status(400, "BadRequest", "admission webhook \"sidecar-injector.istio.io\" does not support dry run"), 400, "the admission webhook \"sidecar-injector.istio.io\" does not support dry run" },
        { ValidatingPolicy("web", "no-latest-tag", "no-latest-tag-binding", "image tag must not be latest"), 422, "the ValidatingAdmissionPolicy 'no-latest-tag' (binding 'no-latest-tag-binding') (HTTP 422)" },
        { ValidatingPolicy("web", "size", "size-binding", "too large", 413, "RequestEntityTooLarge"), 413, "the ValidatingAdmissionPolicy 'size' (binding 'size-binding') (HTTP 413)" },
        { Status(403, "Forbidden", "policy 'add-sidecar' with binding 'add-sidecar-binding' denied request: failed to apply patch"), 403, "the admission policy 'add-sidecar' (binding 'add-sidecar-binding') (HTTP 403)" },
        { PodSecurity("web", "restricted:latest", RestrictedDetail("web")), 403, "PodSecurity at level \"restricted:latest\" (HTTP 403)" },
    };

    [Theory]
    [MemberData(nameof(Denials))]
    public async Task A_dry_run_denied_by_the_cluster_s_configuration_is_not_performed_and_asked_once(string body, int code, string what)
    {
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((_, _) => FakeResponse.Json(code, body)));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);

        Assert.Null(o.Failure);
        Assert.Null(o.Admission);
        Assert.Null(o.Lifecycle);
        Assert.Contains(what, o.NotPerformed, StringComparison.Ordinal);
        Assert.Contains("(spec/admission.md ADM-010)", o.NotPerformed, StringComparison.Ordinal);

        // Never retried, whatever the status (a webhook's 500 included): it is an answer.
        Assert.Single(server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods"));
    }

    [Fact]
    public async Task A_real_create_denied_by_a_webhook_is_not_performed_and_nothing_is_watched()
    {
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((_, _) => FakeResponse.Json(403, Webhook("validation.gatekeeper.sh", "[no-nginx] image nginx is not allowed"))));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(layers: ClusterLayers.Lifecycle), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);

        Assert.Null(o.Failure);
        Assert.Null(o.Lifecycle);
        Assert.StartsWith("the pod create was denied by the admission webhook \"validation.gatekeeper.sh\" (HTTP 403)", o.NotPerformed, StringComparison.Ordinal);
        var create = Assert.Single(server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods"));
        Assert.DoesNotContain("dryRun", create.Query, StringComparison.Ordinal);
        Assert.Empty(server.Where("GET", "/api/v1/namespaces/" + adapter.Namespace.Name + "/pods"));
        Assert.Empty(server.Where("DELETE", "/api/v1/namespaces/" + adapter.Namespace.Name + "/pods"));
    }

    /// <summary>
    /// The Pod API's own refusal still compares: the 422 kube-apiserver writes for a pod without an image and with
    /// restartPolicy Sometimes (<see cref="ApiObjects.InvalidPod"/>) is a rejection, and it agrees with the model's.
    /// </summary>
    [Fact]
    public async Task A_validation_422_is_still_the_pod_s_rejection_and_agrees_with_the_model()
    {
        var pod = TestPods.Read("""
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              restartPolicy: Sometimes
              containers:
              - name: web
            """);
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((_, _) => FakeResponse.Json(422, ApiObjects.InvalidPod)));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(pod), TestPods.Profile131, CancellationToken.None);

        Assert.Null(o.NotPerformed);
        Assert.Null(o.Failure);
        Assert.False(o.Admission!.Accepted);
        var model = ModelAdapter.ObserveAdmission(pod, TestPods.Profile131, PodCreateStages.Real);
        Assert.False(model.Accepted);
        Assert.True(AdmissionErrors.Compare(model, o.Admission).Pass, string.Join("; ", model.Errors) + " vs " + string.Join("; ", o.Admission.Errors));
    }

    /// <summary>
    /// PodSecurity as a cluster with a stricter default enforces it: <c>restricted</c> unless the namespace is labelled
    /// <c>privileged</c> (the label wins over the default: pod-security-admission admission.go <c>PolicyToEvaluate</c>).
    /// Without the flag the case is not performed; with it the namespace carries the label and the pod is admitted.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_opt_in_label_makes_pod_security_admit_as_the_model_assumes(bool labelled)
    {
        FakeApiServer? server = null;
        server = new FakeApiServer(AdmissionFlowTests.Api((r, ns) =>
        {
            var nsCreate = server!.Requests.Single(q => q.Method == "POST" && q.Path == "/api/v1/namespaces");
            return NamespaceLabels(nsCreate.Body).TryGetValue(PodSecurityLabel, out string? level) && level == "privileged"
                ? FakeResponse.Json(201, ApiObjects.CreatedPod(ns))
                : FakeResponse.Json(403, PodSecurity("web", "restricted:latest", RestrictedDetail("web")));
        }));
        await using (server)
        {
            await using var adapter = ClusterAdapter.Create(TestPods.Options() with { PodSecurityPrivileged = labelled }, TestPods.Config(server.Url));
            var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);
            Assert.Null(o.Failure);

            var labels = NamespaceLabels(Assert.Single(server.Requests, q => q.Method == "POST" && q.Path == "/api/v1/namespaces").Body);
            Assert.Equal("podconf", labels["app.kubernetes.io/managed-by"]);
            if (labelled)
            {
                Assert.Null(o.NotPerformed);
                Assert.True(o.Admission!.Accepted);
                Assert.Equal("privileged", labels[PodSecurityLabel]);
            }
            else
            {
                Assert.Null(o.Admission);
                Assert.EndsWith("; rerun with --pod-security-privileged (labels the run's namespace pod-security.kubernetes.io/enforce=privileged) or against a cluster whose PodSecurity default is privileged", o.NotPerformed, StringComparison.Ordinal);
                Assert.False(labels.ContainsKey(PodSecurityLabel));
            }

            // The label is the namespace's only: the pods carry the run's labels alone.
            Assert.DoesNotContain(PodSecurityLabel, Assert.Single(server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods")).Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cluster_that_refuses_the_label_fails_the_case_naming_the_flag()
    {
        await using var server = new FakeApiServer(r => r.Method == "POST" && r.Path == "/api/v1/namespaces"
            ? FakeResponse.Json(403, Webhook("namespaces.policy.example.com", "privileged namespaces are not allowed"))
            : r.Path == "/version" ? FakeResponse.Json(200, ApiObjects.VersionInfo) : FakeResponse.Json(404, ApiObjects.Status(404, "NotFound", "not found")));
        await using var adapter = ClusterAdapter.Create(TestPods.Options() with { PodSecurityPrivileged = true }, TestPods.Config(server.Url));
        var o = await adapter.RunAsync(new PodCase(TestPods.Web), TestPods.Profile131, CancellationToken.None);

        Assert.Null(o.NotPerformed);
        Assert.EndsWith(
            " with pod-security.kubernetes.io/enforce=privileged (--pod-security-privileged) was refused: HTTP 403 Forbidden: admission webhook \"namespaces.policy.example.com\" "
            + "denied the request: privileged namespaces are not allowed; run without --pod-security-privileged",
            o.Failure,
            StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, q => q.Path.EndsWith("/pods", StringComparison.Ordinal));
    }

    /// <summary>
    /// Through the runner: a cluster whose webhook denies every pod leaves every case of P-ADM-VALIDATION not observed,
    /// counted as any case an adapter did not perform is: with all of them "not checked" the property is skipped (SuiteRunner:
    /// "not a pass"), never passed or failed, where the same refusals compared as the pod's verdicts fail it (the next test).
    /// </summary>
    [Fact]
    public async Task The_runner_counts_denied_cases_as_not_checked()
    {
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((r, _) => r.Path.EndsWith("/serviceaccounts", StringComparison.Ordinal)
            ? FakeResponse.Json(201, "{}")
            : FakeResponse.Json(403, Webhook("validation.gatekeeper.sh", "[deny-all] no pods here"))));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var result = Assert.Single(SuiteRun.Execute(adapter, new RunOptions { Rules = "P-ADM-VALIDATION", Profile = TestPods.Profile131, Count = 25 }).Results);

        Assert.Equal(Outcome.Skipped, result.Outcome);
        Assert.StartsWith("not observed: not performed by the adapter: ", result.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods"));
    }

    [Fact]
    public async Task The_same_refusals_compared_as_the_pod_s_verdict_fail_the_property()
    {
        // An in-tree plugin's refusal shape (ADM-011), which the adapter compares: the model admits valid pods, so this fails.
        await using var server = new FakeApiServer(AdmissionFlowTests.Api((r, _) => r.Path.EndsWith("/serviceaccounts", StringComparison.Ordinal)
            ? FakeResponse.Json(201, "{}")
            : FakeResponse.Json(403, ApiObjects.Status(403, "Forbidden", "pods \\\"web\\\" is forbidden: no pods here"))));
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var result = Assert.Single(SuiteRun.Execute(adapter, new RunOptions { Rules = "P-ADM-VALIDATION", Profile = TestPods.Profile131, Count = 25 }).Results);
        Assert.Equal(Outcome.Failed, result.Outcome);
    }

    private static Dictionary<string, string> NamespaceLabels(string namespaceJson)
    {
        using var doc = JsonDocument.Parse(namespaceJson);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in doc.RootElement.GetProperty("metadata").GetProperty("labels").EnumerateObject())
        {
            labels[label.Name] = label.Value.GetString()!;
        }

        return labels;
    }
}
