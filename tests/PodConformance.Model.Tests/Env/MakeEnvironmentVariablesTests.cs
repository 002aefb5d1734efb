using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using static PodConformance.Model.Tests.EnvSpec.EnvTestPods;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// kubernetes/kubernetes pkg/kubelet/kubelet_pods_test.go TestMakeEnvironmentVariables at
/// 001a80e975bb880d0fe60b304d30950fe661f278: all 31 cases. Upstream compares lists sorted by name, as
/// <see cref="EnvResult.Variables"/> is. A nil lister is Services = null; "unsynced" is ServicesSynced = false.
/// </summary>
public class MakeEnvironmentVariablesTests
{
    public sealed record Case(
        string Ns,
        bool? EnableServiceLinks,
        Container Container,
        (string Name, string Value)[] Expected,
        bool NilLister = false,
        bool StaticPod = false,
        bool UnsyncedServices = false,
        ValueMap<ValueMap<string>> ConfigMaps = default,
        ValueMap<ValueMap<string>> Secrets = default,
        ValueList<string> PodIPs = default,
        bool ExpectError = false);

    private static readonly (string, string)[] None = [];

    private static readonly EnvVar[] TestServiceLiterals =
    [
        Literal("FOO", "BAR"),
        Literal("TEST_SERVICE_HOST", "1.2.3.3"),
        Literal("TEST_SERVICE_PORT", "8083"),
        Literal("TEST_PORT", "tcp://1.2.3.3:8083"),
        Literal("TEST_PORT_8083_TCP", "tcp://1.2.3.3:8083"),
        Literal("TEST_PORT_8083_TCP_PROTO", "tcp"),
        Literal("TEST_PORT_8083_TCP_PORT", "8083"),
        Literal("TEST_PORT_8083_TCP_ADDR", "1.2.3.3"),
    ];

    private static readonly EnvVar[] DownwardAll =
    [
        FieldRef("POD_NAME", "metadata.name"),
        FieldRef("POD_NAMESPACE", "metadata.namespace"),
        FieldRef("POD_NODE_NAME", "spec.nodeName"),
        FieldRef("POD_SERVICE_ACCOUNT_NAME", "spec.serviceAccountName"),
        FieldRef("POD_IP", "status.podIP"),
        FieldRef("POD_IPS", "status.podIPs"),
        FieldRef("HOST_IP", "status.hostIP"),
        FieldRef("HOST_IPS", "status.hostIPs"),
    ];

    private static readonly EnvVar[] DownwardIps =
    [
        FieldRef("POD_IP", "status.podIP"),
        FieldRef("POD_IPS", "status.podIPs"),
        FieldRef("HOST_IP", "status.hostIP"),
        FieldRef("HOST_IPS", "status.hostIPs"),
    ];

    private static readonly (string, string)[] DownwardIpsExpected =
        [("POD_IP", "1.2.3.4"), ("POD_IPS", "1.2.3.4,fd00::6"), ("HOST_IP", "127.0.0.1"), ("HOST_IPS", "127.0.0.1,::1")];

    private static EnvVar[] ExpansionEnv(bool withServiceRef)
    {
        var list = new List<EnvVar>
        {
            Literal("TEST_LITERAL", "test-test-test"),
            FieldRef("POD_NAME", "metadata.name"),
            Literal("OUT_OF_ORDER_TEST", "$(OUT_OF_ORDER_TARGET)"),
            Literal("OUT_OF_ORDER_TARGET", "FOO"),
            Literal("EMPTY_VAR"),
            Literal("EMPTY_TEST", "foo-$(EMPTY_VAR)"),
            Literal("POD_NAME_TEST2", "test2-$(POD_NAME)"),
            Literal("POD_NAME_TEST3", "$(POD_NAME_TEST2)-3"),
            Literal("LITERAL_TEST", "literal-$(TEST_LITERAL)"),
        };
        if (withServiceRef)
        {
            list.Add(Literal("SERVICE_VAR_TEST", "$(TEST_SERVICE_HOST):$(TEST_SERVICE_PORT)"));
        }

        list.Add(Literal("TEST_UNDEFINED", "$(UNDEFINED_VAR)"));
        return [.. list];
    }

