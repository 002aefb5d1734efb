using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Issue 9: enum fields whose bad value Kubernetes passes to <c>field.NotSupported</c>/<c>field.Invalid</c> as a value of a
/// named string type (<c>core.PullPolicy</c>, <c>core.Protocol</c>, …), never <c>string(...)</c>, print by release as
/// VAL-201 says. apimachinery <c>pkg/util/validation/field/errors.go</c> ErrorBody: v0.28.0 … v0.33.0 dereference a
/// pointer, then only an exact <c>string</c> takes the <c>%q</c> case; a named string type is no <c>fmt.Stringer</c>
/// (none of these has a <c>String()</c>) and falls to <c>%#v</c>, which for a string kind prints <c>%q</c>'s text. v0.34.0
/// sends everything but <c>string</c>/numbers/bool to <c>json.Marshal</c>: <c>&lt; &gt; &amp;</c> become
/// <c>\u003c \u003e \u0026</c>, control characters <c>\u00XX</c> (or <c>\n \t …</c>), while DEL stays raw where
/// <c>%q</c> writes <c>\x7f</c>. field.NotSupported itself only stores the value (v0.28.0 … v0.34.0: it quotes the
/// supported values, never the bad one), so the detail is the same at every release.
/// </summary>
/// <remarks>
/// Call sites, each passing the named-type value: "VG" = kubernetes <c>pkg/apis/core/validation/validation.go</c> at
/// <c>000f26050b9b</c> (≈1.33), "U37" = the same file at <c>78e971a4bc0d</c> (master after v1.37.0-beta.0).
/// validateContainerPorts <c>port.Protocol</c>, validatePullPolicy <c>policy core.PullPolicy</c>,
/// validateContainerCommon <c>ctr.TerminationMessagePolicy</c>, validateInitContainerRestartPolicy <c>*restartPolicy</c>,
/// validateResizePolicy <c>p.RestartPolicy</c> (NotSupported and the Never Invalid), validateHTTPGetAction
/// <c>http.Scheme</c>, validateRestartPolicy <c>*restartPolicy</c>, validateDNSPolicy <c>dnsPolicy</c> (a
/// <c>*core.DNSPolicy</c>: dereferenced before 1.34, JSON of the pointee after) — VG and U37;
/// validateContainerRestartPolicy <c>*policy</c>, <c>rule.Action</c>, <c>rule.ExitCodes.Operator</c> (1.34+ only) — U37.
/// </remarks>
public class NamedStringBadValueTests
{
    /// <summary>A bad value with characters the two printers treat differently: <c>&lt;</c>, <c>&amp;</c>, U+0001, DEL.</summary>
    private const string Bad = "<&\u0001\u007f";

    /// <summary>Go's <c>%q</c> (= <c>%#v</c> of a named string) of <see cref="Bad"/>.</summary>
    private const string GoQuoted = "\"<&\\x01\\x7f\"";

    /// <summary>Go's <c>json.Marshal</c> of <see cref="Bad"/> (HTML escaping on; DEL is not escaped).</summary>
    private const string JsonQuoted = "\"\\u003c\\u0026\\u0001\u007f\"";

    private static readonly ContainerRestartRuleOnExitCodes InCodes = new() { Operator = "In", Values = ValueList.Of(1) };

