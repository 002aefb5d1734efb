using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Coverage;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Model.Tests.EnvSpec;

/// <summary>
/// <see cref="ContainerConfig.Check"/> builds the environment only when the container reads it (env, envFrom, a
/// subPathExpr) or rule coverage records; otherwise it answers from the environment's preconditions (ENV-001, ENV-002).
/// Both ways must give the same verdict: here on the config-error generator's pods (every failure kind and success),
/// with each container also stripped of what reads the environment, under every combination of
/// enableServiceLinks (unset, true, false), the Service informer synced or not, and the pod static or not.
/// </summary>
public sealed class ContainerConfigTests
{
    private static Gen<(Pod Pod, Scenario Scenario, int Links, bool Synced, bool Static, bool Strip)> Cases() =>
        from c in ConfigErrorGen.Case
        from links in Gen.Choose(0, 2)
        from synced in Gen.Elements(true, false)
        from isStatic in Gen.Elements(true, false)
        from strip in Gen.Elements(true, false)
        select (c.Pod, c.Scenario, links, synced, isStatic, strip);

    [Property(Replay = "(20261207,4107)", MaxTest = 300)]
    public Property The_verdict_is_the_same_with_and_without_building_the_environment() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var defaulted = PodDefaulter.Apply(c.Pod, Profile.Default);
            var pod = defaulted with
            {
                Metadata = defaulted.Metadata with
                {
                    Namespace = "default",
                    Annotations = c.Static ? defaulted.Metadata.Annotations.SetItem(EnvironmentBuilder.ConfigSourceAnnotation, "file") : defaulted.Metadata.Annotations,
                },
                Spec = defaulted.Spec with { EnableServiceLinks = c.Links switch { 0 => null, 1 => true, _ => false } },
            };
            var inputs = ClusterObject.InputsFor(c.Scenario.Objects, "default", new EnvInputs { Node = Scenario.DefaultNode }) with { ServicesSynced = c.Synced };
            foreach (var listed in pod.Spec.InitContainers.Concat(pod.Spec.Containers))
            {
                var container = c.Strip ? listed with { Env = default, EnvFrom = default, VolumeMounts = default } : listed;
                var quick = ContainerConfig.Check(pod, container, inputs, Profile.Default);
                EnvError? built;
                using (RuleCoverage.Record(new RuleHits()))
                {
                    built = ContainerConfig.Check(pod, container, inputs, Profile.Default);
                }

                if (!Equals(quick, built) || (c.Strip && !Equals(quick, EnvironmentBuilder.Build(pod, container, inputs, Profile.Default).Error)))
                {
                    return false;
                }
            }

            return true;
        });
}
