using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests;

/// <summary>The exact text the writers produce: kubectl key order, Go omitempty, quoting of ambiguous strings.</summary>
public class WriterTests
{
    private static readonly Pod Sample = new()
    {
        Metadata = new ObjectMeta { Name = "web", Labels = ValueMap.Of(("app", "web"), ("version", "1.0")) },
        Spec = new PodSpec
        {
            Containers = ValueList.Of(new Container
            {
                Name = "web",
                Image = "nginx:1.25",
                Ports = ValueList.Of(new ContainerPort { Port = 80 }),
                Env = ValueList.Of(new EnvVar { Name = "ENABLED", Value = "yes" }),
                Resources = new ResourceRequirements { Limits = ValueMap.Of(("cpu", Quantity.Parse("1"))) },
            }),
        },
    };

    [Fact]
    public void Yaml_is_in_kubectl_order_with_ambiguous_strings_quoted()
    {
        Assert.Equal(
            """
            apiVersion: v1
            kind: Pod
            metadata:
              creationTimestamp: null
              labels:
                app: web
                version: "1.0"
              name: web
            spec:
              containers:
              - env:
                - name: ENABLED
                  value: "yes"
                image: nginx:1.25
                name: web
                ports:
                - containerPort: 80
                resources:
                  limits:
                    cpu: "1"

            """.ReplaceLineEndings("\n"),
            PodManifestWriter.ToYaml(Sample));
    }

    [Fact]
    public void Json_is_in_struct_order()
    {
        string json = PodManifestWriter.ToJson(Sample);

        Assert.StartsWith("{\n    \"apiVersion\": \"v1\",\n    \"kind\": \"Pod\",\n    \"metadata\": {\n        \"name\": \"web\",\n        \"creationTimestamp\": null,", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"web\",\n                \"image\": \"nginx:1.25\",", json, StringComparison.Ordinal);
        Assert.Equal(Sample, Assert.Single(PodManifestReader.ReadText(json, "p.json").Pods).Pod);
    }

    [Fact]
    public void Multi_document_yaml_reads_back_in_order()
    {
        var second = Sample with { Metadata = Sample.Metadata with { Name = "second" }, Status = new PodStatus() };

        string yaml = PodManifestWriter.ToYaml([Sample, second]);
        var result = PodManifestReader.ReadText(yaml, "two.yaml");

        Assert.Contains("\n---\n", yaml, StringComparison.Ordinal);
        Assert.EndsWith("status: {}\n", yaml, StringComparison.Ordinal);
        Assert.Equal(new[] { Sample, second }, result.Pods.Select(p => p.Pod));
    }
}
