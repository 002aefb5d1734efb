using PodConformance.Adapters.Cluster.Tests.Fake;
using static PodConformance.Adapters.Cluster.Tests.Fake.DenialBodies;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// Denials by the cluster's own admission configuration, told by the whole shape their sources print (the sources and
/// commits: <see cref="DenialBodies"/>), and the answers that look alike but are the pod's verdict or a failure.
/// </summary>
public class ClusterPolicyDenialTests
{
    private const string Restricted = "restricted:latest";

    public static TheoryData<string, int, ClusterPolicyKind, string, string> Denials => new()
    {
        // ToStatusErr: the webhook's code (any >= 400), "admission webhook %q denied the request: MESSAGE".
        { Webhook("validation.gatekeeper.sh", "[psp-privileged-container] Privileged container is not allowed: web, securityContext: {\"privileged\": true}"), 403, ClusterPolicyKind.Webhook, "validation.gatekeeper.sh", "" },
        { Webhook("pods.policy.example.com", "image must come from registry.example.com", 400, "BadRequest"), 400, ClusterPolicyKind.Webhook, "pods.policy.example.com", "" },
        { Webhook("pods.policy.example.com", "overloaded", 500, "InternalError"), 500, ClusterPolicyKind.Webhook, "pods.policy.example.com", "" },
        { Webhook("pods.policy.example.com", "slow down", 429, "TooManyRequests"), 429, ClusterPolicyKind.Webhook, "pods.policy.example.com", "" },
        // No message: the reason, else "without explanation".
        { Status(400, "", "admission webhook \"pods.policy.example.com\" denied the request: Forbidden"), 400, ClusterPolicyKind.Webhook, "pods.policy.example.com", "" },
        { Status(400, "", "admission webhook \"pods.policy.example.com\" denied the request without explanation"), 400, ClusterPolicyKind.Webhook, "pods.policy.example.com", "" },
        // A webhook may send a 422 with field causes of its own: it still is the webhook's, not validation's.
        { Status(422, "Invalid", "admission webhook \"pods.policy.example.com\" denied the request: Pod \"web\" is invalid: spec.containers[0].image: Required value", ("spec.containers[0].image", "Required value")), 422, ClusterPolicyKind.Webhook, "pods.policy.example.com", "" },
        // NewDryRunUnsupportedErr: apierrors.NewBadRequest.
        { Status(400, "BadRequest", "admission webhook \"sidecar-injector.istio.io\" does not support dry run"), 400, ClusterPolicyKind.WebhookWithoutDryRun, "sidecar-injector.istio.io", "" },
        // ValidatingAdmissionPolicy: reasonToCode (Invalid 422 by default, Forbidden 403, Unauthorized 401, RequestEntityTooLarge 413).
        { ValidatingPolicy("web", "no-latest-tag", "no-latest-tag-binding", "image tag must not be latest"), 422, ClusterPolicyKind.ValidatingAdmissionPolicy, "no-latest-tag", "no-latest-tag-binding" },
        { ValidatingPolicy("web-", "no-latest-tag", "no-latest-tag-binding", "image tag must not be latest", 403, "Forbidden"), 403, ClusterPolicyKind.ValidatingAdmissionPolicy, "no-latest-tag", "no-latest-tag-binding" },
        { ValidatingPolicy("web", "size", "size-binding", "too large", 413, "RequestEntityTooLarge"), 413, ClusterPolicyKind.ValidatingAdmissionPolicy, "size", "size-binding" },
        { Status(422, "Invalid", "pods \"web\" is forbidden: ValidatingAdmissionPolicy 'broken' denied request: failed to configure policy: no params found", ("", "ValidatingAdmissionPolicy 'broken' denied request: failed to configure policy: no params found")), 422, ClusterPolicyKind.ValidatingAdmissionPolicy, "broken", "" },
        // The generic policy dispatcher (MutatingAdmissionPolicy): PolicyError's message replaces NewForbidden's, 403.
        { Status(403, "Forbidden", "policy 'add-sidecar' with binding 'add-sidecar-binding' denied request: failed to apply patch", ("", "policy 'add-sidecar' with binding 'add-sidecar-binding' denied request: failed to apply patch")), 403, ClusterPolicyKind.MutatingAdmissionPolicy, "add-sidecar", "add-sidecar-binding" },
        { Status(403, "Forbidden", "policy \"add-sidecar\" denied request: failed to configure policy"), 403, ClusterPolicyKind.MutatingAdmissionPolicy, "add-sidecar", "" },
        // PodSecurity: NewForbidden with the request's name; empty for a generateName-only pod.
        { PodSecurity("web", Restricted, RestrictedDetail("web")), 403, ClusterPolicyKind.PodSecurity, Restricted, "" },
        { PodSecurity("", "baseline:v1.31", "host namespaces (hostNetwork=true)"), 403, ClusterPolicyKind.PodSecurity, "baseline:v1.31", "" },
    };

