using BenchmarkDotNet.Attributes;
using PodConformance.Manifests.Reading;
using PodConformance.Model.Api;

namespace PodConformance.Benchmarks;

/// <summary>
/// YAML → pod and JSON → pod: parsing plus decoding with the release's schema (unknown-field and type checks),
/// for a typical three-container manifest (the seed tutorial's full-stack pod, with probes and a status block).
/// Run before and after a reader change on the same machine and compare the ratios.
/// </summary>
[MemoryDiagnoser]
public class ManifestBenchmarks
{
    private const string Yaml = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: fullstack-pod
          namespace: default
          labels:
            app: fullstack
            tier: web
          annotations:
            example.com/owner: team-a
        spec:
          initContainers:
          - name: setup
            image: busybox:1.36
            command: ["sh", "-c", "echo setup > /work-dir/index.html"]
            volumeMounts:
            - name: content
              mountPath: /work-dir
          containers:
          - name: web
            image: nginx:1.25
            ports:
            - containerPort: 80
              name: http
            env:
            - name: POD_NAME
              valueFrom:
                fieldRef:
                  fieldPath: metadata.name
            - name: MODE
              value: production
            resources:
              requests:
                cpu: "100m"
                memory: "64Mi"
              limits:
                cpu: "200m"
                memory: "128Mi"
            readinessProbe:
              httpGet:
                path: /healthz
                port: 80
              periodSeconds: 5
            livenessProbe:
              tcpSocket:
                port: http
            volumeMounts:
            - name: content
              mountPath: /usr/share/nginx/html
              readOnly: true
            - name: logs
              mountPath: /var/log/nginx
          - name: log-tailer
            image: busybox:1.36
            command: ["sh", "-c", "tail -f /var/log/nginx/access.log"]
            resources:
              requests:
                cpu: "50m"
                memory: "32Mi"
            volumeMounts:
            - name: logs
              mountPath: /var/log/nginx
          volumes:
          - name: content
            emptyDir: {}
          - name: logs
            emptyDir:
              sizeLimit: 1Gi
          restartPolicy: Always
          tolerations:
          - key: node.kubernetes.io/not-ready
            operator: Exists
            effect: NoExecute
            tolerationSeconds: 300
        status:
          phase: Running
          podIP: 10.1.0.15
          conditions:
          - type: Ready
            status: "True"
            lastProbeTime: null
            lastTransitionTime: "2024-01-01T00:00:00Z"
        """;

    private readonly string _json = Manifests.Writing.PodManifestWriter.ToJson(PodManifestReader.ReadText(Yaml, "bench.yaml").Pods[0].Pod);

    [Benchmark(Baseline = true)]
    public Pod YamlToPod() => PodManifestReader.ReadText(Yaml, "bench.yaml").Pods[0].Pod;

    [Benchmark]
    public Pod JsonToPod() => PodManifestReader.ReadText(_json, "bench.json").Pods[0].Pod;
}
