using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

/// <summary>
/// Parses <c>--feature-gates Name=true,Name=false</c> the way Kubernetes components do
/// (k8s.io/component-base/featuregate), checked against the gates that exist in the chosen release.
/// </summary>
public static class FeatureGateParser
{
    public static bool TryParse(string? text, KubernetesVersion version, out ValueMap<bool> overrides, out string error)
    {
        overrides = ValueMap<bool>.Empty;
        error = "";
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var result = new List<(string, bool)>();
        foreach (string rawPart in text.Split(','))
        {
            string part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            string[] kv = part.Split('=', 2);
            string name = kv[0].Trim();
            if (kv.Length != 2)
            {
                error = $"missing bool value for {name}";
                return false;
            }

            string raw = kv[1].Trim();
            if (!TryParseGoBool(raw, out bool on))
            {
                error = $"invalid value of {name}={raw}, err: strconv.ParseBool: parsing \"{raw}\": invalid syntax";
                return false;
            }

            var gate = FeatureGateCatalog.Find(name);
            var stage = gate?.StageAt(version);
            if (stage is null)
            {
                error = $"unrecognized feature gate: {name}";
                return false;
            }

            if (stage.Locked && on != stage.Default)
            {
                error = $"cannot set feature gate {name} to {(on ? "true" : "false")}, feature is locked to {(stage.Default ? "true" : "false")}";
                return false;
            }

            result.Add((name, on));
        }

        overrides = ValueMap.Of([.. result]);
        return true;
    }

    /// <summary>Go's strconv.ParseBool, which component-base uses for gate values.</summary>
    private static bool TryParseGoBool(string s, out bool value)
    {
        switch (s)
        {
            case "1": case "t": case "T": case "TRUE": case "true": case "True":
                value = true;
                return true;
            case "0": case "f": case "F": case "FALSE": case "false": case "False":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
