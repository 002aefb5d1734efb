using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Defaulting;

/// <summary>
/// What the Pod create strategy (kubernetes pkg/registry/core/pod/strategy.go <c>PrepareForCreate</c>) changes in the
/// scheduling, DNS and claim fields before validation: fields of a disabled gate are dropped (pkg/api/pod/util.go
/// <c>dropDisabledFields</c>, DEF-300), matchLabelKeys/mismatchLabelKeys of pod affinity terms are merged into their
/// label selectors (<c>mutatePodAffinity</c>, DEF-301) and matchLabelKeys of topology spread constraints into theirs
/// (<c>mutateTopologySpreadConstraints</c>, DEF-302).
/// </summary>
public static partial class PodDefaulter
{
    /// <summary>Release from which the create strategy merges topology spread matchLabelKeys (MatchLabelKeysInPodTopologySpreadSelectorMerge).</summary>
    private static readonly KubernetesVersion TopologySpreadSelectorMergeSince = new(1, 34);

    /// <summary>
    /// The gate that guarded minDomains until it was removed in 1.32; not in <see cref="FeatureGateNames"/>, whose gates
    /// must all exist in the newest release (ProfileTests), so spec/profiles.md lists it as "no modelled effect yet".
    /// </summary>
    private const string MinDomainsInPodTopologySpread = nameof(MinDomainsInPodTopologySpread);

    /// <summary>mutatePodAffinity (DEF-301) then mutateTopologySpreadConstraints (DEF-302), after the drops.</summary>
    private static Pod MergeMatchLabelKeys(Pod pod, Profile profile, ChangeLog log)
    {
        var spec = pod.Spec;
        if (spec.Affinity is null && spec.TopologySpreadConstraints.IsEmpty)
        {
            return pod;
        }

        if (spec.Affinity is not null && profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodAffinity))
        {
            spec = spec with { Affinity = MergeAffinityLabelKeys(spec.Affinity, pod.Metadata.Labels, log) };
        }

