using PodConformance.Manifests.Mapping;
using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Manifests.Reading;

/// <summary>
/// Fragments: a document without a kind whose keys are all fields of a PodSpec or of a Container (as tutorials show
/// <c>containers:</c> or <c>env:</c> blocks). A key only a PodSpec has makes it a PodSpec; otherwise it is a
/// Container (so a lone <c>resources:</c> is a container's, as in most tutorials). The Pod built around it gets
/// placeholders for what a Pod needs and the fragment lacks, listed in <see cref="LoadedPod.Filled"/>.
/// </summary>
internal static class Fragments
{
    public const string PodName = "fragment";
    public const string ContainerName = "web";
    public const string Image = "nginx:1.25";

    public static ManifestFragment? Detect(ManifestMapping mapping, ApiSchema schema)
    {
        if (mapping.Entries.IsEmpty)
        {
            return null;
        }

        var podSpec = schema.Type("PodSpec");
        var container = schema.Type("Container");
        bool podSpecOnly = false;
        foreach (var (key, _) in mapping.Entries)
        {
            bool inSpec = podSpec.Field(key.Value) is not null;
            bool inContainer = container.Field(key.Value) is not null;
            if (!inSpec && !inContainer)
            {
                return null;
            }

            podSpecOnly |= inSpec && !inContainer;
        }

        return podSpecOnly ? ManifestFragment.PodSpec : ManifestFragment.Container;
    }

    public static LoadedPod Read(PodMapper mapper, ManifestNode root, ManifestFragment fragment, int document)
    {
        mapper.BeginObject("");
        int mark = mapper.Diagnostics.Count;
        var filled = new List<string> { "metadata.name = " + PodName };
        PodSpec spec = fragment == ManifestFragment.Container
            ? new PodSpec { Containers = ValueList.Of(mapper.ReadContainer(root, "", mapper.Schema.ValueOf("Container"))) }
            : mapper.ReadPodSpec(root, "", mapper.Schema.ValueOf("PodSpec"));
        var containers = new List<Container>();
        for (int i = 0; i < spec.Containers.Count; i++)
        {
            var c = spec.Containers[i];
            string at = "spec.containers[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            if (c.Name.Length == 0)
            {
                c = c with { Name = ContainerName };
                filled.Add(at + ".name = " + ContainerName);
            }

            if (c.Image.Length == 0)
            {
                c = c with { Image = Image };
                filled.Add(at + ".image = " + Image);
            }

            containers.Add(c);
        }

        var pod = new Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new ObjectMeta { Name = PodName },
            Spec = spec with { Containers = ValueList.Of([.. containers]) },
        };
        return new LoadedPod(pod, mapper.File, document, -1, root.Position) { Fragment = fragment, Filled = filled, UnknownFields = mapper.UnknownFieldsSince(mark) };
    }
}