    [Theory]
    [MemberData(nameof(Denials))]
    public void Each_denial_is_told_by_its_whole_shape(string body, int code, ClusterPolicyKind kind, string name, string binding)
    {
        var denial = ClusterPolicyDenial.Of(code, body);
        Assert.NotNull(denial);
        Assert.Equal((kind, name, binding, code), (denial.Kind, denial.Name, denial.Binding, denial.StatusCode));
    }

    public static TheoryData<string, int> NotDenials => new()
    {
        // The pod's verdicts: validation (422), an in-tree plugin's refusal (ADM-011), the ServiceAccount plugin's.
        { ApiObjects.InvalidPod, 422 },
        { Status(403, "Forbidden", "pods \"web\" is forbidden: pod rejected: RuntimeClass \"kata\" not found"), 403 },
        { Status(403, "Forbidden", "pods \"web\" is forbidden: error looking up service account ns/builder: serviceaccount \"builder\" not found"), 403 },
        // Failures: the authorizer; a webhook that could not be called (failing closed: NewInternalError).
        { Status(403, "Forbidden", "pods is forbidden: User \"system:serviceaccount:podconf:runner\" cannot create resource \"pods\" in API group \"\" in the namespace \"ns\""), 403 },
        { Status(500, "InternalError", "Internal error occurred: failed calling webhook \"pods.policy.example.com\": failed to call webhook: Post \"https://policy.example.svc:443/validate?timeout=10s\": dial tcp 10.96.0.10:443: connect: connection refused"), 500 },
        // The right words in the wrong place or at a status their source never sends.
        { Status(403, "Forbidden", "pods \"web\" is forbidden: admission webhook \"pods.policy.example.com\" denied the request: no"), 403 },
        { Status(403, "Forbidden", "admission webhook \"pods.policy.example.com\" denied"), 403 },
        { Status(403, "Forbidden", "admission webhook \"sidecar-injector.istio.io\" does not support dry run"), 403 },
        { ValidatingPolicy("web", "no-latest-tag", "b", "image tag must not be latest", 400, "BadRequest"), 400 },
        { Status(422, "Invalid", "policy 'add-sidecar' with binding 'b' denied request: x"), 422 },
        { Status(422, "Invalid", "pods \"web\" is forbidden: violates PodSecurity \"restricted:latest\": x"), 422 },
        { Status(403, "Forbidden", "pods \"web\" is forbidden: violates PodSecurity \"restricted\": x"), 403 },
        { Webhook("pods.policy.example.com", "no", 201, "Created"), 201 },
        { "<html>bad gateway</html>", 502 },
    };

    [Theory]
    [MemberData(nameof(NotDenials))]
    public void Look_alikes_are_not_the_cluster_s_configuration(string body, int code) =>
        Assert.Null(ClusterPolicyDenial.Of(code, body));