    private static readonly (string, string)[] ExpansionExpected =
    [
        ("TEST_LITERAL", "test-test-test"), ("POD_NAME", PodName), ("POD_NAME_TEST2", "test2-" + PodName),
        ("POD_NAME_TEST3", "test2-" + PodName + "-3"), ("LITERAL_TEST", "literal-test-test-test"),
        ("OUT_OF_ORDER_TEST", "$(OUT_OF_ORDER_TARGET)"), ("OUT_OF_ORDER_TARGET", "FOO"),
        ("TEST_UNDEFINED", "$(UNDEFINED_VAR)"), ("EMPTY_VAR", ""), ("EMPTY_TEST", "foo-"),
    ];

    private static readonly Container EnvFromConfigMap = new()
    {
        EnvFrom = [FromConfigMap("test-config-map"), FromConfigMap("test-config-map", "p_")],
        Env = [Literal("TEST_LITERAL", "test-test-test"), Literal("EXPANSION_TEST", "$(REPLACE_ME)"), Literal("DUPE_TEST", "ENV_VAR")],
    };

    private static readonly Container EnvFromSecret = new()
    {
        EnvFrom = [FromSecret("test-secret"), FromSecret("test-secret", "p_")],
        Env = [Literal("TEST_LITERAL", "test-test-test"), Literal("EXPANSION_TEST", "$(REPLACE_ME)"), Literal("DUPE_TEST", "ENV_VAR")],
    };

    private static readonly ValueMap<ValueMap<string>> TestConfigMap =
        Objects("test-config-map", Data(("REPLACE_ME", "FROM_CONFIG_MAP"), ("DUPE_TEST", "CONFIG_MAP")));

    private static readonly ValueMap<ValueMap<string>> TestSecret =
        Objects("test-secret", Data(("REPLACE_ME", "FROM_SECRET"), ("DUPE_TEST", "SECRET")));

    private static (string, string)[] FromExpected(string value, string dupe, string prefix) =>
    [
        ("TEST_LITERAL", "test-test-test"), ("REPLACE_ME", value), ("EXPANSION_TEST", value), ("DUPE_TEST", "ENV_VAR"),
        (prefix + "REPLACE_ME", value), (prefix + "DUPE_TEST", dupe),
    ];

