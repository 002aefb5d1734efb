using System.Text.Json;
using PodConformance.Adapters.Process.Protocol;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Observations;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// The JSON Schemas in spec/schemas/ list the same members the codecs write, so the published contract and
/// the implementation cannot drift apart silently. (Full validation against the schemas is left to adapter
/// authors' tools; the BCL has no JSON Schema validator.)
/// </summary>
public class SchemaConsistencyTests
{
    private static string SchemaDir
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "spec", "schemas");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("spec/schemas above " + AppContext.BaseDirectory);
        }
    }

    private static JsonElement Schema(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(SchemaDir, name))).RootElement;

    private static SortedSet<string> Properties(JsonElement schemaObject) =>
        new(schemaObject.GetProperty("properties").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);

    private static SortedSet<string> Members(JsonElement obj) => new(obj.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);

    [Fact]
    public void Every_schema_is_json_with_an_id()
    {
        string[] expected = ["bye", "error-response", "hello-request", "hello-response", "observation-response", "run-request", "scenario"];
        var names = Directory.GetFiles(SchemaDir, "*.schema.json").Select(f => Path.GetFileName(f)!.Replace(".schema.json", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, names);
        foreach (string name in expected)
        {
            Assert.Equal("urn:podconf:adapter:v1:" + name, Schema(name + ".schema.json").GetProperty("$id").GetString());
        }
    }

    [Fact]
    public void Observation_schema_lists_exactly_the_members_the_codec_writes()
    {
        var schema = Schema("observation-response.schema.json");
        var defs = schema.GetProperty("$defs");
        using var written = JsonDocument.Parse(ProtocolMessages.Observation(1, CodecRoundTripTests.Everything));
        Assert.Equal(Properties(schema), Members(written.RootElement));
        var observation = written.RootElement.GetProperty("observation");
        Assert.Equal(Properties(schema.GetProperty("properties").GetProperty("observation")), Members(observation));
        foreach (string facet in new[] { "admission", "lifecycle", "env", "oomScore", "eviction" })
        {
            Assert.Equal(Properties(defs.GetProperty(facet)), Members(observation.GetProperty(facet)));
        }

        // notObserved is written only when a member is not observed (and then that member is not).
        var quantity = Members(observation.GetProperty("quantity"));
        var partial = new Observation { Quantity = CodecRoundTripTests.Everything.Quantity! with { NotObserved = QuantityMembers.Format } };
        using (var written2 = JsonDocument.Parse(ProtocolMessages.Observation(2, partial)))
        {
            quantity.UnionWith(Members(written2.RootElement.GetProperty("observation").GetProperty("quantity")));
        }

        Assert.Equal(Properties(defs.GetProperty("quantity")), quantity);

        var sample = observation.GetProperty("lifecycle").GetProperty("samples")[1];
        Assert.Equal(Properties(defs.GetProperty("sample")), Members(sample));
        var containers = Members(sample.GetProperty("containers")[0]);
        containers.UnionWith(Members(sample.GetProperty("containers")[1])); // exitCode and lastExitCode are written only when set
        Assert.Equal(Properties(defs.GetProperty("container")), containers);
        Assert.Equal(Properties(defs.GetProperty("event")), Members(observation.GetProperty("lifecycle").GetProperty("events")[0]));
    }

    [Fact]
    public void Hello_and_error_schemas_list_the_members_written()
    {
        using var hello = JsonDocument.Parse(ProtocolMessages.AdapterHello(new AdapterHello("a", "1", Capability.All, ValueList.Of(KubernetesVersion.Newest), MaxInFlight: 8)));
        Assert.Equal(Properties(Schema("hello-response.schema.json")), Members(hello.RootElement));
        using var request = JsonDocument.Parse(ProtocolMessages.Hello("podconf", pipelining: true));
        Assert.Equal(Properties(Schema("hello-request.schema.json")), Members(request.RootElement));
        using var error = JsonDocument.Parse(ProtocolMessages.Error(3, "no"));
        Assert.Equal(Properties(Schema("error-response.schema.json")), Members(error.RootElement));
    }

    [Fact]
    public void Run_schema_lists_the_objects_members_written_also_with_withheld_secrets()
    {
        var objectsSchema = Schema("run-request.schema.json").GetProperty("$defs").GetProperty("podCase").GetProperty("properties").GetProperty("objects");
        var c = new Suite.Cases.PodCase(new Model.Api.Pod { Metadata = new Model.Api.ObjectMeta { Name = "web" } })
        {
            // volumeFiles is written only when given (ENV-016), so the case gives one.
            Objects = new Model.ContainerEnv.EnvInputs { Secrets = ValueMap.Of(("db", ValueMap.Of(("password", "x")))), Node = new Model.Api.Node { Name = "n" }, VolumeFiles = ValueMap.Of(("data", ValueMap.Of(("a.env", "A='1'")))) },
        };
        using var written = JsonDocument.Parse(ProtocolMessages.Run(1, c, Profile.Default, withholdSecrets: true));
        var members = Members(written.RootElement.GetProperty("case").GetProperty("objects"));

        // runtimeClasses is written only when the case has classes (session 13), and then with every member of a class.
        var rc = new Model.Admission.Objects.RuntimeClass
        {
            Name = "kata",
            Handler = "kata",
            HasOverhead = true,
            PodFixed = ValueMap.Of(("cpu", Model.Quantities.Quantity.Parse("250m"))),
            HasScheduling = true,
            NodeSelector = ValueMap.Of(("k", "v")),
            Tolerations = ValueList.Of(new Model.Api.Toleration { Key = "k", Operator = "Equal", Value = "v", Effect = "NoExecute", TolerationSeconds = 5 }),
        };
        // priorityClasses likewise (session 14); globalDefault is written only when true, so the class is a global default.
        var pc = new Model.Admission.Objects.PriorityClass { Name = "high", Value = 1000, GlobalDefault = true, PreemptionPolicy = "Never" };
        // serviceAccounts likewise (session 15), with every member an account may have.
        var sa = new Model.Admission.Objects.ServiceAccount
        {
            Name = "builder",
            AutomountServiceAccountToken = false,
            ImagePullSecrets = ["regcred"],
            Secrets = ["app-token"],
            Annotations = ValueMap.Of(("kubernetes.io/enforce-mountable-secrets", "true")),
        };
        using var withClasses = JsonDocument.Parse(ProtocolMessages.Run(2, c with { RuntimeClasses = [rc], PriorityClasses = [pc], ServiceAccounts = [sa] }, Profile.Default));
        var objects = withClasses.RootElement.GetProperty("case").GetProperty("objects");
        members.UnionWith(Members(objects));
        Assert.Equal(Properties(objectsSchema), members);

        var classSchema = objectsSchema.GetProperty("properties").GetProperty("runtimeClasses").GetProperty("items");
        var written0 = objects.GetProperty("runtimeClasses")[0];
        Assert.Equal(Properties(classSchema), Members(written0));
        Assert.Equal(Properties(classSchema.GetProperty("properties").GetProperty("overhead")), Members(written0.GetProperty("overhead")));
        var schedulingSchema = classSchema.GetProperty("properties").GetProperty("scheduling");
        Assert.Equal(Properties(schedulingSchema), Members(written0.GetProperty("scheduling")));
        Assert.Equal(
            Properties(schedulingSchema.GetProperty("properties").GetProperty("tolerations").GetProperty("items")),
            Members(written0.GetProperty("scheduling").GetProperty("tolerations")[0]));

        var priorityClassSchema = objectsSchema.GetProperty("properties").GetProperty("priorityClasses").GetProperty("items");
        Assert.Equal(Properties(priorityClassSchema), Members(objects.GetProperty("priorityClasses")[0]));

        var accountSchema = objectsSchema.GetProperty("properties").GetProperty("serviceAccounts").GetProperty("items");
        var account = objects.GetProperty("serviceAccounts")[0];
        Assert.Equal(Properties(accountSchema), Members(account));
        Assert.Equal(Properties(accountSchema.GetProperty("properties").GetProperty("secrets").GetProperty("items")), Members(account.GetProperty("secrets")[0]));
        Assert.Equal(Properties(accountSchema.GetProperty("properties").GetProperty("imagePullSecrets").GetProperty("items")), Members(account.GetProperty("imagePullSecrets")[0]));
    }
}
