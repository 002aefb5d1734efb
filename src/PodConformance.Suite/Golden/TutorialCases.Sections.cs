using PodConformance.Manifests.Reading;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;

namespace PodConformance.Suite.Golden;

/// <summary>One method per tutorial example: its section, what it shows (verbatim), notes where it simplifies.</summary>
public static partial class TutorialCases
{
    private const string Conditions = "{range .status.conditions[*]}{.type}{\"\\t\"}{.status}{\"\\n\"}{end}";

    private static GoldenCase PodSpec(SeedInputs seed, Profile profile) => Build(new Spec(
        "01-pod-spec-web-app", "Pods > The Pod Spec; Pod Lifecycle > Pod Conditions, Container States", "62-127, 629-662",
        seed.Pod("manifests/01-pod-spec-web-app.yaml"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/01-pod-spec-web-app.yaml",
        Shows = new GoldenMapBuilder()
            .AddList("get", ["NAME      READY   STATUS    RESTARTS   AGE", "web-app   1/1     Running   0          12s"])
            .AddList("getWide", ["NAME      READY   STATUS    RESTARTS   AGE   IP          NODE       ...", "web-app   1/1     Running   0          30s   10.1.0.15   node-1     ..."])
            .Add(Conditions, "PodScheduled     True\nInitialized      True\nContainersReady  True\nReady            True\n")
            .Add("{.status.containerStatuses[0].state}", "{\"running\":{\"startedAt\":\"2025-01-31T10:00:02Z\"}}")
            .Build(),
        Notes =
        [
            "Condition order: the tutorial lists PodScheduled, Initialized, ContainersReady, Ready; the kubelet stores PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled and jsonpath prints that order (COND-001, spec/conditions.md).",
            "IPs are the cluster's: the model hands out 10.244.0.10 for the first pod where the tutorial shows 10.1.0.15; ages depend on timing.",
        ],
        EnvInputs = new EnvInputs { Node = Model.Simulation.Scenario.DefaultNode },
        Views = (sim, v) => v
            .AddList("getWide", SeedViews.Get(sim, "web-app", wide: true))
            .Add("jsonpath", JsonPaths(sim, "web-app", Conditions, "{.status.containerStatuses[0].state}")),
    }, profile);

    private static GoldenCase ThreeRestarts(SeedInputs seed, Profile profile) => Build(new Spec(
        "01-restart-policy-three-restarts", "Pods > Pod Lifecycle > Restart Policy", "664-691",
        seed.Pod("manifests/01-pod-spec-web-app.yaml"), seed.Scenario("web-app-three-restarts.yaml"))
    {
        Manifest = "seed/manifests/01-pod-spec-web-app.yaml",
        Shows = new GoldenMapBuilder()
            .AddList("get", ["NAME      READY   STATUS    RESTARTS     AGE", "web-app   1/1     Running   3 (2m ago)   10m"])
            .AddList("lastState", ["    Last State:     Terminated", "      Reason:       Error", "      Exit Code:    1", "      Started:      Fri, 31 Jan 2025 10:08:00 +0000"])
            .Build(),
        Greps = [("lastState", "Last State", 3)],
        Notes =
        [
            "RESTARTS is the sum over containers with the newest finishedAt as its age; regular init container restarts stop counting once the pod has initialized (PRINT-008, spec/printer.md).",
            "describe | grep -A 3 \"Last State\": the first three lines match kubectl to the character; Started is the last run's start, 10:00:19 in this scenario, where the tutorial shows 10:08:00, the time it finished (DESC-023, spec/describe.md).",
        ],
        Views = (sim, v) => v.Add("jsonpath", JsonPaths(sim, "web-app",
            "{.status.containerStatuses[0].lastState.terminated.reason}",
            "{.status.containerStatuses[0].lastState.terminated.exitCode}",
            "{.status.containerStatuses[0].restartCount}")),
    }, profile);

    private static GoldenCase CrashLoop(SeedInputs seed, Profile profile) => Build(new Spec(
        "01-restart-policy-crashloop", "Pods > Pod Lifecycle > Restart Policy; Debugging Pods > CrashLoopBackOff", "664-691, 794-803",
        seed.Pod("manifests/01-pod-spec-web-app.yaml"), seed.Scenario("web-app-crashloop.yaml"))
    {
        Manifest = "seed/manifests/01-pod-spec-web-app.yaml",
        Shows = new GoldenMapBuilder()
            .Add("backoff", "On restart, the kubelet uses exponential backoff: 10s, 20s, 40s, ... up to 5 minutes.")
            .Add("restartPolicy", "restartPolicy applies to ALL containers in the Pod — you can't set different policies per container.")
            .Build(),
        Notes =
        [
            "The first restart is immediate; back-off starts with the second (10s, 20s, 40s, 80s, 160s, then 300s), and a run longer than 10 minutes resets it (spec/backoff.md).",
            "restartPolicy is not pod-wide for every container: sidecars (init containers with restartPolicy: Always) always restart, and since 1.34 containers may carry their own restartPolicy and restartPolicyRules (PHASE-006/011/013, spec/phase.md).",
            "A crash-looping pod is Running (PHASE-004); CrashLoopBackOff is the container's waiting reason shown in STATUS (PRINT-009).",
        ],
        Views = (sim, v) => v.Add("backoffWaits", Seconds(SeedViews.BackoffWaits(sim, "web-app"))),
    }, profile);

    private static GoldenCase EnvDirect(SeedInputs seed, Profile profile) => Build(new Spec(
        "02-env-direct-values", "Pods > Environment Variables > Direct Values", "139-143",
        seed.Fragment("manifests/02-env-direct-values.yaml", ManifestFragment.Container, "web-app"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/02-env-direct-values.yaml",
        Completed = "container fragment placed in pod web-app as container web, image nginx:1.25",
        Shows = Map(("env", "APP_ENV=production, LOG_LEVEL=info")),
        EnvInputs = new EnvInputs { Node = Model.Simulation.Scenario.DefaultNode },
    }, profile);

    private static GoldenCase EnvConfigMap(SeedInputs seed, Profile profile) => Build(new Spec(
        "03-env-from-configmap", "Pods > Environment Variables > From a ConfigMap", "151-156",
        seed.Fragment("manifests/03-env-from-configmap.yaml", ManifestFragment.Container, "web-app"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/03-env-from-configmap.yaml",
        Completed = "container fragment placed in pod web-app as container web, image nginx:1.25; ConfigMap app-config given",
        Shows = Map(("env", "DATABASE_URL from key database_url of ConfigMap app-config")),
        Notes = ["A missing ConfigMap or key leaves the container in CreateContainerConfigError unless optional (ENV-007/009, spec/env.md)."],
        Inputs = new GoldenMapBuilder().Add("configMaps", new GoldenMapBuilder().Add("app-config", Map(("database_url", "postgres://postgres.default.svc.cluster.local:5432/app"))).Build()).Build(),
        EnvInputs = new EnvInputs
        {
            Node = Model.Simulation.Scenario.DefaultNode,
            ConfigMaps = ValueMap.Of(("app-config", ValueMap.Of(("database_url", "postgres://postgres.default.svc.cluster.local:5432/app")))),
        },
    }, profile);

    private static GoldenCase EnvSecret(SeedInputs seed, Profile profile) => Build(new Spec(
        "04-env-from-secret", "Pods > Environment Variables > From a Secret", "164-169",
        seed.Fragment("manifests/04-env-from-secret.yaml", ManifestFragment.Container, "web-app"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/04-env-from-secret.yaml",
        Completed = "container fragment placed in pod web-app as container web, image nginx:1.25; Secret db-credentials given (its value is never written)",
        Shows = Map(("env", "DB_PASSWORD from key password of Secret db-credentials (base64-encoded)")),
        Notes = ["The container sees the decoded value; base64 is only the API encoding (spec/env.md). Golden files show Secret values masked as <secret:name/key> (ENV-010)."],
        Inputs = new GoldenMapBuilder().Add("secrets", new GoldenMapBuilder().Add("db-credentials", Map(("password", "<redacted>"))).Build()).Build(),
        Secrets = [TutorialSecretValue],
        EnvInputs = new EnvInputs
        {
            Node = Model.Simulation.Scenario.DefaultNode,
            Secrets = ValueMap.Of(("db-credentials", ValueMap.Of(("password", TutorialSecretValue)))),
        },
    }, profile);

    private static GoldenCase EnvDownward(SeedInputs seed, Profile profile) => Build(new Spec(
        "05-env-downward-api", "Pods > Environment Variables > From the Downward API (Field Refs)", "177-211",
        seed.Fragment("manifests/05-env-downward-api.yaml", ManifestFragment.Container, "web-app"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/05-env-downward-api.yaml",
        Completed = "container fragment placed in pod web-app (namespace default) as container web, image nginx:1.25",
        Shows = new GoldenMapBuilder().AddList("exec env | grep POD_", ["POD_NAME=web-app", "POD_NAMESPACE=default", "POD_IP=10.1.0.15"]).Build(),
        Notes =
        [
            "resourceFieldRef limits.cpu with no limit set gives the node's allocatable cpu, rounded up to whole cores with the default divisor (DOWNWARD-007/008, spec/env.md).",
            "POD_IP is the cluster's pod IP; the model's first pod gets 10.244.0.10.",
        ],
        EnvInputs = new EnvInputs { Node = Model.Simulation.Scenario.DefaultNode },
    }, profile);

    private static GoldenCase InitContainers(SeedInputs seed, Profile profile) => Build(new Spec(
        "06-init-containers-web-with-init", "Pods > Multi-Container Patterns > Init Containers", "231-297",
        seed.Pod("manifests/06-init-containers-web-with-init.yaml"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/06-init-containers-web-with-init.yaml",
        Shows = new GoldenMapBuilder()
            .AddList("get", ["web-with-init   0/1     Init:0/2   0          5s", "web-with-init   0/1     Init:1/2   0          8s", "web-with-init   1/1     Running    0          15s"])
            .Add("statuses", "Init:0/2 → Init:1/2 → Running")
            .Build(),
        Notes =
        [
            "Between the last init container finishing and the app starting, STATUS is PodInitializing (PRINT-009, spec/printer.md); the tutorial skips that line.",
            "A failing init container shows Init:Error / Init:CrashLoopBackOff, never Init:1/2 (PRINT-005/006).",
        ],
    }, profile);

    private static GoldenCase Sidecar(SeedInputs seed, Profile profile) => Build(new Spec(
        "07-sidecar-web-with-logging", "Pods > Multi-Container Patterns > Sidecar Containers", "311-359",
        seed.Pod("manifests/07-sidecar-web-with-logging.yaml"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/07-sidecar-web-with-logging.yaml",
        Shows = Map(("pattern", "Sidecar containers run alongside the main container for the entire life of the Pod.")),
        Notes = ["Here the sidecar is a second regular container; native sidecars are init containers with restartPolicy: Always, started before and stopped after the main containers (PHASE-006, spec/phase.md)."],
    }, profile);

    private static GoldenCase Ambassador(SeedInputs seed, Profile profile) => Build(new Spec(
        "08-ambassador-app-with-ambassador", "Pods > Multi-Container Patterns > Ambassador Pattern", "368-390",
        seed.Pod("manifests/08-ambassador-app-with-ambassador.yaml"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/08-ambassador-app-with-ambassador.yaml",
        Shows = Map(("pattern", "The main container talks to localhost, and the ambassador handles connection pooling, routing, or protocol translation.")),
        EnvInputs = new EnvInputs { Node = Model.Simulation.Scenario.DefaultNode },
    }, profile);

    private static GoldenCase ResourcesHowTheyWork(SeedInputs seed, Profile profile) => Build(new Spec(
        "09-resources-how-they-work", "Pods > Resource Requests and Limits > How They Work; CPU and Memory Units", "419-453",
        seed.Fragment("manifests/09-resources-how-they-work.yaml", ManifestFragment.Container, "resources-demo"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/09-resources-how-they-work.yaml",
        Completed = "container fragment placed in pod resources-demo as container web, image nginx:1.25",
        Shows = new GoldenMapBuilder()
            .AddList("cpu", ["\"1\" = 1 full CPU core", "\"500m\" = 0.5 cores", "\"100m\" = 0.1 cores", "\"0.1\" = same as 100m"])
            .AddList("memory", ["\"128Mi\" = 128 * 1024 * 1024", "\"1Gi\" = 1024 * 1024 * 1024", "\"256M\" = 256 * 1000 * 1000"])
            .Build(),
        Views = (_, v) => v.AddList("quantities", new[] { "1", "500m", "100m", "0.1", "128Mi", "1Gi", "256M", "128M" }.Select(q =>
        {
            var o = ModelAdapter.ObserveQuantity(q);
            return q + ": milliValue=" + o.MilliValue.ToString(System.Globalization.CultureInfo.InvariantCulture) + " value=" + o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " canonical=" + o.Canonical;
        })),
    }, profile);

    private static GoldenCase ResourceDemoOom(SeedInputs seed, Profile profile) => Build(new Spec(
        "10-resources-resource-demo-oom", "Pods > Resource Requests and Limits > What Happens When Limits Are Exceeded; QoS > Check a Pod's QoS class; Debugging > OOMKilled", "455-519, 580-587, 813-818",
        seed.Pod("manifests/10-resources-resource-demo.yaml"), seed.Scenario("resource-demo-oom.yaml"))
    {
        Manifest = "seed/manifests/10-resources-resource-demo.yaml",
        Shows = new GoldenMapBuilder()
            .Add("memoryLimitExceeded", "Container allocates 600Mi, limit is 512Mi. Result: OOMKilled. The kubelet restarts the container (based on restartPolicy). Status shows: OOMKilled")
            .Add("{.status.containerStatuses[0].lastState}", "{\"terminated\":{\"exitCode\":137,\"reason\":\"OOMKilled\",...}}")
            .Add("{.status.containerStatuses[0].lastState.terminated.reason}", "OOMKilled")
            .Add("{.status.qosClass}", "Burstable")
            .AddList("QoS Class", ["QoS Class: Burstable"])
            .Build(),
        Greps = [("QoS Class", "QoS Class", 0)],
        Notes =
        [
            "describe | grep \"QoS Class\": kubectl pads the cell to the column it shares with the volume lines above it; the tutorial collapses that padding (DESC-002, DESC-040, spec/describe.md).",
            "Only a container-level memory limit OOM-kills that container; the kernel reclaims page cache first (LIMIT-003, spec/limits.md).",
            "containerStatuses are sorted by container name, so [0] is app here.",
        ],
        Views = (sim, v) => v.Add("jsonpath", JsonPaths(sim, "resource-demo",
            "{.status.qosClass}",
            "{.status.containerStatuses[0].name}",
            "{.status.containerStatuses[0].lastState.terminated.reason}",
            "{.status.containerStatuses[0].lastState.terminated.exitCode}")),
    }, profile);

    private static GoldenCase QosSnippet(SeedInputs seed, Profile profile, string name, string qos) => Build(new Spec(
        name, "Pods > Quality of Service (QoS) Classes > The Three Classes; Eviction Priority", "525-591",
        seed.Fragment("manifests/" + name + ".yaml", ManifestFragment.PodSpec, "qos-" + qos.ToLowerInvariant()), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/" + name + ".yaml",
        Completed = "PodSpec fragment placed in pod qos-" + qos.ToLowerInvariant() + "; image nginx:1.25 where the snippet has none",
        Shows = new GoldenMapBuilder()
            .Add("qosClass", qos)
            .Add("evictionPriority", "1. BestEffort (evicted first) 2. Burstable 3. Guaranteed (evicted last)")
            .Build(),
        Notes =
        [
            "Eviction has no QoS step: pods exceeding their requests go first, then lower priority, then larger overage; a Guaranteed pod is only safe because it rarely exceeds its request (EVICT-001, spec/eviction.md; TutorialCounterexampleTests).",
            "QoS looks at cpu and memory only, init containers included, and defaulting copies limits into missing requests (QOS-003/005, DEF-001, spec/qos.md).",
            "Guaranteed containers get oom_score_adj -997, not -1000 (spec/oom.md).",
        ],
    }, profile);

    private static GoldenCase Fullstack(SeedInputs seed, Profile profile) => Build(new Spec(
        "14-hands-on-fullstack-pod", "Pods > Hands-On Exercise: Multi-Container Pod, Steps 1-4", "854-971",
        seed.Pod("manifests/14-hands-on-fullstack-pod.yaml"), seed.Scenario("web-app-running.yaml"))
    {
        Manifest = "seed/manifests/14-hands-on-fullstack-pod.yaml",
        Shows = new GoldenMapBuilder()
            .AddList("watch", ["NAME            READY   STATUS     RESTARTS   AGE", "fullstack-pod   0/2     Init:0/1   0          2s", "fullstack-pod   0/2     PodInitializing   0   4s", "fullstack-pod   2/2     Running    0          6s"])
            .AddList("QoS Class", ["QoS Class: Burstable"])
            .Build(),
        Greps = [("QoS Class", "QoS Class", 0)],
        Notes = ["describe | grep \"QoS Class\": kubectl pads the cell to the column it shares with the volume lines above it; the tutorial collapses that padding (DESC-002, spec/describe.md).", "With -w kubectl remembers the first flush's column widths, so the real PodInitializing line is padded differently (PRINT-019, spec/printer.md); the model's watch also starts with the Pending row."],
    }, profile);

    private static GoldenCase FullstackBroken(SeedInputs seed, Profile profile) => Build(new Spec(
        "14-hands-on-fullstack-pod-broken", "Pods > Hands-On Exercise: Multi-Container Pod, Step 5", "973-997",
        seed.Pod("derived/fullstack-pod-broken.yaml"), seed.Scenario("fullstack-pod-broken.yaml"))
    {
        Manifest = "seed/derived/fullstack-pod-broken.yaml",
        Shows = new GoldenMapBuilder()
            .AddList("get", ["NAME            READY   STATUS                  RESTARTS   AGE", "fullstack-pod   0/2     Init:ImagePullBackOff   0          30s"])
            .AddList("describeEvents", ["Type     Reason     Age   From               Message", "Normal   Scheduled  35s   default-scheduler  Successfully assigned ...", "Warning  Failed     33s   kubelet            Failed to pull image \"busybox:nonexistent\""])
            .AddList("describe | grep -A 4 \"Events\"", ["Events:", "  Type     Reason     Age   From               Message", "  ----     ------     ----  ----               -------", "  Normal   Scheduled  35s   default-scheduler  Successfully assigned ...", "  Warning  Failed     33s   kubelet            Failed to pull image \"busybox:nonexistent\""])
            .Build(),
        Greps = [("describe | grep -A 4 \"Events\"", "Events", 4)],
        Notes =
        [
            "The real messages are longer: Scheduled names default/fullstack-pod and the node, Failed carries the runtime's error, and kubectl 1.35+ prefixes the container's field path (EVENT-024, spec/events.md).",
            "STATUS alternates between Init:ErrImagePull and Init:ImagePullBackOff as pulls are retried with back-off (spec/backoff.md).",
            "describe | grep -A 4 \"Events\": the header lines match up to kubectl's padding (its Age column is as wide as \"18s (x2 over 29s)\"); the rows differ: repeats are folded (EVENT-020) and sorted by last occurrence (EVENT-023), so Pulling comes before Failed (DESC-050, spec/describe.md).",
        ],
    }, profile);

    private static GoldenCase StuckPod(SeedInputs seed, Profile profile) => Build(new Spec(
        "debugging-pending-stuck-pod", "Pods > Debugging Pods > Common Failure Patterns > Pending", "803-811",
        seed.Pod("derived/stuck-pod.yaml"), seed.Scenario("stuck-pod-three-nodes.yaml"))
    {
        Manifest = "seed/derived/stuck-pod.yaml",
        Shows = new GoldenMapBuilder()
            .AddList("describeEvents", ["Warning  FailedScheduling  default-scheduler", "  0/3 nodes are available: 1 Insufficient cpu, 2 Insufficient memory"])
            .Build(),
        Greps = [(null, "Events", 5)],
        Notes = ["The real message ends with a period and, in the event, is followed by the preemption part (SCHED-008, spec/scheduling.md)."],
    }, profile);
}