        if (!spec.TopologySpreadConstraints.IsEmpty && profile.Version >= TopologySpreadSelectorMergeSince
            && profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodTopologySpread)
            && profile.IsEnabled(FeatureGateNames.MatchLabelKeysInPodTopologySpreadSelectorMerge))
        {
            spec = spec with { TopologySpreadConstraints = MergeSpreadLabelKeys(spec.TopologySpreadConstraints, pod.Metadata.Labels, log) };
        }

        return ReferenceEquals(spec, pod.Spec) ? pod : pod with { Spec = spec };
    }

    private static bool AnyContainerClaims(PodSpec spec)
    {
        foreach (var c in spec.Containers)
        {
            if (!c.Resources.Claims.IsEmpty || c.Resources.ClaimsGiven)
            {
                return true;
            }
        }

        foreach (var c in spec.InitContainers)
        {
            if (!c.Resources.Claims.IsEmpty || c.Resources.ClaimsGiven)
            {
                return true;
            }
        }

        foreach (var c in spec.EphemeralContainers)
        {
            if (!c.Resources.Claims.IsEmpty || c.Resources.ClaimsGiven)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first release whose dropDisabledFields leaves an ephemeral volume's claim template resource claims alone: from
    /// 1.29 the template's resources are a VolumeResourceRequirements, which has none (DEF-300).
    /// </summary>
    private static readonly KubernetesVersion ClaimTemplateClaimsKeptFrom = new(1, 29);

    private static bool AnyClaimTemplateClaims(PodSpec spec)
    {
        foreach (var v in spec.Volumes)
        {
            if (v.Ephemeral?.VolumeClaimTemplate is { Spec.Resources.Claims.IsEmpty: false })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 1.28's dropDisabledDynamicResourceAllocationFields, after the gated drops: every ephemeral volume's
    /// <c>volumeClaimTemplate.spec.resources.claims</c> goes, whatever the gates (upstream's comment: setting them "should
    /// have been treated as an error by validation when extending ResourceRequirements in 1.26", so they are accepted and
    /// dropped). util.go of 1.28, blob ebc0a6b3d9 (DEF-300).
    /// </summary>
    private static PodSpec DropClaimTemplateClaims(PodSpec spec, ChangeLog log)
    {
        var volumes = new Volume[spec.Volumes.Count];
        for (int i = 0; i < volumes.Length; i++)
        {
            var v = spec.Volumes[i];
            if (v.Ephemeral is { VolumeClaimTemplate: { Spec.Resources.Claims.IsEmpty: false } template } ephemeral)
            {
                var claimSpec = template.Spec with { Resources = template.Spec.Resources with { Claims = default } };
                v = v with { Ephemeral = ephemeral with { VolumeClaimTemplate = template with { Spec = claimSpec } } };
                log.Add(
                    DefaultingRules.DropDisabledFields,
                    "spec.volumes[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].ephemeral.volumeClaimTemplate.spec.resources.claims",
                    "(dropped: a claim template's resource claims, on every 1.28 create)");
            }

            volumes[i] = v;
        }

        return spec with { Volumes = new ValueList<Volume>(volumes) };
    }

    /// <summary>DEF-300: the fields of this area whose gate is off are dropped, as on create nothing old "uses" them.</summary>
    private static PodSpec DropDisabledSchedulingFields(PodSpec spec, Profile profile, ChangeLog log)
    {
        bool templateClaims = profile.Version < ClaimTemplateClaimsKeptFrom && AnyClaimTemplateClaims(spec);
        if (spec.ResourceClaims.IsEmpty && spec.Affinity is null && spec.TopologySpreadConstraints.IsEmpty && spec.HostnameOverride is null
            && spec.WorkloadRef is null && spec.SchedulingGroup is null && spec.EvictionResponders.IsEmpty && spec.SchedulingGates.IsEmpty
            && !AnyContainerClaims(spec) && !templateClaims)
        {
            return spec;
        }

        if (GateOff(profile, FeatureGateNames.DynamicResourceAllocation))
        {
            if (!spec.ResourceClaims.IsEmpty)
            {
                spec = spec with { ResourceClaims = default };
                log.Add(DefaultingRules.DropDisabledFields, "spec.resourceClaims", Dropped(FeatureGateNames.DynamicResourceAllocation));
            }

            spec = spec with
            {
                Containers = DropClaims(spec.Containers, "spec.containers", log),
                InitContainers = DropClaims(spec.InitContainers, "spec.initContainers", log),
                EphemeralContainers = DropClaims(spec.EphemeralContainers, "spec.ephemeralContainers", log),
            };
        }

        if (templateClaims)
        {
            spec = DropClaimTemplateClaims(spec, log);
        }

        if (spec.Affinity is not null && GateOff(profile, FeatureGateNames.MatchLabelKeysInPodAffinity))
        {
            spec = spec with { Affinity = DropAffinityLabelKeys(spec.Affinity, log) };
        }

        if (!spec.TopologySpreadConstraints.IsEmpty)
        {
            bool dropKeys = GateOff(profile, FeatureGateNames.MatchLabelKeysInPodTopologySpread);
            bool dropMinDomains = GateOff(profile, MinDomainsInPodTopologySpread);
            bool dropPolicies = GateOff(profile, FeatureGateNames.NodeInclusionPolicyInPodTopologySpread);
            if (dropKeys || dropMinDomains || dropPolicies)
            {
                var list = spec.TopologySpreadConstraints;
                for (int i = 0; i < list.Count; i++)
                {
                    var c = list[i];
                    string at = "spec.topologySpreadConstraints[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].";
                    if (dropMinDomains && c.MinDomains is not null)
                    {
                        c = c with { MinDomains = null };
                        log.Add(DefaultingRules.DropDisabledFields, at + "minDomains", Dropped(MinDomainsInPodTopologySpread));
                    }

                    if (dropPolicies && c.NodeAffinityPolicy is not null)
                    {
                        c = c with { NodeAffinityPolicy = null };
                        log.Add(DefaultingRules.DropDisabledFields, at + "nodeAffinityPolicy", Dropped(FeatureGateNames.NodeInclusionPolicyInPodTopologySpread));
                    }

                    if (dropPolicies && c.NodeTaintsPolicy is not null)
                    {
                        c = c with { NodeTaintsPolicy = null };
                        log.Add(DefaultingRules.DropDisabledFields, at + "nodeTaintsPolicy", Dropped(FeatureGateNames.NodeInclusionPolicyInPodTopologySpread));
                    }

                    if (dropKeys && !c.MatchLabelKeys.IsEmpty)
                    {
                        c = c with { MatchLabelKeys = default };
                        log.Add(DefaultingRules.DropDisabledFields, at + "matchLabelKeys", Dropped(FeatureGateNames.MatchLabelKeysInPodTopologySpread));
                    }

                    list = list.SetItem(i, c);
                }

                spec = spec with { TopologySpreadConstraints = list };
            }
        }

        if (spec.HostnameOverride is not null && GateOff(profile, FeatureGateNames.HostnameOverride))
        {
            spec = spec with { HostnameOverride = null };
            log.Add(DefaultingRules.DropDisabledFields, "spec.hostnameOverride", Dropped(FeatureGateNames.HostnameOverride));
        }

        if (GateOff(profile, FeatureGateNames.GenericWorkload))
        {
            if (spec.WorkloadRef is not null)
            {
                spec = spec with { WorkloadRef = null };
                log.Add(DefaultingRules.DropDisabledFields, "spec.workloadRef", Dropped(FeatureGateNames.GenericWorkload));
            }

            if (spec.SchedulingGroup is not null)
            {
                spec = spec with { SchedulingGroup = null };
                log.Add(DefaultingRules.DropDisabledFields, "spec.schedulingGroup", Dropped(FeatureGateNames.GenericWorkload));
            }
        }

        if (!spec.EvictionResponders.IsEmpty && GateOff(profile, FeatureGateNames.EvictionRequestAPI))
        {
            spec = spec with { EvictionResponders = default };
            log.Add(DefaultingRules.DropDisabledFields, "spec.evictionResponders", Dropped(FeatureGateNames.EvictionRequestAPI));
        }

        if (!spec.SchedulingGates.IsEmpty && GateOff(profile, FeatureGateNames.PodSchedulingReadiness))
        {
            spec = spec with { SchedulingGates = default };
            log.Add(DefaultingRules.DropDisabledFields, "spec.schedulingGates", Dropped(FeatureGateNames.PodSchedulingReadiness));
        }

        return spec;
    }

    private static ValueList<Container> DropClaims(ValueList<Container> containers, string listPath, ChangeLog log)
    {
        for (int i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            if (c.Resources.ClaimsGiven && c.Resources.Claims.IsEmpty)
            {
                // `claims: []` is dropped to nil as well (dropResourceClaimRequests): nothing to show, but an ephemeral
                // container's resources are then unset again (VAL-016).
                containers = containers.SetItem(i, c with { Resources = c.Resources with { ClaimsGiven = false } });
            }
            else if (!c.Resources.Claims.IsEmpty)
            {
                containers = containers.SetItem(i, c with { Resources = c.Resources with { Claims = default, ClaimsGiven = false } });
                log.Add(DefaultingRules.DropDisabledFields, listPath + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].resources.claims",
                    Dropped(FeatureGateNames.DynamicResourceAllocation));
            }
        }

        return containers;
    }

    /// <summary>Visits the four term lists of pod affinity and anti-affinity in the create strategy's order, rewriting each term.</summary>
    private static Affinity MapPodAffinityTerms(Affinity affinity, Func<PodAffinityTerm, string, PodAffinityTerm> map)
    {
        if (affinity.PodAffinity is { } pa)
        {
            affinity = affinity with
            {
                PodAffinity = pa with
                {
                    PreferredDuringSchedulingIgnoredDuringExecution = MapWeighted(pa.PreferredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution", map),
                    RequiredDuringSchedulingIgnoredDuringExecution = MapTerms(pa.RequiredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution", map),
                },
            };
        }

        if (affinity.PodAntiAffinity is { } anti)
        {
            affinity = affinity with
            {
                PodAntiAffinity = anti with
                {
                    PreferredDuringSchedulingIgnoredDuringExecution = MapWeighted(anti.PreferredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution", map),
                    RequiredDuringSchedulingIgnoredDuringExecution = MapTerms(anti.RequiredDuringSchedulingIgnoredDuringExecution, "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution", map),
                },
            };
        }

        return affinity;
    }

    private static ValueList<PodAffinityTerm> MapTerms(ValueList<PodAffinityTerm> terms, string listPath, Func<PodAffinityTerm, string, PodAffinityTerm> map)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            var mapped = map(terms[i], listPath + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            if (!ReferenceEquals(mapped, terms[i]))
            {
                terms = terms.SetItem(i, mapped);
            }
        }

        return terms;
    }

    private static ValueList<WeightedPodAffinityTerm> MapWeighted(ValueList<WeightedPodAffinityTerm> terms, string listPath, Func<PodAffinityTerm, string, PodAffinityTerm> map)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            var term = terms[i].PodAffinityTerm;
            var mapped = map(term, listPath + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].podAffinityTerm");
            if (!ReferenceEquals(mapped, term))
            {
                terms = terms.SetItem(i, terms[i] with { PodAffinityTerm = mapped });
            }
        }

        return terms;
    }

    private static Affinity DropAffinityLabelKeys(Affinity affinity, ChangeLog log) =>
        MapPodAffinityTerms(affinity, (term, at) =>
        {
            if (!term.MatchLabelKeys.IsEmpty)
            {
                log.Add(DefaultingRules.DropDisabledFields, at + ".matchLabelKeys", Dropped(FeatureGateNames.MatchLabelKeysInPodAffinity));
            }

            if (!term.MismatchLabelKeys.IsEmpty)
            {
                log.Add(DefaultingRules.DropDisabledFields, at + ".mismatchLabelKeys", Dropped(FeatureGateNames.MatchLabelKeysInPodAffinity));
            }

            return term.MatchLabelKeys.IsEmpty && term.MismatchLabelKeys.IsEmpty ? term : term with { MatchLabelKeys = default, MismatchLabelKeys = default };
        });

    /// <summary>
    /// DEF-301: for a term with a label selector, each matchLabelKey the pod has as a label becomes a requirement
    /// <c>key In [value]</c> appended to the selector's matchExpressions, then each mismatchLabelKey <c>key NotIn [value]</c>.
    /// Keys the pod lacks are skipped; a term without a selector is left alone (validation then forbids the keys).
    /// </summary>
    private static Affinity MergeAffinityLabelKeys(Affinity affinity, ValueMap<string> labels, ChangeLog log) =>
        MapPodAffinityTerms(affinity, (term, at) =>
        {
            if ((term.MatchLabelKeys.IsEmpty && term.MismatchLabelKeys.IsEmpty) || term.LabelSelector is not { } selector)
            {
                return term;
            }

            var merged = AppendLabelKeys(selector, term.MatchLabelKeys, "In", labels, at + ".labelSelector", DefaultingRules.MergeAffinityLabelKeys, log);
            merged = AppendLabelKeys(merged, term.MismatchLabelKeys, "NotIn", labels, at + ".labelSelector", DefaultingRules.MergeAffinityLabelKeys, log);
            return ReferenceEquals(merged, selector) ? term : term with { LabelSelector = merged };
        });

    /// <summary>DEF-302: each matchLabelKey the pod has as a label becomes <c>key In [value]</c> in the constraint's selector.</summary>
    private static ValueList<TopologySpreadConstraint> MergeSpreadLabelKeys(ValueList<TopologySpreadConstraint> constraints, ValueMap<string> labels, ChangeLog log)
    {
        for (int i = 0; i < constraints.Count; i++)
        {
            var c = constraints[i];
            if (c.MatchLabelKeys.IsEmpty || c.LabelSelector is not { } selector)
            {
                continue;
            }

            string at = "spec.topologySpreadConstraints[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].labelSelector";
            var merged = AppendLabelKeys(selector, c.MatchLabelKeys, "In", labels, at, DefaultingRules.MergeSpreadLabelKeys, log);
            if (!ReferenceEquals(merged, selector))
            {
                constraints = constraints.SetItem(i, c with { LabelSelector = merged });
            }
        }

        return constraints;
    }

    private static LabelSelector AppendLabelKeys(LabelSelector selector, ValueList<string> keys, string op, ValueMap<string> labels, string at, string rule, ChangeLog log)
    {
        foreach (string key in keys)
        {
            if (!labels.TryGetValue(key, out string? value))
            {
                continue;
            }

            int index = selector.MatchExpressions.Count;
            selector = selector with { MatchExpressions = selector.MatchExpressions.Add(new LabelSelectorRequirement { Key = key, Operator = op, Values = [value] }) };
            log.Add(rule, at + ".matchExpressions[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", "{key: " + key + ", operator: " + op + ", values: [" + value + "]}");
        }

        return selector;
    }
}
