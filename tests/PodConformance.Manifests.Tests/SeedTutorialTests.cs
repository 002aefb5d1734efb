using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests;

/// <summary>
/// Every YAML example of the seed tutorial (/work/shared/seed/pods-module.md) loads; fixtures are verbatim
/// copies under Fixtures/seed, each citing its section. Whole Pods are read as manifests, the snippets as
/// the Container or PodSpec fragment they show.
/// </summary>
public class SeedTutorialTests
{
    public static TheoryData<string, ManifestFragment?> AllExamples => new()
    {
        { "01-pod-spec-web-app.yaml", null },
        { "02-env-direct-values.yaml", ManifestFragment.Container },
        { "03-env-from-configmap.yaml", ManifestFragment.Container },
        { "04-env-from-secret.yaml", ManifestFragment.Container },
        { "05-env-downward-api.yaml", ManifestFragment.Container },
        { "06-init-containers-web-with-init.yaml", null },
        { "07-sidecar-web-with-logging.yaml", null },
        { "08-ambassador-app-with-ambassador.yaml", null },
        { "09-resources-how-they-work.yaml", ManifestFragment.Container },
        { "10-resources-resource-demo.yaml", null },
        { "11-qos-guaranteed.yaml", ManifestFragment.PodSpec },
        { "12-qos-burstable.yaml", ManifestFragment.PodSpec },
        { "13-qos-besteffort.yaml", ManifestFragment.PodSpec },
        { "14-hands-on-fullstack-pod.yaml", null },
    };

    [Theory]
    [MemberData(nameof(AllExamples))]
    public void Every_tutorial_example_loads_without_diagnostics(string file, ManifestFragment? fragment)
    {
        var result = Load(file, fragment);

        Assert.Empty(Fixtures.Printed(result));
        Assert.Single(result.Pods);
        Assert.Empty(result.OtherObjects);
    }

    [Fact]
    public void Pod_spec_section_maps_every_field_it_shows()
    {
        // "The Pod Spec" section.
        var pod = Single("01-pod-spec-web-app.yaml");

        Assert.Equal("web-app", pod.Metadata.Name);
        Assert.Equal("default", pod.Metadata.Namespace);
        Assert.Equal("web", pod.Metadata.Labels["app"]);
        Assert.Equal("v1", pod.Metadata.Labels["version"]);
        Assert.Equal("Frontend web server", pod.Metadata.Annotations["description"]);
        Assert.Equal("Always", pod.Spec.RestartPolicy);
        var web = Assert.Single(pod.Spec.Containers);
        Assert.Equal("web", web.Name);
        Assert.Equal("nginx:1.25", web.Image);
        Assert.Equal(new[] { "/bin/sh" }, web.Command);
        Assert.Equal(new[] { "-c", "nginx -g 'daemon off;'" }, web.Args);
        var port = Assert.Single(web.Ports);
        Assert.Equal((80, "http", "TCP"), (port.Port, port.Name, port.Protocol));
        Assert.Equal(new[] { "APP_ENV", "DB_HOST" }, web.Env.Select(e => e.Name));
        Assert.Equal("production", web.Env[0].Value);
        Assert.Equal(Quantity.Parse("100m"), web.Resources.Requests["cpu"]);
        Assert.Equal(Quantity.Parse("128Mi"), web.Resources.Requests["memory"]);
        Assert.Equal(Quantity.Parse("500m"), web.Resources.Limits["cpu"]);
        Assert.Equal(Quantity.Parse("256Mi"), web.Resources.Limits["memory"]);
        var mount = Assert.Single(web.VolumeMounts);
        Assert.Equal(("html-volume", "/usr/share/nginx/html", true), (mount.Name, mount.MountPath, mount.ReadOnly));
        var volume = Assert.Single(pod.Spec.Volumes);
        Assert.Equal(("html-volume", "emptyDir"), (volume.Name, volume.SourceKind));
        Assert.Equal(new EmptyDirVolumeSource(), volume.EmptyDir);
        Assert.Null(pod.Status);
    }

    [Fact]
    public void Env_sections_map_config_map_secret_and_downward_api_sources()
    {
        // "Environment Variables": From a ConfigMap, From a Secret, From the Downward API.
        var configMap = SingleContainer("03-env-from-configmap.yaml").Env[0].ValueFrom!.ConfigMapKeyRef!;
        Assert.Equal(("app-config", "database_url"), (configMap.Name, configMap.Key));
        var secret = SingleContainer("04-env-from-secret.yaml").Env[0].ValueFrom!.SecretKeyRef!;
        Assert.Equal(("db-credentials", "password"), (secret.Name, secret.Key));

        var env = SingleContainer("05-env-downward-api.yaml").Env;
        Assert.Equal(
            ["metadata.name", "metadata.namespace", "status.podIP", "spec.nodeName"],
            env.Take(4).Select(e => e.ValueFrom!.FieldRef!.FieldPath));
        var cpu = env[4].ValueFrom!.ResourceFieldRef!;
        Assert.Equal(("CPU_LIMIT", "web", "limits.cpu"), (env[4].Name, cpu.ContainerName, cpu.Resource));
        Assert.Null(cpu.Divisor);
    }

