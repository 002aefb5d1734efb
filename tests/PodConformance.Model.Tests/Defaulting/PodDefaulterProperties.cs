using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Tests.Support;

namespace PodConformance.Model.Tests.Defaulting;

public class PodDefaulterProperties
{
    [Property(Replay = "(20261125,1)", MaxTest = 300)]
    public Property Defaulting_is_idempotent() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            var once = PodDefaulter.Apply(pod, Profile.Default);
            var changes = new List<DefaultingChange>();
            var twice = PodDefaulter.Apply(once, Profile.Default, changes);
            return (once == twice && changes.Count == 0).Label($"second pass changed: {string.Join("; ", changes)}");
        });

    [Property(Replay = "(20261125,3)", MaxTest = 300)]
    public Property Every_limit_has_a_request_after_defaulting() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            var d = PodDefaulter.Apply(pod, Profile.Default).Spec;
            return d.Containers.Concat(d.InitContainers).All(c => c.Resources.Limits.Keys.All(c.Resources.Requests.ContainsKey));
        });

    [Property(Replay = "(20261125,5)", MaxTest = 300)]
    public Property Defaulting_never_changes_a_value_the_user_set() =>
        Prop.ForAll(PodGen.PodArb, pod =>
        {
            var d = PodDefaulter.Apply(pod, Profile.Default).Spec;
            for (int i = 0; i < pod.Spec.Containers.Count; i++)
            {
                foreach (var (name, q) in pod.Spec.Containers[i].Resources.Requests)
                {
                    if (!d.Containers[i].Resources.Requests[name].Equals(q))
                    {
                        return false;
                    }
                }
            }

            return d.Containers.Count == pod.Spec.Containers.Count && d.InitContainers.Count == pod.Spec.InitContainers.Count;
        });
}
