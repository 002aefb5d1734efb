using System.Text.Json;
using System.Text.Json.Nodes;
using PodConformance.Adapters.Cluster.Tests.Fake;
using PodConformance.Generators;
using PodConformance.Manifests.Objects;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Admission;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Rules;
using static PodConformance.Adapters.Cluster.Tests.Fake.ApiObjects;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>
/// A case's own ServiceAccounts (<see cref="PodCase.ServiceAccounts"/>, session 15; spec/adapter-cluster.md "ServiceAccounts"):
/// the account the pod names is created in the run's namespace with the case's settings under a run-unique name, a name the
/// case does not give is sent as a stand-in no account has, and the answers are mapped back to the case's names. Against a
/// fake API server that stores the accounts it is sent and admits each pod as the model does with exactly those accounts
/// (and a bare <c>default</c>): so a setting the adapter lost or a name it did not map back shows as a difference from the
/// model's answer for the case.
/// </summary>
public class CaseServiceAccountsTests
{
    private static readonly Model.Profiles.Profile Profile = TestPods.Profile131;

    /// <summary>The run namespace's accounts as the model reads them (through --objects' mapper, from the JSON the adapter sent).</summary>
    private static ValueList<ServiceAccount> Stored(ServiceAccountsFake fake, string ns)
    {
        var text = string.Join("\n---\n", fake.Accounts.Where(kv => kv.Key.StartsWith(ns + "/", StringComparison.Ordinal)).Select(kv => kv.Value));
        if (text.Length == 0)
        {
            return default;
        }

        var read = PodManifestReader.ReadText(text, "accounts.json");
        var (objects, diagnostics) = AdmissionObjectMapper.Map(read.OtherObjects);
        Assert.Empty(diagnostics);
        return objects.ServiceAccounts;
    }

    /// <summary>A pod create answered as the model answers it in the run's namespace, with the accounts stored there and nothing assumed.</summary>
    private static FakeResponse? AdmitAsTheModel(ServiceAccountsFake fake, FakeRequest r)
    {
        string[] parts = r.Path.Split('/');
        if (r.Method != "POST" || parts.Length != 6 || parts[5] != "pods")
        {
            return null;
        }

        var read = PodManifestReader.ReadText(r.Body, "pod.json");
        var pod = Assert.Single(read.Pods).Pod;
        var created = PodCreate.Run(pod, Profile, new AdmissionObjects { ServiceAccounts = Stored(fake, parts[4]), Missing = MissingObjects.NotFound });
        if (created.Rejection is { } rejection)
        {
            return FakeResponse.Json(403, Status(403, "Forbidden", JsonEncodedText.Encode(rejection.Message).ToString()));
        }

        var stored = created.Stored;
        var json = JsonNode.Parse(PodManifestWriter.ToJson(stored with { Status = null }))!.AsObject();
        json["status"] = new JsonObject { ["phase"] = "Pending", ["qosClass"] = stored.Status?.QosClass ?? "" };
        return FakeResponse.Json(201, json.ToJsonString());
    }

    private static (ServiceAccountsFake Fake, FakeApiServer Server) Start()
    {
        ServiceAccountsFake? fake = null;
        fake = new ServiceAccountsFake { Admitted = ns => CreatedPod(ns), Override = r => AdmitAsTheModel(fake!, r) };
        return (fake, new FakeApiServer(fake.Handle));
    }

    private static ConformanceProperty Property(string id) => Catalog.All.Single(p => p.Id == id);

