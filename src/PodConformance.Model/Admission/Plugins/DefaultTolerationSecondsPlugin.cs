using PodConformance.Model.Api;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// DefaultTolerationSeconds (ADM-050, kubernetes plugin/pkg/admission/defaulttolerationseconds): a pod that does not
/// tolerate <c>node.kubernetes.io/not-ready:NoExecute</c> (resp. <c>unreachable</c>) gets a toleration for it with
/// <c>tolerationSeconds: 300</c> (the flags' default). A toleration counts when its key is that taint's or empty and its
/// effect is <c>NoExecute</c> or empty; its operator and value are not looked at.
/// </summary>
internal sealed class DefaultTolerationSecondsPlugin : IMutatingPlugin
{
    public const string NotReadyKey = "node.kubernetes.io/not-ready";
    public const string UnreachableKey = "node.kubernetes.io/unreachable";
    public const long DefaultSeconds = 300;

    public static DefaultTolerationSecondsPlugin Instance { get; } = new();

    public string Name => "DefaultTolerationSeconds";

    public PluginOutcome Admit(Pod pod, CreateRun run, StepLog log)
    {
        bool notReady = false;
        bool unreachable = false;
        foreach (var t in pod.Spec.Tolerations)
        {
            bool effect = t.Effect.Length == 0 || t.Effect == "NoExecute";
            notReady |= effect && (t.Key.Length == 0 || t.Key == NotReadyKey);
            unreachable |= effect && (t.Key.Length == 0 || t.Key == UnreachableKey);
        }

        if (notReady && unreachable)
        {
            return new PluginOutcome(pod, Note: "the pod already tolerates both taints");
        }

        var tolerations = pod.Spec.Tolerations;
        if (!notReady)
        {
            tolerations = Add(tolerations, NotReadyKey, log);
        }

        if (!unreachable)
        {
            tolerations = Add(tolerations, UnreachableKey, log);
        }

        return new PluginOutcome(pod with { Spec = pod.Spec with { Tolerations = tolerations } });
    }

    private static Collections.ValueList<Toleration> Add(Collections.ValueList<Toleration> list, string key, StepLog log)
    {
        if (log.On)
        {
            log.Add(AdmissionRules.DefaultTolerationSeconds, "spec.tolerations[" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
                "{key: " + key + ", operator: Exists, effect: NoExecute, tolerationSeconds: 300}");
        }

        return list.Add(new Toleration { Key = key, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = DefaultSeconds });
    }
}
