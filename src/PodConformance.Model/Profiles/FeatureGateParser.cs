using System.Globalization;
using System.Text;
using PodConformance.Model.Collections;

namespace PodConformance.Model.Profiles;

/// <summary>
/// Parses <c>--feature-gates Name=true,Name=false</c> the way Kubernetes components do
/// (k8s.io/component-base/featuregate/feature_gate.go: <c>featureGate.Set</c>, then <c>SetFromMap</c> /
/// <c>unsafeSetFromMap</c>), checked against the gates that exist in the chosen release.
/// </summary>
/// <remarks>
/// <para><c>Set</c> splits the whole value on <c>,</c> and skips only <em>empty</em> items (a blank item such as
/// <c>" "</c> is not skipped: it fails with <c>missing bool value for </c>); each item is split on the first
/// <c>=</c>, and key and value are trimmed separately (Go <c>strings.TrimSpace</c>). All items are parsed before
/// any gate is looked up, so a syntax error anywhere wins over an unknown gate; a repeated key keeps its last value.</para>
/// <para><c>unsafeSetFromMap</c> then walks the map (Go map order, i.e. unspecified): an unknown gate returns at once,
/// a locked gate set to the other value adds an error and the walk goes on; several errors are joined by
/// <c>utilerrors.NewAggregate</c> as <c>[a, b]</c>. The model reports an unknown gate alone (the first in input order)
/// and joins lock errors in input order — one of the orders Go can produce.</para>
/// <para>A gate that does not exist yet in the release is "unrecognized", as a binary of that release says. (A newer
/// binary run with <c>--emulated-version</c> would instead say the gate is PreAlpha at that version; the model
/// profiles releases, not emulation.)</para>
/// <para>When every value was accepted, the gate dependencies of the release (<c>AddDependencies</c>, from 1.35) are
/// checked: each enabled gate (explicitly, through <c>AllAlpha</c>/<c>AllBeta</c>, or by default) whose dependencies
/// are not all enabled gives <c>X is enabled, but depends on features that are disabled: [A B]</c>. Go walks the
/// dependency map in map order; the model walks it by gate name (ordinal) and joins several errors as <c>[a, b]</c>.</para>
/// </remarks>
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

        // Phase 1: featureGate.Set — syntax only.
        var parsed = new List<(string Name, bool On)>();
        foreach (string item in text.Split(','))
        {
            if (item.Length == 0)
            {
                continue;
            }

            string[] kv = item.Split('=', 2);
            string name = kv[0].Trim();
            if (kv.Length != 2)
            {
                error = $"missing bool value for {name}";
                return false;
            }

            string raw = kv[1].Trim();
            if (!TryParseGoBool(raw, out bool on))
            {
                error = $"invalid value of {name}={raw}, err: strconv.ParseBool: parsing {GoQuote(raw)}: invalid syntax";
                return false;
            }

            parsed.Add((name, on));
        }

        // The map Set builds: last value per key wins; keep first-occurrence order for deterministic errors.
        var order = new List<string>();
        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, on) in parsed)
        {
            if (!values.ContainsKey(name))
            {
                order.Add(name);
            }

            values[name] = on;
        }

        // Phase 2: unsafeSetFromMap — gates known in the release, locks.
        foreach (string name in order)
        {
            if (FeatureGateCatalog.Find(name)?.StageAt(version) is null)
            {
                error = $"unrecognized feature gate: {name}";
                return false;
            }
        }

        var lockErrors = new List<string>();
        foreach (string name in order)
        {
            var stage = FeatureGateCatalog.Find(name)!.StageAt(version)!;
            bool on = values[name];
            if (stage.Locked && on != stage.Default)
            {
                lockErrors.Add($"cannot set feature gate {name} to {GoBool(on)}, feature is locked to {GoBool(stage.Default)}");
            }
        }

        if (lockErrors.Count > 0)
        {
            error = Aggregate(lockErrors);
            return false;
        }

        var parsedOverrides = ValueMap.Of([.. order.Select(name => (name, values[name]))]);
        var dependencyErrors = DependencyErrors(new Profile(version, parsedOverrides));
        if (dependencyErrors.Count > 0)
        {
            error = Aggregate(dependencyErrors);
            return false;
        }

        overrides = parsedOverrides;
        return true;
    }

    /// <summary>
    /// unsafeSetFromMap's last step: every dependency entry registered in the release (both ends exist there) whose
    /// gate is enabled while some of its dependencies are not.
    /// </summary>
    internal static List<string> DependencyErrors(Profile profile)
    {
        var errors = new List<string>();
        foreach (var dependency in FeatureGateCatalog.Dependencies)
        {
            if (profile.Version < dependency.Since || (dependency.Until is { } until && profile.Version >= until)
                || !Exists(dependency.Gate, profile.Version)
                || dependency.DependsOn.Any(d => !Exists(d, profile.Version)) || !profile.IsEnabled(dependency.Gate))
            {
                continue;
            }

            var disabled = dependency.DependsOn.Where(d => !profile.IsEnabled(d)).ToList();
            if (disabled.Count > 0)
            {
                errors.Add($"{dependency.Gate} is enabled, but depends on features that are disabled: [{string.Join(" ", disabled)}]");
            }
        }

        return errors;
    }

    private static bool Exists(string gate, KubernetesVersion version) => FeatureGateCatalog.Find(gate)?.StageAt(version) is not null;

    /// <summary><c>utilerrors.NewAggregate(errs).Error()</c>: one message alone, several as <c>[a, b]</c>.</summary>
    private static string Aggregate(List<string> errors) =>
        errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]";

    private static string GoBool(bool b) => b ? "true" : "false";

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

    /// <summary>
    /// Go's <c>strconv.Quote</c>, which <c>strconv.NumError.Error()</c> applies to the input: <c>"</c> and <c>\</c>
    /// escaped, the C escapes for control characters, <c>\xNN</c> / <c>\uNNNN</c> for other non-printables.
    /// (Printability of non-ASCII uses .NET's categories, which can differ from Go's <c>unicode.IsPrint</c> at the edges.)
    /// </summary>
    private static string GoQuote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (c > 0x7f && (char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