    /// <summary>
    /// Generated ServiceAccount cases (every variant: accepted with the token mounted or not and pull secrets copied or kept,
    /// refused as not found, refused for an unlisted Secret) agree with the model under P-ADM-VALIDATION's and
    /// P-ADM-DEFAULTS' comparisons; those whose pod uses a <c>default</c> account the case gives settings are not performed.
    /// </summary>
    [Fact]
    public async Task Generated_cases_agree_with_the_model_through_the_adapter()
    {
        var (fake, server) = Start();
        await using var _ = server;
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var cases = Seeds.Sample(ServiceAccountCases.Any, ReplaySeed.Of(4261), 60).Select(c => new PodCase(c.Pod) { ServiceAccounts = c.Accounts }).ToList();
        int performed = 0, refused = 0, notPerformed = 0;
        foreach (var c in cases)
        {
            var actual = await adapter.RunAsync(c, Profile, CancellationToken.None);
            Assert.Null(actual.Failure);
            if (actual.NotPerformed is { } why)
            {
                Assert.Equal(RunServiceAccounts.NotPerformed(c), why);
                notPerformed++;
                continue;
            }

            performed++;
            var expected = ModelAdapter.Run(c, Profile);
            refused += expected.Admission!.Accepted ? 0 : 1;
            foreach (string id in new[] { "P-ADM-VALIDATION", "P-ADM-DEFAULTS" })
            {
                var verdict = Property(id).Compare(c, expected, actual);
                Assert.True(verdict.Pass, id + ": " + verdict.Detail + "\n" + Suite.Reports.CaseText.Render(c));
            }
        }

        Assert.True(performed >= 30 && refused >= 5 && notPerformed >= 1, performed + " performed, " + refused + " refused, " + notPerformed + " not performed");

        // Accounts live in the run's namespace under run-unique names; the stand-in for a missing one is never created.
        Assert.NotEmpty(fake.Accounts);
        Assert.All(fake.Accounts.Keys, k => Assert.StartsWith(adapter.Namespace!.Name + "/" + adapter.Namespace.Prefix + "-" + adapter.Namespace.RunId + "-sa", k, StringComparison.Ordinal));
        Assert.DoesNotContain(fake.Accounts.Keys, k => k.EndsWith("-sa-absent", StringComparison.Ordinal));
    }

    private static PodCase Naming(string account, params ServiceAccount[] accounts) =>
        new(TestPods.Web with { Spec = TestPods.Web.Spec with { ServiceAccountName = account } }) { ServiceAccounts = accounts.ToValueList() };

