using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators;

/// <summary>
/// A case's own feature gates on top of the run's profile: which overrides turn one gate off (<see cref="Off"/>) or on
/// (<see cref="On"/>), and the profile a case with such overrides runs under (<see cref="Apply"/>, what the runner gives the
/// oracle and the adapter).
/// </summary>
public static class GateSwitch
{
    /// <summary>
    /// The overrides a case adds to the run's profile so that <paramref name="gate"/> is off, where it is on but may be
    /// turned off: registered and not locked, not named by the run's own overrides (nor decided by its AllAlpha/AllBeta),
    /// and kube-apiserver would accept the run's overrides plus <c>GATE=false</c> (FeatureGateParser: locks, dependencies;
    /// a gate that depends on this one and is on is turned off too). Null where that is not so, or where the gate is
    /// already off (nothing to add).
    /// </summary>
    public static ValueMap<bool>? Off(Profile profile, string gate)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(gate);
        if (!profile.IsEnabled(gate) || !Switchable(profile, gate))
        {
            return null;
        }

        // A gate on that depends on this one goes off with it (kube-apiserver refuses the pair otherwise), where it too may be turned off.
        var off = new List<(string, bool)> { (gate, false) };
        foreach (var d in FeatureGateCatalog.Dependencies)
        {
            if (d.DependsOn.Contains(gate) && d.Since <= profile.Version && (d.Until is not { } until || profile.Version < until) && profile.IsEnabled(d.Gate))
            {
                if (!Switchable(profile, d.Gate))
                {
                    return null;
                }

                off.Add((d.Gate, false));
            }
        }

        var text = new List<string>(profile.Overrides.Count + off.Count);
        foreach (var (name, on) in profile.Overrides)
        {
            text.Add(name + "=" + (on ? "true" : "false"));
        }

        foreach (var (name, _) in off)
        {
            text.Add(name + "=false");
        }

        return FeatureGateParser.TryParse(string.Join(",", text), profile.Version, out _, out _) ? ValueMap.Of([.. off]) : null;
    }

    /// <summary>
    /// The overrides a case adds to the run's profile so that <paramref name="gate"/> is on, where it is off but may be turned
    /// on: registered at the release and not locked, not named by the run's overrides (nor decided by its AllAlpha/AllBeta),
    /// and kube-apiserver would accept the run's overrides plus <c>GATE=true</c> (FeatureGateParser: its dependencies must be
    /// on already). Null where that is not so, or where the gate is already on (nothing to add).
    /// </summary>
    public static ValueMap<bool>? On(Profile profile, string gate)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(gate);
        if (profile.IsEnabled(gate) || !Switchable(profile, gate))
        {
            return null;
        }

        var text = new List<string>(profile.Overrides.Count + 1);
        foreach (var (name, on) in profile.Overrides)
        {
            text.Add(name + "=" + (on ? "true" : "false"));
        }

        text.Add(gate + "=true");
        return FeatureGateParser.TryParse(string.Join(",", text), profile.Version, out _, out _) ? ValueMap.Of((gate, true)) : null;
    }

    /// <summary>
    /// Two cases' overrides as one (their union), where they agree on every gate both name and kube-apiserver would accept
    /// the run's overrides plus the union (FeatureGateParser); null where not.
    /// </summary>
    public static ValueMap<bool>? Combine(Profile profile, ValueMap<bool> first, ValueMap<bool> second)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (second.IsEmpty)
        {
            return first;
        }

        if (first.IsEmpty)
        {
            return second;
        }

        var union = new List<(string, bool)>(first.Count + second.Count);
        foreach (var (name, on) in first)
        {
            union.Add((name, on));
        }

        foreach (var (name, on) in second)
        {
            if (first.TryGetValue(name, out bool other))
            {
                if (other != on)
                {
                    return null;
                }

                continue;
            }

            union.Add((name, on));
        }

        var text = new List<string>(profile.Overrides.Count + union.Count);
        foreach (var (name, on) in profile.Overrides)
        {
            if (!first.ContainsKey(name) && !second.ContainsKey(name))
            {
                text.Add(name + "=" + (on ? "true" : "false"));
            }
        }

        foreach (var (name, on) in union)
        {
            text.Add(name + "=" + (on ? "true" : "false"));
        }

        return FeatureGateParser.TryParse(string.Join(",", text), profile.Version, out _, out _) ? ValueMap.Of([.. union]) : null;
    }

    /// <summary><paramref name="profile"/> with <paramref name="gates"/> added as overrides (a gate named by both takes the case's value).</summary>
    public static Profile Apply(Profile profile, ValueMap<bool> gates)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (gates.IsEmpty)
        {
            return profile;
        }

        var overrides = new List<(string, bool)>(profile.Overrides.Count + gates.Count);
        foreach (var (name, on) in profile.Overrides)
        {
            if (!gates.ContainsKey(name))
            {
                overrides.Add((name, on));
            }
        }

        foreach (var (name, on) in gates)
        {
            overrides.Add((name, on));
        }

        return profile with { Overrides = ValueMap.Of([.. overrides]) };
    }

    /// <summary>The gate is registered, not locked, and neither named by the run's overrides nor decided by its AllAlpha/AllBeta.</summary>
    private static bool Switchable(Profile profile, string gate) =>
        FeatureGateCatalog.Find(gate)?.StageAt(profile.Version) is { Locked: false } stage
        && !profile.Overrides.ContainsKey(gate)
        && !(stage.Stage == FeatureStage.Alpha && profile.Overrides.ContainsKey(FeatureGateCatalog.AllAlpha))
        && !(stage.Stage == FeatureStage.Beta && profile.Overrides.ContainsKey(FeatureGateCatalog.AllBeta));
}
