using PodConformance.Model.Api;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// kubernetes/kubernetes third_party/forked/golang/expansion/expand_test.go at
/// 490ffa432a878f5a75e5b5906d820d06e672556e (doExpansionTest under TestMapping and TestMappingDual,
/// TestMapReference), and pkg/kubelet/container/helpers_test.go (TestExpandCommandAndArgs at
/// 00bdb3fade2ef1ada898bd8fae2c6a1958da3a5d; TestExpandVolumeMountsWithSubpath from recent master, subPath part).
/// </summary>
public class ExpansionTests
{
    private static readonly Dictionary<string, string> Single = new()
    {
        ["VAR_A"] = "A", ["VAR_B"] = "B", ["VAR_C"] = "C", ["VAR_REF"] = "$(VAR_A)", ["VAR_EMPTY"] = "",
    };

    private static readonly Dictionary<string, string> DualFirst = new() { ["VAR_A"] = "A", ["VAR_EMPTY"] = "" };

    private static readonly Dictionary<string, string> DualSecond = new() { ["VAR_B"] = "B", ["VAR_C"] = "C", ["VAR_REF"] = "$(VAR_A)" };

    /// <summary>doExpansionTest: name, input, expected.</summary>
    public static TheoryData<string, string, string> DoExpansionCases => new()
    {
        { "whole string", "$(VAR_A)", "A" },
        { "repeat", "$(VAR_A)-$(VAR_A)", "A-A" },
        { "beginning", "$(VAR_A)-1", "A-1" },
        { "middle", "___$(VAR_B)___", "___B___" },
        { "end", "___$(VAR_C)", "___C" },
        { "compound", "$(VAR_A)_$(VAR_B)_$(VAR_C)", "A_B_C" },
        { "escape & expand", "$$(VAR_B)_$(VAR_A)", "$(VAR_B)_A" },
        { "compound escape", "$$(VAR_A)_$$(VAR_B)", "$(VAR_A)_$(VAR_B)" },
        { "mixed in escapes", "f000-$$VAR_A", "f000-$VAR_A" },
        { "backslash escape ignored", "foo\\$(VAR_C)bar", "foo\\Cbar" },
        { "backslash escape ignored (2)", "foo\\\\$(VAR_C)bar", "foo\\\\Cbar" },
        { "lots of backslashes", "foo\\\\\\\\$(VAR_A)bar", "foo\\\\\\\\Abar" },
        { "nested var references", "$(VAR_A$(VAR_B))", "$(VAR_A$(VAR_B))" },
        { "nested var references second type", "$(VAR_A$(VAR_B)", "$(VAR_A$(VAR_B)" },
        { "value is a reference", "$(VAR_REF)", "$(VAR_A)" },
        { "value is a reference x 2", "%%$(VAR_REF)--$(VAR_REF)%%", "%%$(VAR_A)--$(VAR_A)%%" },
        { "empty var", "foo$(VAR_EMPTY)bar", "foobar" },
        { "unterminated expression", "foo$(VAR_Awhoops!", "foo$(VAR_Awhoops!" },
        { "expression without operator", "f00__(VAR_A)__", "f00__(VAR_A)__" },
        { "shell special vars pass through", "$?_boo_$!", "$?_boo_$!" },
        { "bare operators are ignored", "$VAR_A", "$VAR_A" },
        { "undefined vars are passed through", "$(VAR_DNE)", "$(VAR_DNE)" },
        { "multiple (even) operators, var undefined", "$$$$$$(BIG_MONEY)", "$$$(BIG_MONEY)" },
        { "multiple (even) operators, var defined", "$$$$$$(VAR_A)", "$$$(VAR_A)" },
        { "multiple (odd) operators, var undefined", "$$$$$$$(GOOD_ODDS)", "$$$$(GOOD_ODDS)" },
        { "multiple (odd) operators, var defined", "$$$$$$$(VAR_A)", "$$$A" },
        { "missing open expression", "$VAR_A)", "$VAR_A)" },
        { "shell syntax ignored", "${VAR_A}", "${VAR_A}" },
        { "trailing incomplete expression not consumed", "$(VAR_B)_______$(A", "B_______$(A" },
        { "trailing incomplete expression, no content, is not consumed", "$(VAR_C)_______$(", "C_______$(" },
        { "operator at end of input string is preserved", "$(VAR_A)foobarzab$", "Afoobarzab$" },
        { "shell escaped incomplete expr", "foo-\\$(VAR_A", "foo-\\$(VAR_A" },
        { "lots of $( in middle", "--$($($($($--", "--$($($($($--" },
        { "lots of $( in beginning", "$($($($($--foo$(", "$($($($($--foo$(" },
        { "lots of $( at end", "foo0--$($($($(", "foo0--$($($($(" },
        { "escaped operators in variable names are not escaped", "$(foo$$var)", "$(foo$$var)" },
        { "newline not expanded", "\n", "\n" },
    };

    [Theory]
    [MemberData(nameof(DoExpansionCases))]
    public void TestMapping(string name, string input, string expected)
    {
        _ = name;
        Assert.Equal(expected, Expansion.Expand(input, Single));
    }

    [Theory]
    [MemberData(nameof(DoExpansionCases))]
    public void TestMappingDual(string name, string input, string expected)
    {
        _ = name;
        Assert.Equal(expected, Expansion.Expand(input, DualFirst, DualSecond));
    }

    [Fact]
    public void TestMapReference()
    {
        var declared = new Dictionary<string, string> { ["FOO"] = "bar", ["ZOO"] = "$(FOO)-1", ["BLU"] = "$(ZOO)-2" };
        var service = new Dictionary<string, string>();
        foreach (var (name, value) in new[] { ("FOO", "bar"), ("ZOO", "$(FOO)-1"), ("BLU", "$(ZOO)-2") })
        {
            declared[name] = Expansion.Expand(value, declared, service);
        }

        Assert.Equal(new Dictionary<string, string> { ["FOO"] = "bar", ["ZOO"] = "bar-1", ["BLU"] = "bar-1-2" }, declared);
    }