    [Fact]
    public async Task An_account_is_sent_with_the_case_s_settings_once_per_content_and_the_pod_names_it()
    {
        var (fake, server) = Start();
        await using var _ = server;
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var builder = new ServiceAccount
        {
            Name = "builder",
            AutomountServiceAccountToken = false,
            ImagePullSecrets = ["regcred"],
            Secrets = ["app-token"],
            Annotations = ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", "true")),
        };
        var first = await adapter.RunAsync(Naming("builder", builder), Profile, CancellationToken.None);
        var again = await adapter.RunAsync(Naming("builder", builder, new ServiceAccount { Name = "runner" }), Profile, CancellationToken.None);
        var other = await adapter.RunAsync(Naming("builder", builder with { AutomountServiceAccountToken = null }), Profile, CancellationToken.None);
        foreach (var o in new[] { first, again, other })
        {
            Assert.Null(o.Failure);
            Assert.True(o.Admission!.Accepted, string.Join("; ", o.Admission.Errors));
            Assert.Equal("builder", o.Admission.Defaults["spec.serviceAccountName"]);
            Assert.Equal("builder", o.Admission.Defaults["spec.serviceAccount"]);
            Assert.Equal("regcred", o.Admission.Defaults["spec.imagePullSecrets[0].name"]);
        }

        Assert.DoesNotContain(first.Admission!.Defaults, d => d.Value.StartsWith("kube-api-access-", StringComparison.Ordinal));
        Assert.Contains(other.Admission!.Defaults, d => d.Value.StartsWith("kube-api-access-", StringComparison.Ordinal));

        // Two contents, two accounts (the second case's runner is not named by its pod and not created).
        var creates = server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/serviceaccounts").ToList();
        Assert.Equal(2, creates.Count);
        using var doc = JsonDocument.Parse(creates[0].Body);
        var root = doc.RootElement;
        string renamed = adapter.Namespace.Prefix + "-" + adapter.Namespace.RunId + "-sa1";
        Assert.Equal(["apiVersion", "kind", "metadata", "automountServiceAccountToken", "secrets", "imagePullSecrets"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(renamed, root.GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("true", root.GetProperty("metadata").GetProperty("annotations").GetProperty("kubernetes.io/enforce-mountable-secrets").GetString());
        Assert.False(root.GetProperty("automountServiceAccountToken").GetBoolean());
        Assert.Equal("app-token", root.GetProperty("secrets")[0].GetProperty("name").GetString());
        Assert.Equal("regcred", root.GetProperty("imagePullSecrets")[0].GetProperty("name").GetString());
        Assert.Equal("podconf", root.GetProperty("metadata").GetProperty("labels").GetProperty("app.kubernetes.io/managed-by").GetString());

        var pods = server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace.Name + "/pods").ToList();
        Assert.All(pods.Take(2), p => Assert.Equal(renamed, JsonNode.Parse(p.Body)!["spec"]!["serviceAccountName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_missing_account_and_an_unlisted_secret_are_refused_in_the_case_s_names()
    {
        var (_, server) = Start();
        await using var s = server;
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var enforcing = new ServiceAccount { Name = "builder", Annotations = ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", "1")) };
        var missing = Naming("deployer", enforcing);
        var unlisted = Naming("builder", enforcing) with { Pod = TestPods.Web with { Spec = TestPods.Web.Spec with { ServiceAccountName = "builder", ImagePullSecrets = [new LocalObjectReference { Name = "other-cred" }] } } };

        var o = await adapter.RunAsync(missing, Profile, CancellationToken.None);
        Assert.Equal(["pods \"web\" is forbidden: error looking up service account default/deployer: serviceaccount \"deployer\" not found"], o.Admission!.Errors);
        Assert.Contains(server.Where("POST", "/api/v1/namespaces/" + adapter.Namespace!.Name + "/pods"),
            r => JsonNode.Parse(r.Body)!["spec"]!["serviceAccountName"]!.GetValue<string>() == adapter.Namespace.Prefix + "-" + adapter.Namespace.RunId + "-sa-absent");

        o = await adapter.RunAsync(unlisted, Profile, CancellationToken.None);
        Assert.Equal(["pods \"web\" is forbidden: imagePullSecrets[0].name=\"other-cred\" is not allowed because service account builder does not reference that imagePullSecret"], o.Admission!.Errors);
        Assert.Equal(ModelAdapter.Run(unlisted, Profile).Admission!.Errors, o.Admission.Errors);
    }

    [Fact]
    public async Task Settings_for_the_namespace_s_own_default_account_make_the_case_not_performed()
    {
        var (_, server) = Start();
        await using var s = server;
        await using var adapter = ClusterAdapter.Create(TestPods.Options(), TestPods.Config(server.Url));
        var automountOff = new ServiceAccount { Name = "default", AutomountServiceAccountToken = false };
        foreach (string name in new[] { "", "default" })
        {
            var o = await adapter.RunAsync(Naming(name, automountOff), Profile, CancellationToken.None);
            Assert.Equal("the case gives the ServiceAccount default settings its pod uses, which the cluster adapter does not give the run namespace's own default account (its controller makes it, and every case of the run uses it)", o.NotPerformed);
        }

        // A bare default, or settings for default while the pod names another account, are performed.
        Assert.Null((await adapter.RunAsync(Naming("", new ServiceAccount { Name = "default" }), Profile, CancellationToken.None)).NotPerformed);
        var named = await adapter.RunAsync(Naming("builder", automountOff, new ServiceAccount { Name = "builder" }), Profile, CancellationToken.None);
        Assert.Null(named.NotPerformed);
        Assert.True(named.Admission!.Accepted);
    }
}