    public static readonly Dictionary<string, Case> Cases = new(StringComparer.Ordinal)
    {
        ["if services aren't synced, non-static pods should fail"] =
            new("test1", false, new Container(), None, UnsyncedServices: true, ExpectError: true),
        ["if services aren't synced, static pods should succeed"] =
            new("test1", false, new Container(), None, StaticPod: true, UnsyncedServices: true),
        ["api server = Y, kubelet = Y"] =
            new("test1", false, new Container { Env = TestServiceLiterals },
                Join([("FOO", "BAR")], ServiceVars("TEST", "1.2.3.3", 8083), MasterVars)),
        ["api server = Y, kubelet = N"] =
            new("test1", false, new Container { Env = TestServiceLiterals },
                Join([("FOO", "BAR")], ServiceVars("TEST", "1.2.3.3", 8083)), NilLister: true),
        ["api server = N; kubelet = Y"] =
            new("test1", false, new Container { Env = [Literal("FOO", "BAZ")] }, Join([("FOO", "BAZ")], MasterVars)),
        ["api server = N; kubelet = Y; service env vars"] =
            new("test1", true, new Container { Env = [Literal("FOO", "BAZ")] },
                Join([("FOO", "BAZ")], ServiceVars("TEST", "1.2.3.3", 8083), MasterVars)),
        ["master service in pod ns"] =
            new("test2", false, new Container { Env = [Literal("FOO", "ZAP")] }, Join([("FOO", "ZAP")], MasterVars)),
        ["master service in pod ns, service env vars"] =
            new("test2", true, new Container { Env = [Literal("FOO", "ZAP")] },
                Join([("FOO", "ZAP")], ServiceVars("TEST", "1.2.3.5", 8085), ServiceVars("KUBERNETES", "1.2.3.4", 8084))),
        ["pod in master service ns"] =
            new("default", false, new Container(), MasterVars),
        ["pod in master service ns, service env vars"] =
            new("default", true, new Container(), Join(ServiceVars("NOT_SPECIAL", "1.2.3.8", 8088), MasterVars)),
        ["downward api pod"] =
            new("downward-api", false, new Container { Env = DownwardAll },
                Join([("POD_NAME", PodName), ("POD_NAMESPACE", "downward-api"), ("POD_NODE_NAME", "node-name"), ("POD_SERVICE_ACCOUNT_NAME", "special")], DownwardIpsExpected),
                NilLister: true, PodIPs: ["1.2.3.4", "fd00::6"]),
        ["downward api pod ips reverse order"] =
            new("downward-api", false, new Container { Env = DownwardIps }, DownwardIpsExpected, NilLister: true, PodIPs: ["fd00::6", "1.2.3.4"]),
        ["downward api pod ips multiple ips"] =
            new("downward-api", false, new Container { Env = DownwardIps }, DownwardIpsExpected, NilLister: true, PodIPs: ["1.2.3.4", "192.168.1.1.", "fd00::6"]),
        ["env expansion"] =
            new("test1", false, new Container { Env = ExpansionEnv(false) }, Join(ExpansionExpected, MasterVars)),
        ["env expansion, service env vars"] =
            new("test1", true, new Container { Env = ExpansionEnv(true) },
                Join(ExpansionExpected, ServiceVars("TEST", "1.2.3.3", 8083), [("SERVICE_VAR_TEST", "1.2.3.3:8083")], MasterVars)),
        ["configmapkeyref_missing_optional"] =
            new("test", false, new Container { Env = [ConfigMapKey("POD_NAME", "missing-config-map", "key", true)] }, MasterVars),
        ["configmapkeyref_missing_key_optional"] =
            new("test", false, new Container { Env = [ConfigMapKey("POD_NAME", "test-config-map", "key", true)] }, None,
                NilLister: true, ConfigMaps: Objects("test-config-map", Data(("a", "b")))),
        ["secretkeyref_missing_optional"] =
            new("test", false, new Container { Env = [SecretKey("POD_NAME", "missing-secret", "key", true)] }, MasterVars),
        ["secretkeyref_missing_key_optional"] =
            new("test", false, new Container { Env = [SecretKey("POD_NAME", "test-secret", "key", true)] }, None,
                NilLister: true, Secrets: Objects("test-secret", Data(("a", "b")))),
        ["configmap"] =
            new("test1", false, EnvFromConfigMap, Join(FromExpected("FROM_CONFIG_MAP", "CONFIG_MAP", "p_"), MasterVars), ConfigMaps: TestConfigMap),
        ["configmap allow prefix to start with a digital"] =
            new("test1", false, EnvFromConfigMap with { EnvFrom = [FromConfigMap("test-config-map"), FromConfigMap("test-config-map", "1_")] },
                Join(FromExpected("FROM_CONFIG_MAP", "CONFIG_MAP", "1_"), MasterVars), ConfigMaps: TestConfigMap),
        ["configmap, service env vars"] =
            new("test1", true, EnvFromConfigMap,
                Join(FromExpected("FROM_CONFIG_MAP", "CONFIG_MAP", "p_"), ServiceVars("TEST", "1.2.3.3", 8083), MasterVars), ConfigMaps: TestConfigMap),
        ["configmap_missing"] =
            new("test1", false, new Container { EnvFrom = [FromConfigMap("test-config-map")] }, None, ExpectError: true),
        ["configmap_missing_optional"] =
            new("test", false, new Container { EnvFrom = [FromConfigMap("missing-config-map", optional: true)] }, MasterVars),
        ["configmap_invalid_keys_valid"] =
            new("test", false, new Container { EnvFrom = [FromConfigMap("test-config-map", "p_")] }, Join([("p_1234", "abc")], MasterVars),
                ConfigMaps: Objects("test-config-map", Data(("1234", "abc")))),
        ["secret"] =
            new("test1", false, EnvFromSecret, Join(FromExpected("FROM_SECRET", "SECRET", "p_"), MasterVars), Secrets: TestSecret),
        ["secret, service env vars"] =
            new("test1", true, EnvFromSecret,
                Join(FromExpected("FROM_SECRET", "SECRET", "p_"), ServiceVars("TEST", "1.2.3.3", 8083), MasterVars), Secrets: TestSecret),
        ["secret_missing"] =
            new("test1", false, new Container { EnvFrom = [FromSecret("test-secret")] }, None, ExpectError: true),
        ["secret_missing_optional"] =
            new("test", false, new Container { EnvFrom = [FromSecret("missing-secret", optional: true)] }, MasterVars),
        ["secret_invalid_keys_valid"] =
            new("test", false, new Container { EnvFrom = [FromSecret("test-secret", "p_")] }, Join([("p_1234.name", "abc")], MasterVars),
                Secrets: Objects("test-secret", Data(("1234.name", "abc")))),
        ["nil_enableServiceLinks"] =
            new("test", null, new Container { EnvFrom = [FromSecret("test-secret", "p_")] }, None,
                Secrets: Objects("test-secret", Data(("1234.name", "abc"))), ExpectError: true),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Fact]
    public void All_31_upstream_cases_are_ported() => Assert.Equal(31, Cases.Count);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Upstream_case(string name)
    {
        var c = Cases[name];
        var inputs = new EnvInputs
        {
            Services = c.NilLister ? (ValueList<Service>?)null : c.UnsyncedServices ? ValueList<Service>.Empty : UpstreamServices,
            ServicesSynced = !c.UnsyncedServices,
            ConfigMaps = c.ConfigMaps,
            Secrets = c.Secrets,
            Node = TestNode,
            PodIPs = c.PodIPs,
        };
        var result = EnvironmentBuilder.Build(UpstreamPod(c.Ns, c.EnableServiceLinks, c.StaticPod), c.Container, inputs, Profile.Default);
        if (c.ExpectError)
        {
            Assert.NotNull(result.Error);
            return;
        }

        Assert.Null(result.Error);
        var expected = c.Expected.Select(e => e.Name + "=" + e.Value).Order(StringComparer.Ordinal).ToArray();
        var actual = result.Variables.Select(v => v.Name + "=" + v.Value).ToArray();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("if services aren't synced, non-static pods should fail", EnvRules.ServicesSynced, "services have not yet been read at least once, cannot construct envvars")]
    [InlineData("configmap_missing", EnvRules.EnvFrom, "configmap \"test-config-map\" not found")]
    [InlineData("secret_missing", EnvRules.EnvFrom, "secret \"test-secret\" not found")]
    [InlineData("nil_enableServiceLinks", EnvRules.ServiceLinksRequired, "nil pod.spec.enableServiceLinks encountered, cannot construct envvars")]
    public void Upstream_error_cases_carry_the_kubelet_message_and_rule(string name, string rule, string message)
    {
        var c = Cases[name];
        var inputs = new EnvInputs { ServicesSynced = !c.UnsyncedServices, Secrets = c.Secrets, Node = TestNode };
        var result = EnvironmentBuilder.Build(UpstreamPod(c.Ns, c.EnableServiceLinks, c.StaticPod), c.Container, inputs, Profile.Default);
        Assert.Equal(new EnvError(rule, message), result.Error);
    }
}