    public static TheoryData<string, string[], string[], (string, string)[], string[], string[]> CommandArgsCases => new()
    {
        { "none", [], [], [], [], [] },
        { "command expanded", ["foo", "$(VAR_TEST)", "$(VAR_TEST2)"], [], [("VAR_TEST", "zoo"), ("VAR_TEST2", "boo")], ["foo", "zoo", "boo"], [] },
        { "args expanded", [], ["zap", "$(VAR_TEST)", "$(VAR_TEST2)"], [("VAR_TEST", "hap"), ("VAR_TEST2", "trap")], [], ["zap", "hap", "trap"] },
        {
            "both expanded", ["$(VAR_TEST2)--$(VAR_TEST)", "foo", "$(VAR_TEST3)"], ["foo", "$(VAR_TEST)", "$(VAR_TEST2)"],
            [("VAR_TEST", "zoo"), ("VAR_TEST2", "boo"), ("VAR_TEST3", "roo")], ["boo--zoo", "foo", "roo"], ["foo", "zoo", "boo"]
        },
    };

    [Theory]
    [MemberData(nameof(CommandArgsCases))]
    public void TestExpandCommandAndArgs(string name, string[] command, string[] args, (string, string)[] env, string[] expectedCommand, string[] expectedArgs)
    {
        _ = name;
        var container = new Container { Command = command, Args = args };
        var vars = env.Select(e => new EnvVariable(e.Item1, e.Item2, EnvSource.Value)).ToList();
        var (cmd, arg) = Expansion.ExpandCommandAndArgs(container, vars);
        Assert.Equal(expectedCommand, cmd.ToArray());
        Assert.Equal(expectedArgs, arg.ToArray());
    }

    /// <summary>TestExpandVolumeMountsWithSubpath: name, subPathExpr, envs, expected subPath (when ok), ok.</summary>
    public static TheoryData<string, string, (string, string)[], string, bool> SubPathCases => new()
    {
        { "subpath with no expansion", "foo", [], "foo", true },
        { "volumes with expanded subpath", "foo/$(POD_NAME)", [("POD_NAME", "bar")], "foo/bar", true },
        { "volumes expanded with empty subpath", "", [("POD_NAME", "bar")], "", true },
        { "volumes expanded with no envs subpath", "/foo/$(POD_NAME)", [], "", false },
        { "volumes expanded with leading environment variable", "$(POD_NAME)/bar", [("POD_NAME", "foo")], "foo/bar", true },
        { "volumes with volume and subpath", "$(POD_NAME)/bar", [("POD_NAME", "foo")], "foo/bar", true },
        { "volumes with volume and no subpath", "", [("POD_NAME", "foo")], "", true },
        { "subpaths with empty environment variable", "foo/$(POD_NAME)/$(ANNOTATION)", [("ANNOTATION", "")], "", false },
        { "subpaths with missing env variables", "foo/$(ODD_NAME)/$(POD_NAME)", [("ODD_NAME", "bar")], "", false },
        { "subpaths with empty expansion", "$()", [], "", false },
        { "subpaths with nested expandable envs", "$(POD_NAME$(ANNOTATION))", [("POD_NAME", "foo"), ("ANNOTATION", "bar")], "", false },
        { "mountpath and subpath with no expansion", "bar", [("POD_NAME", "foo")], "bar", true },
        { "mouthpath with missing env variables", "$(POD_NAME)", [("ODD_NAME", "bar")], "", false },
    };

    [Theory]
    [MemberData(nameof(SubPathCases))]
    public void TestExpandVolumeMountsWithSubpath(string name, string expr, (string, string)[] env, string expected, bool ok)
    {
        _ = name;
        var map = env.ToDictionary(e => e.Item1, e => e.Item2);
        bool actualOk = Expansion.TryExpandSubPathExpr(expr, map, out string expanded, out var error);
        Assert.Equal(ok, actualOk);
        if (ok)
        {
            Assert.Equal(expected, expanded);
            Assert.Null(error);
        }
        else
        {
            Assert.Equal(ExpandRules.SubPathExpr, error!.Rule);
        }
    }

    [Theory]
    [InlineData("foo/$(ODD_NAME)/$(POD_NAME)", "missing value for POD_NAME")]
    [InlineData("$(B)/$(A)/$(B)", "missing value for A, B")]
    [InlineData("$()", "missing value for ")]
    [InlineData("$(POD_NAME$(ANNOTATION))", "missing value for POD_NAME$(ANNOTATION")]
    public void SubPathExpr_error_lists_missing_names_sorted(string expr, string message)
    {
        var env = new Dictionary<string, string> { ["ODD_NAME"] = "bar" };
        Assert.False(Expansion.TryExpandSubPathExpr(expr, env, out _, out var error));
        Assert.Equal(message, error!.Message);
    }

    [Theory]
    [InlineData("$é", "$\u00C3\uFFFD")]
    [InlineData("a$€b", "a$\u00E2\uFFFD\uFFFDb")]
    [InlineData("$😀", "$\u00F0\uFFFD\uFFFD\uFFFD")]
    [InlineData("$$é", "$é")]
    [InlineData("é$(X)é", "éxé")]
    public void Dollar_before_non_ASCII_reproduces_Go_byte_to_rune_conversion(string input, string expected)
    {
        Assert.Equal(expected, Expansion.Expand(input, new Dictionary<string, string> { ["X"] = "x" }));
    }
}