    [Fact]
    public void The_reason_names_what_refused_quotes_the_server_and_says_how_to_run_without_it()
    {
        var webhook = ClusterPolicyDenial.Of(403, Webhook("validation.gatekeeper.sh", "[no-privileged] not allowed"))!;
        Assert.Equal(
            "the pod create was denied by the admission webhook \"validation.gatekeeper.sh\" (HTTP 403), the cluster's own configuration, which the model does not have "
            + "(spec/admission.md ADM-010): admission webhook \"validation.gatekeeper.sh\" denied the request: [no-privileged] not allowed; to check such pods, run against a cluster "
            + "or namespace that webhook does not match (its namespaceSelector, objectSelector or matchConditions)",
            webhook.NotPerformed(namespaceLabelledPrivileged: false));

        var policy = ClusterPolicyDenial.Of(422, ValidatingPolicy("web", "no-latest-tag", "no-latest-tag-binding", "image tag must not be latest"))!;
        Assert.StartsWith("the pod create was denied by the ValidatingAdmissionPolicy 'no-latest-tag' (binding 'no-latest-tag-binding') (HTTP 422), ", policy.NotPerformed(false), StringComparison.Ordinal);
        Assert.EndsWith("; to check such pods, run against a namespace its bindings do not match (their matchResources) or a cluster without it", policy.NotPerformed(false), StringComparison.Ordinal);

        var podSecurity = ClusterPolicyDenial.Of(403, PodSecurity("web", Restricted, RestrictedDetail("web")))!;
        Assert.Equal(
            "the pod create was refused by PodSecurity at level \"restricted:latest\" (HTTP 403), the cluster's default for a namespace without PodSecurity labels, where the model "
            + "assumes privileged (spec/admission.md ADM-010): pods \"web\" is forbidden: violates PodSecurity \"restricted:latest\": " + RestrictedDetail("web")
            + "; rerun with --pod-security-privileged (labels the run's namespace pod-security.kubernetes.io/enforce=privileged) or against a cluster whose PodSecurity default is privileged",
            podSecurity.NotPerformed(namespaceLabelledPrivileged: false));
        Assert.Contains("although the run's namespace was created with pod-security.kubernetes.io/enforce=privileged (--pod-security-privileged)", podSecurity.NotPerformed(true), StringComparison.Ordinal);
    }

    /// <summary>Called on its own, the mapping never turns such a denial into a rejection either: no observation, and why.</summary>
    [Theory]
    [MemberData(nameof(Denials))]
    public void The_mapping_gives_no_observation_for_a_denial(string body, int code, ClusterPolicyKind kind, string name, string binding)
    {
        _ = (kind, binding);
        var observation = AdmissionMapping.Map(new ClusterApi.CreateResponse(code, body), TestPods.Web, "podconf-test-20261207-190000-abcdef", out string error);
        Assert.Null(observation);
        Assert.StartsWith("not the pod's verdict: the ", error, StringComparison.Ordinal);
        Assert.Contains(name, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_403_denial_is_its_own_kind_of_forbidden_and_the_other_403s_are_unchanged()
    {
        const string ns = "podconf-test-20261207-190000-abcdef";
        Assert.Equal(ForbiddenKind.ClusterPolicy, ForbiddenPodCreate.Classify(Webhook("validation.gatekeeper.sh", "no"), ns));
        Assert.Equal(ForbiddenKind.ClusterPolicy, ForbiddenPodCreate.Classify(PodSecurity("web", Restricted, RestrictedDetail("web")), ns));
        Assert.Equal(ForbiddenKind.ClusterPolicy, ForbiddenPodCreate.Classify(ValidatingPolicy("web", "p", "b", "no", 403, "Forbidden"), ns));
        Assert.Equal(ForbiddenKind.AdmissionRefusal, ForbiddenPodCreate.Classify(Status(403, "Forbidden", "pods \"web\" is forbidden: pod rejected: RuntimeClass \"kata\" not found"), ns));
    }
}
