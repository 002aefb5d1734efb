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
/// </remarks>
public sealed record EnvVariable(string Name, string Value, EnvSource Source, string Origin = "", bool Sensitive = false)
{
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
