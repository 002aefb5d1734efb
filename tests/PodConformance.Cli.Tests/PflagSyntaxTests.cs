using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests;

/// <summary>
/// The command line read as pflag reads kubectl's (spf13/pflag <c>flag.go</c> <c>parseArgs</c>, <c>parseLongArg</c>,
/// <c>parseSingleShortArg</c>, <c>FlagSet.Set</c>, read at <c>01748d80</c> and v1.0.10): a long flag is named by what
/// precedes its first <c>=</c>, <c>--flag=</c> is the empty value, a boolean flag takes a value only after <c>=</c> (Go's
/// <c>strconv.ParseBool</c>), a flag that needs a value takes the next word whatever it is, and the first refusal is
/// reported in pflag's words. Each row but the last (a control) failed before explore15 (System.CommandLine's own reading).
/// </summary>
public class PflagSyntaxTests
{
    private static string Seed(string name) => Repo.Path("golden", "seed", "manifests", name);

    [Theory]
    // parseLongArg: `strings.SplitN(name, "=", 2)`, so ':' is part of the name (System.CommandLine split at ':' and read --validate=warn).
    [InlineData("validate|-f|POD|--validate:warn", "podconf: unknown flag: --validate:warn\nSee 'podconf validate --help' for usage.\n")]
    [InlineData("qos|-f|POD|--output:json", "podconf: unknown flag: --output:json\nSee 'podconf qos --help' for usage.\n")]
    // parseLongArg: `bad flag syntax: %s` for a name that is empty, or starts with '-' or '='.
    [InlineData("validate|-f|POD|---o", "podconf: bad flag syntax: ---o\nSee 'podconf validate --help' for usage.\n")]
    [InlineData("validate|-f|POD|--=x", "podconf: bad flag syntax: --=x\nSee 'podconf validate --help' for usage.\n")]
    // parseLongArg / parseSingleShortArg: a flag that needs a value and has none (was System.CommandLine's "Required argument missing").
    [InlineData("validate|--filename", "podconf: flag needs an argument: --filename\nSee 'podconf validate --help' for usage.\n")]
    [InlineData("validate|-f", "podconf: flag needs an argument: 'f' in -f\nSee 'podconf validate --help' for usage.\n")]
    [InlineData("qos|-f|POD|-Ro", "podconf: flag needs an argument: 'o' in -o\nSee 'podconf qos --help' for usage.\n")]
    // FlagSet.Set: `invalid argument %q for %q flag: %v`, the flag named "-w, --watch" when it has a shorthand; boolValue.Set is strconv.ParseBool.
    [InlineData("qos|-f|POD|--no-headers=maybe", "podconf: invalid argument \"maybe\" for \"--no-headers\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\nSee 'podconf qos --help' for usage.\n")]
    [InlineData("simulate|-f|POD|-w=yes", "podconf: invalid argument \"yes\" for \"-w, --watch\" flag: strconv.ParseBool: parsing \"yes\": invalid syntax\nSee 'podconf simulate --help' for usage.\n")]
    // A boolean flag never takes the next word (its NoOptDefVal is "true"): `false` is a stray word, not the flag's value.
    [InlineData("qos|-f|POD|--no-headers|false", "podconf: unexpected argument \"false\" for \"podconf qos\"\nSee 'podconf qos --help' for usage.\n")]
    // quantity's VALUEs are positional: an unknown flag is still an unknown flag (was read as a quantity, exit 1).
    [InlineData("quantity|100m|--no-header", "podconf: unknown flag: --no-header (did you mean --no-headers?)\nSee 'podconf quantity --help' for usage.\n")]
    // A negative quantity is a shorthand group to pflag; podconf adds where it goes.
    [InlineData("quantity|-1", "podconf: unknown shorthand flag: '1' in -1\npodconf: a value that starts with '-' goes after '--' (podconf quantity -- -1)\nSee 'podconf quantity --help' for usage.\n")]
    [InlineData("quantity|1|-.5Gi", "podconf: unknown shorthand flag: '.' in -.5Gi\npodconf: a value that starts with '-' goes after '--' (podconf quantity -- -.5Gi)\nSee 'podconf quantity --help' for usage.\n")]
    public void Refusals_are_pflags(string args, string error)
    {
        var r = CliRun.Run(args.Replace("POD", Seed("01-pod-spec-web-app.yaml"), StringComparison.Ordinal).Split('|'));
        Assert.Equal(error, r.Error);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Out);
    }

    /// <summary>The words pflag accepts that System.CommandLine read otherwise, each beside its plain spelling.</summary>
    [Theory]
    // strconv.ParseBool's spellings (Go strconv/atob.go); System.CommandLine's bool.TryParse refused 1, t, T, 0, f, F.
    [InlineData("qos|-f|POD|--no-headers=1", "qos|-f|POD|--no-headers")]
    [InlineData("qos|-f|POD|--no-headers=T", "qos|-f|POD|--no-headers")]
    [InlineData("qos|-f|POD|--no-headers|--no-headers=F", "qos|-f|POD")]
    [InlineData("qos|-f|POD|-R=0", "qos|-f|POD")]
    // `--flag=` is the empty value for every flag, as `-o=` already was (System.CommandLine: "Required argument missing").
    [InlineData("qos|-f|POD|--output=", "qos|-f|POD|-o=")]
    [InlineData("quantity|1|--kubernetes-version=", "quantity|1|--kubernetes-version|")]
    // A flag that takes a value takes the next word, even one that looks like a flag: a file named -o.
    [InlineData("qos|-f|-o", "qos|--filename=-o")]
    [InlineData("quantity|-f|--", "quantity|--filename=--")]
    // `--` ends the flags: what follows is positional.
    [InlineData("quantity|--|-1|--x", "quantity|--|-1|--x")]
    public void Spellings_pflag_reads_alike_answer_alike(string args, string plain)
    {
        string pod = Seed("01-pod-spec-web-app.yaml");
        var r = CliRun.Run(args.Replace("POD", pod, StringComparison.Ordinal).Split('|'));
        var p = CliRun.Run(plain.Replace("POD", pod, StringComparison.Ordinal).Split('|'));
        Assert.Equal(p, r);
        Assert.DoesNotContain("Required argument missing", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown flag", r.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// The line about <c>--validate</c>'s '=' follows a stray word only right after a bare <c>--validate</c>; another
    /// boolean flag's stray <c>false</c> is not about <c>--validate</c>.
    /// </summary>
    [Fact]
    public void The_validate_hint_follows_only_a_bare_validate()
    {
        string pod = Seed("01-pod-spec-web-app.yaml");
        Assert.Contains("--validate takes its value after '=' only", CliRun.Run("qos", "-f", pod, "--validate", "false").Error, StringComparison.Ordinal);
        Assert.DoesNotContain("--validate takes", CliRun.Run("qos", "-f", pod, "--no-headers", "false").Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// kubectl normalizes every flag name with component-base cli/flag <c>WarnWordSepNormalizeFunc</c> (kubectl cmd.go
    /// <c>SetGlobalNormalizationFunc</c>): an underscore reads as a dash, with the warning "using an underscore in a flag name
    /// is not supported. no_headers has been converted to no-headers." once per spelling (its text as component-base's
    /// TestWarnWordSepNormalizeFunc expects it). It was an unknown flag.
    /// </summary>
    [Fact]
    public void An_underscore_in_a_flag_name_reads_as_a_dash_with_kubectls_warning()
    {
        string pod = Seed("01-pod-spec-web-app.yaml");
        var dashed = CliRun.Run("qos", "-f", pod, "--no-headers", "--kubernetes-version", "1.36");
        var underscored = CliRun.Run("qos", "-f", pod, "--no_headers", "--kubernetes_version=1.36", "--no_headers=true");
        Assert.Equal(0, underscored.ExitCode);
        Assert.Equal(dashed.Out, underscored.Out);
        Assert.Equal(
            "podconf: warning: using an underscore in a flag name is not supported. no_headers has been converted to no-headers.\n"
            + "podconf: warning: using an underscore in a flag name is not supported. kubernetes_version has been converted to kubernetes-version.\n"
            + dashed.Error,
            underscored.Error);

        var unknown = CliRun.Run("qos", "-f", pod, "--no_such_flag");
        Assert.StartsWith("podconf: unknown flag: --no_such_flag", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
    }
}
