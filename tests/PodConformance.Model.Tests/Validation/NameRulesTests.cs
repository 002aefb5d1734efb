using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// Format checks. Rules and messages read from kubernetes/kubernetes
/// staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (commit 008b3652959ca58af8be3fb5b6ecfe9ae7638282).
/// Case lists follow the upstream tests of the same file's validation_test.go (TestIsDNS1123Label,
/// TestIsValidPortName, TestIsEnvVarName, TestIsRelaxedEnvVarName, TestIsConfigMapKey); they were reconstructed
/// from those tests' rules, not copied line by line.
/// </summary>
public class NameRulesTests
{
    private static readonly KubernetesVersion V137 = KubernetesVersion.Newest;

    [Theory]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("a1")]
    [InlineData("a-1")]
    [InlineData("a--1--2--b")]
    [InlineData("0")]
    [InlineData("01")]
    [InlineData("012")]
    [InlineData("1a")]
    [InlineData("1-a")]
    [InlineData("1--a--b--2")]
    public void Dns1123Label_good(string value) => Assert.Empty(NameRules.Dns1123Label(value, V137));

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("ABC")]
    [InlineData("aBc")]
    [InlineData("A1")]
    [InlineData("A-1")]
    [InlineData("1-A")]
    [InlineData("-")]
    [InlineData("a-")]
    [InlineData("-a")]
    [InlineData("1-")]
    [InlineData("-1")]
    [InlineData("_")]
    [InlineData("a_b")]
    [InlineData(" ")]
    [InlineData("a b")]
    public void Dns1123Label_bad_gives_the_regex_message(string value) =>
        Assert.Equal([NameRules.Dns1123LabelRegexMessage], NameRules.Dns1123Label(value, V137));

    [Fact]
    public void Dns1123Label_message_has_the_upstream_double_space() =>
        Assert.Equal(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            NameRules.Dns1123LabelRegexMessage);

    [Fact]
    public void Dns1123Label_dots_are_named_in_every_supported_release()
    {
        // apimachinery v0.26.0 has no such branch, v0.27.0 (cf894f11) and every later tag have it.
        Assert.Equal(["must not contain dots"], NameRules.Dns1123Label("a.b", V137));
        Assert.Equal(["must not contain dots"], NameRules.Dns1123Label("a.b", KubernetesVersion.Oldest));
        Assert.Equal([NameRules.Dns1123LabelRegexMessage], NameRules.Dns1123Label("a.b", new KubernetesVersion(1, 26)));
        Assert.Equal([NameRules.Dns1123LabelRegexMessage], NameRules.Dns1123Label("a_b", KubernetesVersion.Oldest));
    }

    [Fact]
    public void Dns1123Label_too_long_reports_length()
    {
        Assert.Empty(NameRules.Dns1123Label(new string('a', 63), V137));
        Assert.Equal(["must be no more than 63 characters"], NameRules.Dns1123Label(new string('a', 64), V137));
    }

    [Theory]
    [InlineData("telnet")]
    [InlineData("re-mail-ck")]
    [InlineData("pop3")]
    [InlineData("a")]
    [InlineData("a-1")]
    [InlineData("1-a")]
    [InlineData("a-1-b-2-c")]
    [InlineData("1-a-2-b-3")]
    public void PortName_good(string value) => Assert.Empty(NameRules.PortName(value));

    [Theory]
    [InlineData("longerthan15characters", "must be no more than 15 characters")]
    [InlineData("", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)|must contain at least one letter (a-z)")]
    [InlineData("-", "must contain at least one letter (a-z)|must not begin or end with a hyphen")]
    [InlineData("a-", "must not begin or end with a hyphen")]
    [InlineData("-a", "must not begin or end with a hyphen")]
    [InlineData("a--b", "must not contain consecutive hyphens")]
    [InlineData("a_b", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")]
    [InlineData("HTTP", "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)|must contain at least one letter (a-z)")]
    [InlineData("1234", "must contain at least one letter (a-z)")]
    public void PortName_bad(string value, string messages) => Assert.Equal(messages.Split('|'), NameRules.PortName(value));

    [Theory]
    [InlineData("A")]
    [InlineData("ABC")]
    [InlineData("AbC_123")]
    [InlineData("_")]
    [InlineData("-")]
    [InlineData("a.b")]
    [InlineData("a-b")]
    [InlineData("-a")]
    [InlineData(".a")]
    [InlineData("a..b")]
    public void EnvVarName_strict_good(string value) => Assert.Empty(NameRules.EnvVarName(value));

    [Theory]
    [InlineData("1ABC", true, null)]
    [InlineData("A B", true, null)]
    [InlineData("A=B", true, null)]
    [InlineData("a:b", true, null)]
    [InlineData(".", false, "must not be '.'")]
    [InlineData("..", false, "must not be '..'")]
    [InlineData("..a", false, "must not start with '..'")]
    public void EnvVarName_strict_bad(string value, bool regex, string? chdir)
    {
        var expected = new List<string>();
        if (regex)
        {
            expected.Add(NameRules.EnvVarNameRegexMessage);
        }

        if (chdir is not null)
        {
            expected.Add(chdir);
        }

        Assert.Equal(expected, NameRules.EnvVarName(value));
    }

    [Theory]
    [InlineData("1ABC")]
    [InlineData("A B")]
    [InlineData("a:b")]
    [InlineData("..")]
    [InlineData("~!@#$%^&*()")]
    public void EnvVarName_relaxed_accepts_printable_ascii(string value) => Assert.Empty(NameRules.RelaxedEnvVarName(value));

    [Theory]
    [InlineData("A=B")]
    [InlineData("tab\t")]
    [InlineData("ünï")]
    public void EnvVarName_relaxed_rejects_equals_and_non_printable(string value) =>
        Assert.Equal([NameRules.RelaxedEnvVarNameMessage], NameRules.RelaxedEnvVarName(value));

    [Theory]
    [InlineData("a", true)]
    [InlineData("KEY_NAME", true)]
    [InlineData("key.name", true)]
    [InlineData(".dotfile", true)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("..", false)]
    public void ConfigMapKey(string value, bool valid) => Assert.Equal(valid, NameRules.ConfigMapKey(value).Length == 0);

    [Theory]
    [InlineData("simple", 0)]
    [InlineData("now-with-dashes", 0)]
    [InlineData("example.com/MyName", 0)]
    [InlineData("1-starts-with-num", 0)]
    [InlineData("/nameonly", 1)]
    [InlineData("a/b/c", 1)]
    [InlineData("-leading", 1)]
    [InlineData("Example.com/name", 1)]
    public void QualifiedName(string value, int errors) => Assert.Equal(errors, NameRules.QualifiedName(value).Length);
}
