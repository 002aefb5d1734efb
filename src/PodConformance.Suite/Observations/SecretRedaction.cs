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
    public static EnvObservation Redact(EnvObservation env, EnvInputs inputs)
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

        if (secrets.Count == 0)
        {
            return env;
        }

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
            string text = error;
            foreach (var (value, mask) in secrets)
            {
                text = text.Replace(value, mask, StringComparison.Ordinal);
            }

            errors.Add(new(container, text));
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
