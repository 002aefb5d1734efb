using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;

namespace PodConformance.Model.Tests.Validation;

/// <summary>Named builders for defaulted test pods, so tables read as intent rather than object soup.</summary>
internal static class TestPods
{
    public static Profile V(int minor) => Profile.For(new KubernetesVersion(1, minor));

    public static Quantity Q(string s) => Quantity.Parse(s);

    public static ValueMap<Quantity> Res(params (string Name, string Value)[] items)
    {
        var list = new (string, Quantity)[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            list[i] = (items[i].Name, Q(items[i].Value));
        }

        return ValueMap.Of(list);
    }

    /// <summary>A container as defaulting leaves it: image, pull policy and termination message policy set.</summary>
    public static Container Container(string name = "app") => new()
    {
        Name = name,
        Image = "nginx:1.27",
        ImagePullPolicy = "IfNotPresent",
        TerminationMessagePolicy = "File",
        TerminationMessagePath = "/dev/termination-log",
    };

    public static Container WithResources(this Container c, ValueMap<Quantity> requests, ValueMap<Quantity> limits) =>
        c with { Resources = new ResourceRequirements { Requests = requests, Limits = limits } };

    public static Container WithEnv(this Container c, params EnvVar[] env) => c with { Env = ValueList.Of(env) };

    public static Container WithPorts(this Container c, params ContainerPort[] ports) => c with { Ports = ValueList.Of(ports) };

    public static Container Sidecar(string name) => Container(name) with { RestartPolicy = "Always" };

    public static ContainerPort Port(int containerPort, string name = "", int hostPort = 0, string protocol = "TCP") =>
        new() { Port = containerPort, Name = name, HostPort = hostPort, Protocol = protocol };

    public static EnvVar Env(string name, string value = "v") => new() { Name = name, Value = value };

    public static EnvVar FieldEnv(string name, string fieldPath, string apiVersion = "v1") =>
        new() { Name = name, ValueFrom = new EnvVarSource { FieldRef = new ObjectFieldSelector { ApiVersion = apiVersion, FieldPath = fieldPath } } };

    public static EnvVar ResourceEnv(string name, string resource, string? divisor = null) =>
        new()
        {
            Name = name,
            ValueFrom = new EnvVarSource
            {
                ResourceFieldRef = new ResourceFieldSelector { Resource = resource, Divisor = divisor is null ? null : Q(divisor) },
            },
        };

    /// <summary>A pod as defaulting leaves it, with the given regular containers.</summary>
    public static Pod Pod(params Container[] containers) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
        Spec = new PodSpec
        {
            Containers = ValueList.Of(containers),
            RestartPolicy = "Always",
            DnsPolicy = "ClusterFirst",
            TerminationGracePeriodSeconds = 30,
            SchedulerName = "default-scheduler",
            EnableServiceLinks = true,
        },
    };

    public static Pod OneContainer() => Pod(Container());

    public static Pod WithInit(this Pod pod, params Container[] init) => pod with { Spec = pod.Spec with { InitContainers = ValueList.Of(init) } };

    public static Pod WithSpec(this Pod pod, Func<PodSpec, PodSpec> change) => pod with { Spec = change(pod.Spec) };

    /// <summary>The printed errors, for comparing with upstream text.</summary>
    public static string[] Errors(Pod pod, Profile? profile = null)
    {
        var result = Model.Validation.PodValidator.Validate(pod, profile ?? Profile.Default);
        var list = new string[result.Errors.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = result.Errors[i].ToString();
        }

        return list;
    }
}
