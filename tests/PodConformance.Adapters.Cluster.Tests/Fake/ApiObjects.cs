namespace PodConformance.Adapters.Cluster.Tests.Fake;

/// <summary>
/// JSON bodies as kube-apiserver sends them. Shapes: the API reference (core/v1 Pod, Namespace, Status, Event, WatchEvent)
/// and apimachinery's <c>NewInvalid</c> (422 with one cause per field error, field and ErrorBody separately).
/// </summary>
public static class ApiObjects
{
    public const string VersionInfo = """{"major":"1","minor":"31+","gitVersion":"v1.31.4-gke.1256000","gitCommit":"abc","gitTreeState":"clean","buildDate":"2025-01-10T00:00:00Z","goVersion":"go1.22.10","compiler":"gc","platform":"linux/amd64"}""";

    public static string Namespace(string name, bool labelled, string created = "2025-01-31T10:00:00Z") =>
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\",\"creationTimestamp\":\"" + created + "\""
        + (labelled ? ",\"labels\":{\"app.kubernetes.io/managed-by\":\"podconf\",\"podconf.io/run\":\"x\"}" : ",\"labels\":{\"kubernetes.io/metadata.name\":\"" + name + "\"}")
        + "},\"spec\":{\"finalizers\":[\"kubernetes\"]},\"status\":{\"phase\":\"Active\"}}";

    public static string NamespaceList(params string[] items) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"NamespaceList\",\"metadata\":{\"resourceVersion\":\"100\"},\"items\":[" + string.Join(",", items) + "]}";

    public static string Success => """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success"}""";

    public static string Status(int code, string reason, string message) =>
        "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"" + message + "\",\"reason\":\"" + reason + "\",\"code\":" + code.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";

    /// <summary>A 422 as the API server writes it for an invalid Pod.</summary>
    public const string InvalidPod = """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Pod \"web\" is invalid: [spec.containers[0].image: Required value, spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"]","reason":"Invalid","details":{"name":"web","kind":"Pod","causes":[{"reason":"FieldValueRequired","message":"Required value","field":"spec.containers[0].image"},{"reason":"FieldValueNotSupported","message":"Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"","field":"spec.restartPolicy"}]},"code":422}""";

    /// <summary>A dry-run create's 201 body: the Pod after defaulting, with status.qosClass computed at create.</summary>
    public static string CreatedPod(string ns, string name = "web", string phase = "Pending", string statusExtra = "") =>
        "{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + ns + "\",\"uid\":\"5d0c7a8e-1111-2222-3333-444455556666\",\"resourceVersion\":\"1\",\"creationTimestamp\":\"2025-01-31T10:00:00Z\"},"
        + "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.25\",\"resources\":{\"limits\":{\"memory\":\"1536Mi\"},\"requests\":{\"cpu\":\"100m\",\"memory\":\"1536Mi\"}},"
        + "\"terminationMessagePath\":\"/dev/termination-log\",\"terminationMessagePolicy\":\"File\",\"imagePullPolicy\":\"IfNotPresent\"}],"
        + "\"restartPolicy\":\"Always\",\"terminationGracePeriodSeconds\":30,\"dnsPolicy\":\"ClusterFirst\",\"serviceAccountName\":\"default\",\"serviceAccount\":\"default\","
        + "\"securityContext\":{},\"schedulerName\":\"default-scheduler\",\"enableServiceLinks\":true,\"preemptionPolicy\":\"PreemptLowerPriority\",\"priority\":0},"
        + "\"status\":{\"phase\":\"" + phase + "\",\"qosClass\":\"Burstable\"" + statusExtra + "}}";

    public static string WatchEvent(string type, string podJson) => "{\"type\":\"" + type + "\",\"object\":" + podJson + "}";

    public static string EventList(string ns, string pod, params (string Reason, string Type, string Message, string At)[] events) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"EventList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":["
        + string.Join(",", events.Select((e, i) => "{\"metadata\":{\"name\":\"" + pod + ".e" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\",\"namespace\":\"" + ns + "\"},"
            + "\"involvedObject\":{\"kind\":\"Pod\",\"namespace\":\"" + ns + "\",\"name\":\"" + pod + "\"},\"reason\":\"" + e.Reason + "\",\"message\":\"" + e.Message + "\","
            + "\"type\":\"" + e.Type + "\",\"firstTimestamp\":\"" + e.At + "\",\"lastTimestamp\":\"" + e.At + "\",\"count\":1,\"source\":{\"component\":\"kubelet\"}}"))
        + "]}";
}
