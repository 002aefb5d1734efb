using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;

namespace PodConformance.Suite.Observations;

/// <summary>
/// Masks Secret values in an adapter's env answer before anything compares or prints it. Adapters receive Secret
/// data in clear (they need it to build the environment) and are asked to mask it; this makes sure one that does
/// not cannot put a secret into a report. A value equal to a Secret's becomes <c>&lt;secret:NAME/KEY&gt;</c> (what
/// the model reports), a value containing one becomes <c>&lt;secret-derived&gt;</c>.
/// </summary>
public static class SecretRedaction
{
    /// <summary>
    /// The observation as reports may show it: every Secret value of the case masked, in the env facet, the failure text
    /// and the not-performed reason (an adapter may quote what its backend refused, Secret data included). An env value that held a Secret value in clear makes the case fail as an adapter error (adapters must mask,
    /// ENV-010): masking it silently would let such an adapter pass.
    /// </summary>
    public static Observation Check(Observation actual, EnvInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(inputs);
        var secrets = Secrets(inputs);
        if (secrets.Count == 0)
        {
            return actual;
        }

        var checkedObservation = actual;
        if (actual.Failure is { } failure)
        {
            checkedObservation = checkedObservation with { Failure = MaskText(failure, secrets) };
        }

        if (actual.NotPerformed is { } notPerformed)
        {
            checkedObservation = checkedObservation with { NotPerformed = MaskText(notPerformed, secrets) };
        }

        if (actual.Env is { } env)
        {
            var redacted = Redact(env, secrets);
            checkedObservation = checkedObservation with { Env = redacted };
            if (checkedObservation.Failure is null && FirstLeak(env, redacted) is { } leak)
            {
                checkedObservation = checkedObservation with
                {
                    Failure = "the adapter showed a Secret value in clear (env of container " + leak.Container + ", variable " + leak.Name
                        + ", now shown as " + leak.Shown + "): Secret values must be masked as <secret:NAME/KEY> (ENV-010)",
                };
            }
        }

        return checkedObservation;
    }

    private static (string Container, string Name, string Shown)? FirstLeak(EnvObservation original, EnvObservation redacted)
    {
        foreach (var (container, vars) in original.Containers)
        {
            var shown = redacted.Containers[container];
            foreach (var (name, value) in vars)
            {
                if (!string.Equals(shown[name], value, StringComparison.Ordinal))
                {
                    return (container, name, shown[name]);
                }
            }
        }

        return null;
    }

    private static List<(string Value, string Mask)> Secrets(EnvInputs inputs)
    {
        var secrets = new List<(string Value, string Mask)>();
        foreach (var (name, data) in inputs.Secrets)
        {
            foreach (var (key, value) in data)
            {
                if (value.Length != 0)
                {
                    secrets.Add((value, EnvVariable.SecretMask(name + "/" + key)));
                }
            }
        }

        // Longest first: a value inside another is masked as part of the longer one.
        secrets.Sort((a, b) => b.Value.Length != a.Value.Length ? b.Value.Length.CompareTo(a.Value.Length) : string.CompareOrdinal(a.Value, b.Value));
        return secrets;
    }

    private static string MaskText(string text, List<(string Value, string Mask)> secrets)
    {
        foreach (var (value, mask) in secrets)
        {
            text = text.Replace(value, mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The env facet with every Secret value of <paramref name="inputs"/> masked.</summary>
    public static EnvObservation Redact(EnvObservation env, EnvInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(inputs);
        var secrets = Secrets(inputs);
        return secrets.Count == 0 ? env : Redact(env, secrets);
    }

    private static EnvObservation Redact(EnvObservation env, List<(string Value, string Mask)> secrets)
    {
        var containers = new List<KeyValuePair<string, ValueMap<string>>>();
        foreach (var (container, vars) in env.Containers)
        {
            var masked = new List<KeyValuePair<string, string>>();
            foreach (var (name, value) in vars)
            {
                masked.Add(new(name, Mask(value, secrets)));
            }

            containers.Add(new(container, ValueMap.Create(masked)));
        }

        var errors = new List<KeyValuePair<string, string>>();
        foreach (var (container, error) in env.Errors)
        {
            errors.Add(new(container, MaskText(error, secrets)));
        }

        return env with { Containers = ValueMap.Create(containers), Errors = ValueMap.Create(errors) };
    }

    private static string Mask(string value, List<(string Value, string Mask)> secrets)
    {
        foreach (var (secret, mask) in secrets)
        {
            if (string.Equals(value, secret, StringComparison.Ordinal))
            {
                return mask;
            }
        }

        foreach (var (secret, _) in secrets)
        {
            if (value.Contains(secret, StringComparison.Ordinal))
            {
                return "<secret-derived>";
            }
        }

        return value;
    }
}
