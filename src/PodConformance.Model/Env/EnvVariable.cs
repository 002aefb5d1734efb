using PodConformance.Model.Coverage;

namespace PodConformance.Model.ContainerEnv;

/// <summary>
/// One variable of a container's environment, with its provenance. <see cref="Origin"/> is
/// <c>name/key</c> for ConfigMap and Secret sources, the field path or resource for Downward API sources,
/// the Service name for service links, and empty for literal values.
/// </summary>
/// <remarks>
/// <see cref="Sensitive"/> is true for Secret-sourced values and for literal values whose <c>$(VAR)</c>
/// expansion substituted a sensitive variable: both carry secret text.
/// <para><see cref="NotChecked"/> marks a variable whose value the model does not know (a <c>fileKeyRef</c> into a volume
/// whose files are not given, or a literal that expanded one, ENV-019): its <see cref="Value"/> is empty and meaningless,
/// and every output shows <see cref="NotCheckedMask"/> instead.</para>
/// </remarks>
public sealed record EnvVariable(string Name, string Value, EnvSource Source, string Origin = "", bool Sensitive = false, bool NotChecked = false)
{
    /// <summary>What is shown for a <see cref="NotChecked"/> variable: never a value (ENV-019).</summary>
    public static string NotCheckedMask(string origin) => "<not checked: " + (origin.Length == 0 ? "derived from a file the model does not know" : "file " + origin + " not known") + ">";

    /// <summary>The mask for a value read from a Secret: <c>&lt;secret:name/key&gt;</c>.</summary>
    public static string SecretMask(string origin) => "<secret:" + origin + ">";

    /// <summary>The mask for a literal value that expanded secret text.</summary>
    public const string DerivedMask = "<secret-derived>";

    /// <summary>
    /// The value as every output of the project shows it: secret text is replaced by
    /// <c>&lt;secret:name/key&gt;</c> (or <c>&lt;secret-derived&gt;</c>) unless <paramref name="revealSecrets"/>.
    /// </summary>
    public string Display(bool revealSecrets = false)
    {
        if (NotChecked)
        {
            return NotCheckedMask(Source == EnvSource.File ? Origin : "");
        }

        if (revealSecrets || !Sensitive)
        {
            return Value;
        }

        RuleCoverage.Hit(EnvRules.Masking, Source == EnvSource.Secret ? "a Secret's value" : "a value derived from a Secret");
        return Source == EnvSource.Secret ? SecretMask(Origin) : DerivedMask;
    }

    /// <summary><c>NAME=value</c> with masking, as <c>env</c> would print it.</summary>
    public string ToDisplayLine(bool revealSecrets = false) => Name + "=" + Display(revealSecrets);

    public override string ToString() => ToDisplayLine();
}