    [Fact]
    public void Init_containers_section_keeps_order_and_block_scalar_commands()
    {
        // "Multi-Container Patterns > Init Containers".
        var pod = Single("06-init-containers-web-with-init.yaml");

        Assert.Equal(new[] { "wait-for-db", "run-migrations" }, pod.Spec.InitContainers.Select(c => c.Name));
        var wait = pod.Spec.InitContainers[0];
        Assert.Equal("busybox:1.36", wait.Image);
        Assert.Equal(3, wait.Command.Count);
        Assert.StartsWith("echo \"Waiting for postgres to be ready...\"\nuntil nc -z", wait.Command[2], StringComparison.Ordinal);
        Assert.EndsWith("echo \"Postgres is ready!\"\n", wait.Command[2], StringComparison.Ordinal);
        Assert.Equal(new[] { "./migrate", "--direction=up" }, pod.Spec.InitContainers[1].Command);
        Assert.Equal(8080, Assert.Single(Assert.Single(pod.Spec.Containers).Ports).Port);
        Assert.Equal("", pod.Spec.RestartPolicy);
    }

    [Fact]
    public void Sidecar_and_ambassador_sections_map_volumes_and_env()
    {
        // "Sidecar Containers" and "Ambassador Pattern".
        var sidecar = Single("07-sidecar-web-with-logging.yaml");
        Assert.Equal(new[] { "web", "log-collector" }, sidecar.Spec.Containers.Select(c => c.Name));
        var config = sidecar.Spec.Volumes[1];
        Assert.Equal(("configMap", "fluent-bit-config"), (config.SourceKind, config.ConfigMap!.Name));
        Assert.True(sidecar.Spec.Containers[1].VolumeMounts[0].ReadOnly);

        var ambassador = Single("08-ambassador-app-with-ambassador.yaml");
        Assert.Equal("6379", ambassador.Spec.Containers[0].Env[1].Value);
        Assert.Equal(6379, ambassador.Spec.Containers[1].Ports[0].Port);
    }

    [Fact]
    public void Resource_sections_map_requests_and_limits()
    {
        // "Resource Requests and Limits": How They Work, and the resource-demo Pod.
        var fragment = SingleContainer("09-resources-how-they-work.yaml").Resources;
        Assert.Equal(Quantity.Parse("250m"), fragment.Requests["cpu"]);
        Assert.Equal(Quantity.Parse("1"), fragment.Limits["cpu"]);
        Assert.Equal(Quantity.Parse("512Mi"), fragment.Limits["memory"]);

        var demo = Single("10-resources-resource-demo.yaml");
        Assert.Equal(Quantity.Parse("64Mi"), demo.Spec.Containers[1].Resources.Requests["memory"]);
        Assert.Equal(Quantity.Parse("100m"), demo.Spec.Containers[1].Resources.Limits["cpu"]);
    }

    [Fact]
    public void Qos_sections_load_as_pod_spec_fragments()
    {
        // "Quality of Service (QoS) Classes > The Three Classes".
        var guaranteed = SingleSpec("11-qos-guaranteed.yaml").Containers[0];
        Assert.Equal(guaranteed.Resources.Requests, guaranteed.Resources.Limits);
        var burstable = SingleSpec("12-qos-burstable.yaml").Containers[0];
        Assert.NotEqual(burstable.Resources.Requests, burstable.Resources.Limits);
        var bestEffort = SingleSpec("13-qos-besteffort.yaml").Containers[0];
        Assert.Equal(("app", "nginx:1.25"), (bestEffort.Name, bestEffort.Image));
        Assert.Equal(ResourceRequirements.Empty, bestEffort.Resources);
        Assert.Equal("", guaranteed.Image);
    }

    [Fact]
    public void Hands_on_exercise_pod_maps_init_container_and_two_app_containers()
    {
        // "Hands-On Exercise: Multi-Container Pod".
        var pod = Single("14-hands-on-fullstack-pod.yaml");

        var setup = Assert.Single(pod.Spec.InitContainers);
        Assert.Equal(("setup", "content", "/work-dir"), (setup.Name, setup.VolumeMounts[0].Name, setup.VolumeMounts[0].MountPath));
        Assert.Contains("HTMLEOF\necho \"Setup complete.\"\n", setup.Command[2], StringComparison.Ordinal);
        Assert.Equal(new[] { "web", "log-tailer" }, pod.Spec.Containers.Select(c => c.Name));
        Assert.Equal(Quantity.Parse("32Mi"), pod.Spec.Containers[1].Resources.Requests["memory"]);
        Assert.Equal(new[] { "content", "logs" }, pod.Spec.Volumes.Select(v => v.Name));
        Assert.All(pod.Spec.Volumes, v => Assert.Equal("emptyDir", v.SourceKind));
    }

    private static ManifestReadResult Load(string file, ManifestFragment? fragment)
    {
        string path = Fixtures.PathOf(Path.Combine("seed", file));
        return fragment is { } f
            ? PodManifestReader.ReadFragment(File.ReadAllText(path), path, f)
            : PodManifestReader.ReadFile(path);
    }

    private static Pod Single(string file)
    {
        var result = Load(file, null);
        Assert.Empty(Fixtures.Printed(result));
        return Assert.Single(result.Pods).Pod;
    }

    private static Container SingleContainer(string file)
    {
        var result = Load(file, ManifestFragment.Container);
        Assert.Empty(Fixtures.Printed(result));
        return Assert.Single(Assert.Single(result.Pods).Pod.Spec.Containers);
    }

    private static PodSpec SingleSpec(string file)
    {
        var result = Load(file, ManifestFragment.PodSpec);
        Assert.Empty(Fixtures.Printed(result));
        return Assert.Single(result.Pods).Pod.Spec;
    }
}
