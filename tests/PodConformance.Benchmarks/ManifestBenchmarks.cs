using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using PodConformance.Manifests.Reading;

namespace PodConformance.Benchmarks;

/// <summary>
/// YAML → pod (issue 12 item 4): our reader (the project's YAML reader, then mapping to the model with positions
/// and diagnostics) beside KubernetesClient's <c>KubernetesYaml.Deserialize&lt;V1Pod&gt;</c> of the same text, the
/// baseline, in the same run.
/// </summary>
[MemoryDiagnoser]
public class ManifestBenchmarks
{
    private const string PodYaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: default
          labels:
            app: web
            tier: frontend
          annotations:
            kubectl.kubernetes.io/default-container: web
        spec:
          restartPolicy: Always
          initContainers:
          - name: init
            image: busybox:1.36
            command: ["sh", "-c", "echo init && sleep 1"]
            resources:
              requests: {cpu: 50m, memory: 32Mi}
          containers:
          - name: web
            image: nginx:1.25
            ports:
            - containerPort: 80
              protocol: TCP
            env:
            - name: MODE
              value: "production"
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
              limits:
                cpu: 500m
                memory: 256Mi
            readinessProbe:
              httpGet:
                path: /healthz
                port: 80
              initialDelaySeconds: 5
              periodSeconds: 10
          - name: log
            image: busybox:1.36
            args: ["tail", "-f", "/var/log/app.log"]
            resources:
              requests: {cpu: 10m, memory: 16Mi}
              limits: {cpu: 10m, memory: 16Mi}
        """;

    [Benchmark(Baseline = true, Description = "KubernetesClient KubernetesYaml.Deserialize<V1Pod>")]
    public V1Pod KubernetesClient_Deserialize() => KubernetesYaml.Deserialize<V1Pod>(PodYaml);

    [Benchmark(Description = "PodManifestReader.ReadText (YAML → Pod)")]
    public ManifestReadResult Ours_ReadText() => PodManifestReader.ReadText(PodYaml, "pod.yaml");
}
