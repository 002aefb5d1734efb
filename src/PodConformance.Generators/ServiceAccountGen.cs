using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;

namespace PodConformance.Generators;

/// <summary>
/// <c>spec.serviceAccountName</c> and its deprecated v1 alias <c>spec.serviceAccount</c> for admission cases (DEF-025,
/// ADM-030): the name alone, the alias alone, both equal, and both different — decoding takes the alias only when the
/// name is empty, so a different alias is dropped, even one that is no valid name (<c>Convert_v1_PodSpec_To_core_PodSpec</c>;
/// the internal PodSpec has no alias, so validation never sees it), and the stored pod carries the name in both.
/// </summary>
/// <remarks>
/// The account that takes effect is always <c>default</c>, which every namespace has: a real API server's ServiceAccount
/// plugin refuses a pod whose account it cannot find, before validation, so another name would need the account created
/// first, and an invalid name (VAL-070's check) cannot be reached through a create at all.
/// </remarks>
public static class ServiceAccountGen
{
    /// <summary>The account every namespace has (the ServiceAccount plugin's default, ADM-030).</summary>
    public const string Default = "default";

    /// <summary>Aliases that differ from the name they accompany: another account's name and a string no account can have.</summary>
    public static IReadOnlyList<string> OtherAliases { get; } = ["legacy-builder", "Not_A_Name"];

    /// <summary>The (name, alias) pair a pod is given; null: neither (seven pods in ten).</summary>
    private static readonly Gen<(string Name, string Alias)?> Pair = Gen.Frequency(
        (14, Gen.Constant<(string, string)?>(null)),
        (2, Gen.Constant<(string, string)?>((Default, ""))),
        (2, Gen.Constant<(string, string)?>(("", Default))),
        (1, Gen.Constant<(string, string)?>((Default, Default))),
        (1, Gen.Elements(OtherAliases.ToArray()).Select(alias => ((string, string)?)(Default, alias))));

    /// <summary>Three pods in ten name the account: the name (most often), the alias, both, or the name with another alias.</summary>
    public static Gen<Pod> Decorate(Pod pod) =>
        Pair.Select(pair => pair is var (name, alias) ? pod with { Spec = pod.Spec with { ServiceAccountName = name, DeprecatedServiceAccount = alias } } : pod);
}
