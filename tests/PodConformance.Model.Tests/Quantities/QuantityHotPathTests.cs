using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Generators;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Quantities;

/// <summary>
/// The one-pass parser for everyday spellings (QuantityParser.Hot) must build exactly what the general parser builds:
/// every field of the struct (representation, cached text, format, defects), not only an equal value, because the
/// representation is observable (QTY-020, QTY-031, QTY-038).
/// </summary>
public sealed class QuantityHotPathTests
{
    private static readonly FieldInfo[] Fields =
        typeof(Quantity).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    private static string Describe(QuantityError error, Quantity q) =>
        error + " " + string.Join(" ", Fields.Select(f => f.Name + "=" + Show(f.GetValue(q))));

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        _ when value.GetType().Name == "BigAmount" => "big",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private static (string Both, string General) Compare(string text)
    {
        var fast = QuantityParser.Parse(text, text, out var a);
        var general = QuantityParser.ParseGeneral(text, text, out var b);
        return (Describe(fast, a), Describe(general, b));
    }

    [Theory]
    [InlineData("100m")]
    [InlineData("128Mi")]
    [InlineData("1.5Gi")]
    [InlineData("2")]
    [InlineData("500M")]
    [InlineData("1e3")]
    [InlineData("-1.5Gi")]
    [InlineData("+100m")]
    [InlineData("1.253")]
    [InlineData("1000")]
    [InlineData("5.0Ki")]
    [InlineData("1.0Ki")]
    [InlineData("123456789012345678")]
    [InlineData("1234567890123456789")]
    [InlineData("1.5n")]
    [InlineData("1.0000000001")]
    [InlineData("9Ei")]
    [InlineData("1E3")]
    [InlineData("1e+3")]
    [InlineData("1e-3")]
    [InlineData("1e-12")]
    [InlineData("1e9999")]
    [InlineData("1e99999")]
    [InlineData("1Ki")]
    [InlineData("8Ki")]
    [InlineData("1K")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.")]
    [InlineData("1.G")]
    [InlineData("01k")]
    [InlineData("-")]
    public void Hot_path_builds_the_same_quantity_as_the_general_parser(string text)
    {
        var (both, general) = Compare(text);
        Assert.Equal(general, both);
    }

    [Property(Replay = "(20261210,3)", MaxTest = 3000)]
    public Property Same_on_generated_quantities() =>
        Prop.ForAll(Arb.From(Gen.Frequency((6, QuantityGen.ValidText), (2, QuantityGen.NearValidText), (1, QuantityGen.BeyondInt64Text))), text =>
        {
            var (both, general) = Compare(text);
            return (both == general).Label($"\"{text}\": hot {both} / general {general}");
        });
}
