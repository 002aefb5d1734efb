using System.Globalization;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="GatedFieldMutations"/>: each variant, on a valid pod, gives exactly one validation error — the one its rule's
/// row in spec/validation.md writes, at the field the variant breaks — and every choice of the variant occurs.
/// </summary>
public sealed class GatedFieldMutationsTests
{
    /// <summary>
    /// VAL-041's texts (spec/validation.md; validateContainerRestartPolicy at v1.34.1, v1.35.0, v1.36.3 and U37): from 1.36
    /// a bad action lists the actions the RestartAllContainers option allows.
    /// </summary>
    private static string[] RestartRuleErrors(Profile profile) =>
    [
        "spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used",
        "spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
        "spec.containers[0].restartPolicyRules[0].action: Unsupported value: \"Retry\": supported values: \"Restart\""
            + (profile.Version >= new KubernetesVersion(1, 36) && profile.IsEnabled(FeatureGateNames.RestartAllContainersOnContainerExits) ? ", \"RestartAllContainers\"" : ""),
        "spec.containers[0].restartPolicyRules[0].exitCodes: Required value: must be specified",
        "spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: \"Equals\": supported values: \"In\", \"NotIn\"",
    ];

    /// <summary>VAL-709's text (IsValidUserID's range) at the clusterTrustBundle and podCertificate <c>user</c>.</summary>
    private static string[] OwnerErrors(Pod pod)
    {
        string source = LastVolume(pod) + ".projected.sources[0].";
        const string Range = ": must be between 0 and 2147483647, inclusive";
        return
        [
            source + "clusterTrustBundle.user: Invalid value: -1" + Range,
            source + "clusterTrustBundle.user: Invalid value: 2147483648" + Range,
            source + "podCertificate.user: Invalid value: -1000" + Range,
            source + "podCertificate.user: Invalid value: 2147483648" + Range,
        ];
    }

    /// <summary>
    /// VAL-633: the namespace's DNS-label check (the message is the release's IsDNS1123Label text, so only the path and value
    /// are written here) and, from 1.34, the <c>*field.Path</c> value printed as JSON (<c>{}</c>, VAL-201).
    /// </summary>
    private static string[] DataSourceRefErrors(Pod pod)
    {
        string spec = LastVolume(pod) + ".ephemeral.volumeClaimTemplate.spec";
        return
        [
            spec + ".dataSourceRef.namespace: Invalid value: \"Shared_Data\": ",
            spec + ".dataSourceRef.namespace: Invalid value: \"-backups\": ",
            spec + ": Invalid value: {}: may not be specified when dataSourceRef.namespace is specified",
        ];
    }

    private static string LastVolume(Pod pod) => "spec.volumes[" + (pod.Spec.Volumes.Count - 1).ToString(CultureInfo.InvariantCulture) + "]";

    public static TheoryData<string, string> Variants => new()
    {
        { "bad-restart-rules", "1.37" },
        { "bad-restart-rules", "1.34+ContainerRestartRules" },
        { "bad-restart-rules", "1.36" },
        { "bad-restart-rules", "1.35" },
        { "bad-projected-owner-uid", "1.37+AtomicWriteVolumeUserFields" },
        { "bad-data-source-ref-namespace", "1.37+CrossNamespaceVolumeDataSource" },

        // Session 14: the gate (alpha, off) changes nothing in a pod create: the same errors at the defaults.
        { "bad-data-source-ref-namespace", "1.37" },
        { "bad-data-source-ref-namespace", "1.34" }, // the *field.Path value prints as {} from 1.34 (VAL-201)
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Each_variant_gives_exactly_its_error_and_every_choice_occurs(string mutation, string version)
    {
        var m = PodMutations.Named(mutation);
        var profile = Support.ProfileFor(version);
        Assert.True(m.AppliesTo(profile), mutation + " does not apply at " + version);
        Func<Pod, string[]> expected = mutation switch
        {
            "bad-restart-rules" => _ => RestartRuleErrors(profile),
            "bad-projected-owner-uid" => OwnerErrors,
            _ => DataSourceRefErrors,
        };

        var seen = new HashSet<int>();
        var cases = from pod in PodGen.Valid from bad in m.Apply(pod) select bad;
        int choices = 0;
        foreach (var pod in Seeds.Sample(cases, ReplaySeed.Of(3171), 80, 30))
        {
            var errors = PodGen.Admit(pod, profile).Errors;
            Assert.True(errors.Count == 1, mutation + " at " + version + ": " + errors.Count + " errors: " + string.Join(" | ", errors));
            Assert.Equal(m.Rule, errors[0].Rule);
            string text = errors[0].ToString();
            string[] texts = expected(pod);
            choices = texts.Length;
            int at = Array.FindIndex(texts, t => t.EndsWith(": ", StringComparison.Ordinal) ? text.StartsWith(t, StringComparison.Ordinal) : text == t);
            Assert.True(at >= 0, mutation + " at " + version + ": unexpected " + text);
            seen.Add(at);
        }

        Assert.Equal(choices, seen.Count);
    }
}
