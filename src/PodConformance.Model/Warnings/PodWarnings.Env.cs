using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Warnings;

/// <summary>
/// WARN-023: an env entry that repeats an earlier name of the same container hides it, and a server-side apply may
/// drop one of them (warnings.go, issues #86163, #93266, #58477). A repeat is accepted silently only when it is a plain
/// value that refers to the earlier one without being just that reference (<c>X="$(X)123"</c>).
/// </summary>
public static partial class PodWarnings
{
    /// <summary>
    /// The 1.29.9 copy (rancher/support-bundle-kit c37d268c4) ends the text at the name; the 1.32.1 one adds
    /// <c>, which may be dropped when using apply</c>, and so does a 1.30-development fork copy, so 1.30 is taken as the
    /// first release with it (1.30 and 1.31 inferred).
    /// </summary>
    private static readonly KubernetesVersion ApplyHintSince = new(1, 30);

    private static void DuplicateEnv(Container c, string prefix, int index, Profile profile, ref List<PodWarning>? warnings)
    {
        var env = c.Env.AsSpan();
        if (env.Length < 2)
        {
            return;
        }

        for (int i = 1; i < env.Length; i++)
        {
            var item = env[i];
            if (!NameSeenBefore(env, i))
            {
                continue;
            }

            bool bad = item.ValueFrom is not null || IsOnlyReference(item.Value, item.Name) || !ContainsReference(item.Value, item.Name);
            if (bad)
            {
                string text = ContainerPath(prefix, index) + ".env[" + Invariant(i) + "]: hides previous definition of " + Validation.GoQuote.Quote(item.Name);
                Add(ref warnings, HiddenEnvDefinition, profile.Version >= ApplyHintSince ? text + ", which may be dropped when using apply" : text);
            }
        }
    }

    private static bool NameSeenBefore(ReadOnlySpan<EnvVar> env, int i)
    {
        for (int j = 0; j < i; j++)
        {
            if (string.Equals(env[j].Name, env[i].Name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>value == fmt.Sprintf("$(%s)", name)</c>.</summary>
    private static bool IsOnlyReference(string value, string name) =>
        value.Length == name.Length + 3 && IsReferenceAt(value, 0, name);

    /// <summary><c>strings.Contains(value, "$(" + name + ")")</c>, without building the reference.</summary>
    private static bool ContainsReference(string value, string name)
    {
        for (int at = value.IndexOf("$(", StringComparison.Ordinal); at >= 0; at = value.IndexOf("$(", at + 1, StringComparison.Ordinal))
        {
            if (IsReferenceAt(value, at, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReferenceAt(string value, int at, string name) =>
        at + name.Length + 3 <= value.Length
        && value[at] == '$' && value[at + 1] == '('
        && value.AsSpan(at + 2, name.Length).SequenceEqual(name)
        && value[at + name.Length + 2] == ')';
}
