using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Podman;

/// <summary>
/// The pod YAML handed to <c>podman kube play</c>: the case's containers, restart policy and resources, each
/// container running its scripted behaviour as a busybox shell command in <see cref="PodmanOptions.Image"/>.
/// Only what the lifecycle depends on is rendered (env, probes, volumes, ports, lifecycle hooks are left out:
/// the adapter observes lifecycle only, and there is no ConfigMap, Secret or network to back them). A container whose
/// image the scenario declares missing is left out, with every container the kubelet would not get to after it
/// (<see cref="MissingImages"/>): the adapter answers it, and <see cref="Placeholder"/> keeps the pod playable when no
/// app container is left.
/// </summary>
public static class PodmanManifest
{
    public const string RunLabel = "podconf.io/run";
    public const string AdapterLabel = "podconf.io/adapter";
    public const string AdapterValue = "podman";

    /// <summary>Annotation prefix holding each container's original image (labels cannot hold <c>/</c> and <c>:</c>).</summary>
    public const string ImageAnnotationPrefix = "podconf.io/image.";

    /// <summary>
    /// podman 4.3's kube play checks annotation values (and key names) against the 63-character label limit and fails
    /// the whole play ("value length exceeds Kubernetetes max 63", exit 125); an image too long for that (a digest
    /// reference) is left unannotated: the annotation is for people reading <c>podman inspect</c>, nothing reads it.
    /// </summary>
    public const int MaxAnnotationValue = 63;

    /// <summary>
    /// An app container that only sleeps, played when the case's app containers are all left out (their images are
    /// missing, or a missing init image stops the pod before them): <c>kube play</c> needs one, and its start says the
    /// played init containers are done. Never mapped to a container status.
    /// </summary>
    public const string Placeholder = "podconf-placeholder";

    /// <summary>The pod to play, named <paramref name="podName"/> (containers become <c>podName-container</c>).</summary>
    public static Pod Render(Pod pod, Scenario scenario, string podName, string runId, PodmanOptions options)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        var script = scenario.ScriptFor(pod.Metadata.Name);
        var missing = MissingImages.For(pod, scenario, podName);
        var annotations = new List<(string, string)>();
        Container Map(Container c, bool init)
        {
            if (c.Image.Length <= MaxAnnotationValue && ("image." + c.Name).Length <= MaxAnnotationValue)
            {
                annotations.Add((ImageAnnotationPrefix + c.Name, c.Image));
            }

            var runs = script.Containers.TryGetValue(c.Name, out var s)
                ? s
                : new ContainerScript(ValueList.Of(init && !c.IsSidecarPolicy ? ContainerRun.DefaultInit : ContainerRun.Default));
            return new Container
            {
                Name = c.Name,
                Image = options.Image,
                Command = ValueList.Of("sh", "-c", ContainerShell.For(runs, options)),
                Resources = c.Resources,
                RestartPolicy = c.RestartPolicy,
            };
        }

        var specInit = pod.Spec.InitContainers;
        var init = specInit.Where((c, i) => missing.IsPlayed(c, true, i, specInit)).Select(c => Map(c, true)).ToValueList();
        var regular = pod.Spec.Containers.Where((c, i) => missing.IsPlayed(c, false, i, specInit)).Select(c => Map(c, false)).ToValueList();
        if (regular.Count == 0)
        {
            regular = ValueList.Of(new Container
            {
                Name = PlaceholderName(pod),
                Image = options.Image,
                Command = ValueList.Of("sh", "-c", "exec sleep 1d"),
            });
        }

        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = podName,
                Labels = ValueMap.Of((RunLabel, runId), (AdapterLabel, AdapterValue)),
                Annotations = ValueMap.Of([.. annotations]),
            },
            Spec = new PodSpec { RestartPolicy = pod.Spec.RestartPolicy, InitContainers = init, Containers = regular },
        };
    }

    public static string ToYaml(Pod rendered) => PodManifestWriter.ToYaml(rendered);

    /// <summary><see cref="Placeholder"/>, with "-" appended while the case has a container of that name.</summary>
    public static string PlaceholderName(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        string name = Placeholder;
        while (pod.Spec.InitContainers.Concat(pod.Spec.Containers).Any(c => c.Name == name))
        {
            name += "-x";
        }

        return name;
    }

    /// <summary>podman's name of a container of a played pod.</summary>
    public static string ContainerName(string podName, string container) => podName + "-" + container;
}
