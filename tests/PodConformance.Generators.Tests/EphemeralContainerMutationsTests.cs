using FsCheck.Fluent;
using PodConformance.Model.Admission;
using PodConformance.Model.Api;

namespace PodConformance.Generators.Tests;

/// <summary>
/// <see cref="EphemeralContainerMutations"/>: under each profile the variant gives its ephemeral container one explicit empty
/// collection among those the release and gates keep, every such choice occurs, and the pod gets exactly VAL-016's error at
/// that field, then the <c>cannot be set on create</c> every ephemeral container on create gets (spec/validation.md VAL-016).
/// </summary>
public sealed class EphemeralContainerMutationsTests
{
    private const string Forbidden = ": Forbidden: cannot be set for an Ephemeral Container";
    private const string OnCreate = "spec.ephemeralContainers: Forbidden: cannot be set on create";

    /// <summary>
    /// The choices each profile keeps (spec/validation.md VAL-016, DEF-300, ADM-087/088; the gate defaults are
    /// spec/gates/feature-gates.json's: DynamicResourceAllocation on from 1.34, InPlacePodVerticalScaling from 1.33,
    /// ContainerRestartRules from 1.35, its field from 1.34).
    /// </summary>
    public static TheoryData<string, string> Kept => new()
    {
        { "1.28", "ports limits requests" },
        { "1.30+DynamicResourceAllocation", "ports limits requests claims" },
        { "1.30+InPlacePodVerticalScaling", "ports limits requests resizePolicy" },
        { "1.33", "ports limits requests resizePolicy" },
        { "1.34", "ports limits requests claims resizePolicy" },
        { "1.34+ContainerRestartRules", "ports limits requests claims resizePolicy restartPolicyRules" },
        { "1.37", "ports limits requests claims resizePolicy restartPolicyRules" },
    };

    /// <summary>Which explicit empty collection the container has, and nothing else set beyond its name and image.</summary>
    private static string ChoiceOf(Container c)
    {
        var marks = new List<string>();
        void Mark(bool given, string name)
        {
            if (given)
            {
                marks.Add(name);
            }
        }

        Mark(c.PortsGivenEmpty, "ports");
        Mark(c.Resources.LimitsGivenEmpty, "limits");
        Mark(c.Resources.RequestsGivenEmpty, "requests");
        Mark(c.Resources.ClaimsGiven, "claims");
        Mark(c.ResizePolicyGivenEmpty, "resizePolicy");
        Mark(c.RestartPolicyRulesGivenEmpty, "restartPolicyRules");
        Assert.True(marks.Count == 1, "marks: " + string.Join(", ", marks));
        var unmarked = c with
        {
            PortsGivenEmpty = false,
            ResizePolicyGivenEmpty = false,
            RestartPolicyRulesGivenEmpty = false,
            Resources = c.Resources with { LimitsGivenEmpty = false, RequestsGivenEmpty = false, ClaimsGiven = false },
        };
        Assert.Equal(new Container { Name = "debugger", Image = "busybox" }, unmarked);
        return marks[0];
    }

    /// <summary>The field VAL-016 names: the three resources choices all make <c>resources</c> set.</summary>
    private static string FieldOf(string choice) => choice is "limits" or "requests" or "claims" ? "resources" : choice;

    [Theory]
    [MemberData(nameof(Kept))]
    public void Each_kept_choice_occurs_and_gives_exactly_its_error(string version, string kept)
    {
        var m = PodMutations.Named("ephemeral-empty-collection");
        var profile = Support.ProfileFor(version);
        Assert.True(m.AppliesTo(profile));
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var cases = from pod in PodGen.Valid from bad in m.ApplyIn(pod, profile) select bad;
        foreach (var pod in Seeds.Sample(cases, ReplaySeed.Of(3181), 80, 30))
        {
            var ephemeral = Assert.Single(pod.Spec.EphemeralContainers);
            string choice = ChoiceOf(ephemeral);
            seen.Add(choice);
            string[] expected = ["spec.ephemeralContainers[0]." + FieldOf(choice) + Forbidden, OnCreate];

            // Defaulting then validation (what IsDetectedIn reads), and the whole create as the model adapter runs it (the
            // create strategy's drops come between): both give exactly the two errors, each VAL-016's.
            var admitted = PodGen.Admit(pod, profile).Errors;
            var created = PodCreate.Run(pod, profile).Validation.Errors;
            Assert.Equal(expected, admitted.Select(e => e.ToString()));
            Assert.Equal(expected, created.Select(e => e.ToString()));
            Assert.All(created, e => Assert.Equal(m.Rule, e.Rule));
        }

        Assert.Equal(kept.Split(' ').Order(StringComparer.Ordinal), seen);
    }

    /// <summary>Without a profile (<see cref="PodMutation.Apply"/>) only the choices every release keeps.</summary>
    [Fact]
    public void Without_a_profile_only_the_choices_every_release_keeps()
    {
        var m = EphemeralContainerMutations.EmptyCollection;
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pod in Seeds.Sample(from pod in PodGen.Valid from bad in m.Apply(pod) select bad, ReplaySeed.Of(3182), 60, 30))
        {
            seen.Add(ChoiceOf(Assert.Single(pod.Spec.EphemeralContainers)));
        }

        Assert.Equal(["limits", "ports", "requests"], seen);
    }
}
