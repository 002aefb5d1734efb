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

        // The tolerations added are shared objects (records are immutable), appended with one copy of the list.
        var tolerations = pod.Spec.Tolerations;
        int count = tolerations.Count;
        var added = new Toleration[count + (notReady ? 0 : 1) + (unreachable ? 0 : 1)];
        tolerations.AsImmutableArray().CopyTo(added);
        if (!notReady)
        {
            Log(log, NotReadyKey, count);
            added[count++] = NotReadyToleration;
        }

        if (!unreachable)
        {
            Log(log, UnreachableKey, count);
            added[count] = UnreachableToleration;
        }

        // The array is not shared: wrapped without a copy.
        return new PluginOutcome(pod with { Spec = pod.Spec with { Tolerations = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(added) } });
    }

    private static readonly Toleration NotReadyToleration = Default(NotReadyKey);
    private static readonly Toleration UnreachableToleration = Default(UnreachableKey);

    private static Toleration Default(string key) => new() { Key = key, Operator = "Exists", Effect = "NoExecute", TolerationSeconds = DefaultSeconds };

    private static void Log(StepLog log, string key, int index)
    {
        if (log.On)
        {
            log.Add(AdmissionRules.DefaultTolerationSeconds, "spec.tolerations[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
                "{key: " + key + ", operator: Exists, effect: NoExecute, tolerationSeconds: 300}");
        }
    }
}
