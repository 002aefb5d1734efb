using PodConformance.Manifests.Reading;
using PodConformance.Model.Quantities;

namespace PodConformance.Manifests.Tests;

/// <summary><c>kubectl get -o yaml</c> output: status, defaulted fields, unmodelled fields, and lists.</summary>
public class KubectlOutputTests
{
    [Fact]
    public void Kubectl_get_pod_output_loads_status_conditions_and_container_statuses()
    {
        var result = Fixtures.Read("kubectl-get-pod-web-app.yaml");

        Assert.Empty(Fixtures.Printed(result));
        var pod = Assert.Single(result.Pods).Pod;
        var status = pod.Status!;
        Assert.Equal(("Running", "Burstable", "10.1.0.15"), (status.Phase, status.QosClass, status.PodIP));
        Assert.Equal(new[] { "10.1.0.15" }, status.PodIPs);
        Assert.Equal(new[] { "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled" }, status.Conditions.Select(c => c.Type));
        Assert.All(status.Conditions, c => Assert.Null(c.LastProbeTime));
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 10, 0, 3, TimeSpan.Zero), status.Conditions[2].LastTransitionTime);
        var web = Assert.Single(status.ContainerStatuses);
        Assert.Equal(("web", true, 3, true), (web.Name, web.Ready, web.RestartCount, web.Started));
        Assert.Equal(new DateTimeOffset(2025, 1, 31, 10, 8, 32, TimeSpan.Zero), web.State.Running!.StartedAt);
        Assert.Equal((1, "Error"), (web.LastState.Terminated!.ExitCode, web.LastState.Terminated.Reason));
        Assert.Equal(Quantity.Parse("256Mi"), pod.Spec.Containers[0].Resources.Limits["memory"]);
        Assert.Equal(300, pod.Spec.Tolerations[1].TolerationSeconds);
        Assert.Equal(("projected", "kube-api-access-7xk2p"), (pod.Spec.Volumes[1].SourceKind, pod.Spec.Volumes[1].Name));
        Assert.Equal(0, pod.Spec.Priority);
        Assert.True(pod.Spec.EnableServiceLinks);
    }

    [Fact]
    public void Fields_the_hand_written_model_does_not_own_are_read_into_generated_properties_without_warnings()
    {
        var result = Fixtures.Read("kubectl-get-pod-web-app.yaml");
        var pod = Assert.Single(result.Pods).Pod;

        Assert.Empty(result.Warnings);
        Assert.NotEqual("", pod.Metadata.ResourceVersion);
        Assert.NotNull(pod.Spec.PreemptionPolicy);
        Assert.NotNull(pod.Spec.SecurityContext);
        Assert.NotEqual("", pod.Spec.DeprecatedServiceAccount);
        Assert.NotNull(pod.Spec.Volumes[1].Projected);
        Assert.Equal("projected", pod.Spec.Volumes[1].SourceKind);
        Assert.False(pod.Status!.ContainerStatuses[0].VolumeMounts.IsEmpty);
    }

    [Fact]
    public void Kubectl_get_pods_list_output_yields_pods_and_other_kinds_separately()
    {
        const string text = """
            apiVersion: v1
            items:
            - apiVersion: v1
              kind: Pod
              metadata:
                name: a
              spec:
                containers:
                - name: c
                  image: busybox
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: app-config
                namespace: prod
              data:
                database_url: postgres://db
            kind: List
            metadata:
              resourceVersion: ""
            ---
            apiVersion: v1
            kind: PodList
            items:
            - metadata:
                name: b
              spec:
                containers: []
            """;

        var result = PodManifestReader.ReadText(text, "list.yaml");

        Assert.Empty(Fixtures.Printed(result));
        Assert.Equal(new[] { ("a", 0, 0), ("b", 1, 0) }, result.Pods.Select(p => (p.Pod.Metadata.Name, p.Document, p.ItemIndex)));
        Assert.Equal("Pod", result.Pods[1].Pod.Kind);
        var configMap = Assert.Single(result.OtherObjects);
        Assert.Equal(("ConfigMap", "app-config", "prod"), (configMap.Kind, configMap.Name, configMap.Namespace));
        Assert.Equal("postgres://db", ((Nodes.ManifestMapping)configMap.Raw.Get("data")!).GetString("database_url"));
    }
}