    private static Pod Build(string site) => site switch
    {
        "imagePullPolicy" => Pod(Container() with { ImagePullPolicy = Bad }),
        "terminationMessagePolicy" => Pod(Container() with { TerminationMessagePolicy = Bad }),
        "protocol" => Pod(Container().WithPorts(Port(80, protocol: Bad))),
        "initRestartPolicy" => OneContainer().WithInit(Container("init") with { RestartPolicy = Bad }),
        "resizeRestartPolicy" => Pod(Container() with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", Bad)) }),
        "resizeNever" => Pod(Container() with { ResizePolicy = ValueList.Of(new ContainerResizePolicy("cpu", Bad)) }).WithSpec(s => s with { RestartPolicy = "Never" }),
        "podRestartPolicy" => OneContainer().WithSpec(s => s with { RestartPolicy = Bad }),
        "dnsPolicy" => OneContainer().WithSpec(s => s with { DnsPolicy = Bad }),
        "scheme" => Pod(Container() with
        {
            Lifecycle = new Lifecycle { PreStop = new ProbeHandler { HttpGet = new HttpGetAction { Path = "/", Port = new IntOrString(80, null), Scheme = Bad } } },
        }),
        "containerRestartPolicy" => Pod(Container() with { RestartPolicy = Bad }),
        "action" => Pod(Container() with
        {
            RestartPolicy = "Never",
            RestartPolicyRules = ValueList.Of(new ContainerRestartRule { Action = Bad, ExitCodes = InCodes }),
        }),
        "operator" => Pod(Container() with
        {
            RestartPolicy = "Never",
            RestartPolicyRules = ValueList.Of(new ContainerRestartRule { Action = "Restart", ExitCodes = InCodes with { Operator = Bad } }),
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(site), site, "unknown site"),
    };

    /// <summary>Each line has <c>{0}</c> where the bad value is printed (the 1.33 and 1.34 texts otherwise agree).</summary>
    public static TheoryData<string, int, string[]> Rows => new()
    {
        { "imagePullPolicy", 33, ["spec.containers[0].imagePullPolicy: Unsupported value: {0}: supported values: \"Always\", \"IfNotPresent\", \"Never\""] },
        { "imagePullPolicy", 34, ["spec.containers[0].imagePullPolicy: Unsupported value: {0}: supported values: \"Always\", \"IfNotPresent\", \"Never\""] },
        { "terminationMessagePolicy", 33, ["spec.containers[0].terminationMessagePolicy: Unsupported value: {0}: supported values: \"File\", \"FallbackToLogsOnError\""] },
        { "terminationMessagePolicy", 37, ["spec.containers[0].terminationMessagePolicy: Unsupported value: {0}: supported values: \"File\", \"FallbackToLogsOnError\""] },
        { "protocol", 28, ["spec.containers[0].ports[0].protocol: Unsupported value: {0}: supported values: \"SCTP\", \"TCP\", \"UDP\""] },
        { "protocol", 34, ["spec.containers[0].ports[0].protocol: Unsupported value: {0}: supported values: \"SCTP\", \"TCP\", \"UDP\""] },
        // Before ContainerRestartRules (on from 1.35) a sidecar-era init container may only say Always.
        { "initRestartPolicy", 33, ["spec.initContainers[0].restartPolicy: Unsupported value: {0}: supported values: \"Always\""] },
        { "initRestartPolicy", 34, ["spec.initContainers[0].restartPolicy: Unsupported value: {0}: supported values: \"Always\""] },
        { "resizeRestartPolicy", 33, ["spec.containers[0].resizePolicy: Unsupported value: {0}: supported values: \"NotRequired\", \"RestartContainer\""] },
        { "resizeRestartPolicy", 34, ["spec.containers[0].resizePolicy: Unsupported value: {0}: supported values: \"NotRequired\", \"RestartContainer\""] },
        {
            "resizeNever", 33,
            [
                "spec.containers[0].resizePolicy: Unsupported value: {0}: supported values: \"NotRequired\", \"RestartContainer\"",
                "spec.containers[0].resizePolicy: Invalid value: {0}: must be 'NotRequired' when `restartPolicy` is 'Never'",
            ]
        },
        {
            "resizeNever", 34,
            [
                "spec.containers[0].resizePolicy: Unsupported value: {0}: supported values: \"NotRequired\", \"RestartContainer\"",
                "spec.containers[0].resizePolicy: Invalid value: {0}: must be 'NotRequired' when `restartPolicy` is 'Never'",
            ]
        },
        { "podRestartPolicy", 33, ["spec.restartPolicy: Unsupported value: {0}: supported values: \"Always\", \"OnFailure\", \"Never\""] },
        { "podRestartPolicy", 34, ["spec.restartPolicy: Unsupported value: {0}: supported values: \"Always\", \"OnFailure\", \"Never\""] },
        { "dnsPolicy", 33, ["spec.dnsPolicy: Unsupported value: {0}: supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""] },
        { "dnsPolicy", 34, ["spec.dnsPolicy: Unsupported value: {0}: supported values: \"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""] },
        { "scheme", 33, ["spec.containers[0].lifecycle.preStop.httpGet.scheme: Unsupported value: {0}: supported values: \"HTTP\", \"HTTPS\""] },
        { "scheme", 34, ["spec.containers[0].lifecycle.preStop.httpGet.scheme: Unsupported value: {0}: supported values: \"HTTP\", \"HTTPS\""] },
        // ContainerRestartRules is on from 1.35 (alpha, off, in 1.34): these sites only ever print JSON.
        { "containerRestartPolicy", 35, ["spec.containers[0].restartPolicy: Unsupported value: {0}: supported values: \"Always\", \"Never\", \"OnFailure\""] },
        { "action", 35, ["spec.containers[0].restartPolicyRules[0].action: Unsupported value: {0}: supported values: \"Restart\""] },
        { "operator", 37, ["spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: {0}: supported values: \"In\", \"NotIn\""] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_named_string_bad_value_is_go_quoted_up_to_1_33_and_json_from_1_34(string site, int minor, string[] lines)
    {
        string value = minor >= 34 ? JsonQuoted : GoQuoted;
        var expected = new string[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            expected[i] = lines[i].Replace("{0}", value, StringComparison.Ordinal);
        }

        Assert.Equal(expected, Errors(Build(site), V(minor)));
    }
}
