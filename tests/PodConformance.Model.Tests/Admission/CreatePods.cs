using PodConformance.Model.Api;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Admission;

/// <summary>The pods the create and plugin tests start from: one nginx container named app, in namespace team-a.</summary>
internal static class CreatePods
{
    public static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    public static Container C(string name = "app") => new() { Name = name, Image = "nginx" };

    public static Pod P(string name = "p", PodSpec? spec = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "team-a" },
        Spec = spec ?? new PodSpec { Containers = [C()] },
    };

    public static Pod WithSpec(Func<PodSpec, PodSpec> f)
    {
        var p = P();
        return p with { Spec = f(p.Spec) };
    }
}
