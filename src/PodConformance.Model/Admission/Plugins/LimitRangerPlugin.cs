using System.Globalization;
using System.Text;
using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Quantities;
using PodConformance.Model.Resources;

namespace PodConformance.Model.Admission.Plugins;

/// <summary>
/// LimitRanger (kubernetes plugin/pkg/admission/limitranger, ADM-020…026) for the LimitRanges of the pod's namespace,
/// each stored as SetDefaults_LimitRangeItem leaves it (ADM-025). Admit fills container defaults; Validate checks
/// min, max and limit/request ratio per container and per pod, and refuses at the first LimitRange that fails, with
/// all of that LimitRange's failures.
/// </summary>
/// <remarks>
/// Upstream iterates Go maps (each item's Min, Max, ratio, and the resource lists), so the order of several failures
/// is random there; the model takes resource names in ordinal order. The order of LimitRanges is the informer's, which
/// the model takes as the order they were given.
/// </remarks>
internal sealed class LimitRangerPlugin : IMutatingPlugin, IValidatingPlugin
{
    public const string Annotation = "kubernetes.io/limit-ranger";

    public static LimitRangerPlugin Instance { get; } = new();

    public string Name => "LimitRanger";

    public PluginOutcome Admit(Pod pod, CreateRun run, StepLog log)
    {
        bool any = false;
        string ns = pod.Metadata.Namespace;
        foreach (var lr in run.Objects.LimitRanges)
        {
            if (lr.Namespace == ns)
            {
                any = true;
                pod = MergeDefaults(pod, lr, log);
            }
        }

        // The note is a step's; a create that keeps no steps does not build it.
        return new PluginOutcome(pod, Note: any || !run.KeepsSteps ? "" : "no LimitRange in namespace " + ns);
    }

    public PluginOutcome Validate(Pod pod, CreateRun run)
    {
        string ns = pod.Metadata.Namespace;
        foreach (var lr in run.Objects.LimitRanges)
        {
            if (lr.Namespace != ns)
            {
                continue;
            }

            var errors = Check(pod, lr, run.Profile);
            if (errors.Count > 0)
            {
                return new PluginOutcome(pod, AdmissionRejection.Forbidden(pod, errors[0].Rule, Aggregate(errors)));
            }
        }

        return new PluginOutcome(pod);
    }

    /// <summary>ADM-020: defaultContainerResourceRequirements then mergePodResourceRequirements (containers, then init containers).</summary>
    private static Pod MergeDefaults(Pod pod, LimitRange lr, StepLog log)
    {
        var defaultLimits = ValueMap<Quantity>.Empty;
        var defaultRequests = ValueMap<Quantity>.Empty;
        foreach (var raw in lr.Limits)
        {
            var item = Stored(raw);
            if (item.Type == "Container")
            {
                foreach (var (k, v) in item.DefaultRequest)
                {
                    defaultRequests = defaultRequests.SetItem(k, v);
                }

                foreach (var (k, v) in item.Default)
                {
                    defaultLimits = defaultLimits.SetItem(k, v);
                }
            }
        }

        if (defaultLimits.IsEmpty && defaultRequests.IsEmpty)
        {
            return pod;
        }

        var notes = new List<string>();
        var containers = Merge(pod.Spec.Containers, "spec.containers", "container", defaultLimits, defaultRequests, notes, log);
        var init = Merge(pod.Spec.InitContainers, "spec.initContainers", "init container", defaultLimits, defaultRequests, notes, log);
        pod = pod with { Spec = pod.Spec with { Containers = containers, InitContainers = init } };
        if (notes.Count > 0)
        {
            string value = "LimitRanger plugin set: " + string.Join("; ", notes);
            log.Add(AdmissionRules.LimitRangerDefaults, "metadata.annotations[" + Annotation + "]", value);
            pod = pod with { Metadata = pod.Metadata with { Annotations = pod.Metadata.Annotations.SetItem(Annotation, value) } };
        }

        return pod;
    }

    private static ValueList<Container> Merge(ValueList<Container> list, string listPath, string what, ValueMap<Quantity> limits, ValueMap<Quantity> requests, List<string> notes, StepLog log)
    {
        if (list.IsEmpty)
        {
            return list;
        }

        var result = new Container[list.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var c = list[i];
            var setLimits = new List<string>();
            var setRequests = new List<string>();
            var l = c.Resources.Limits;
            foreach (var (k, v) in limits)
            {
                if (!l.ContainsKey(k))
                {
                    l = l.SetItem(k, v);
                    setLimits.Add(k);
                    log.Add(AdmissionRules.LimitRangerDefaults, string.Create(CultureInfo.InvariantCulture, $"{listPath}[{i}].resources.limits.{k}"), v.ToString());
                }
            }

            var r = c.Resources.Requests;
            foreach (var (k, v) in requests)
            {
                if (!r.ContainsKey(k))
                {
                    r = r.SetItem(k, v);
                    setRequests.Add(k);
                    log.Add(AdmissionRules.LimitRangerDefaults, string.Create(CultureInfo.InvariantCulture, $"{listPath}[{i}].resources.requests.{k}"), v.ToString());
                }
            }

            // sort.Strings: byte order.
            if (setRequests.Count > 0)
            {
                setRequests.Sort(StringComparer.Ordinal);
                notes.Add(string.Join(", ", setRequests) + " request for " + what + " " + c.Name);
            }

            if (setLimits.Count > 0)
            {
                setLimits.Sort(StringComparer.Ordinal);
                notes.Add(string.Join(", ", setLimits) + " limit for " + what + " " + c.Name);
            }

            result[i] = c with { Resources = c.Resources with { Limits = l, Requests = r } };
        }

        return result;
    }

    /// <summary>
    /// A LimitRange item as the plugin sees it: SetDefaults_LimitRangeItem, every list rounded up to milli units (the
    /// stored object), then each quantity read back from its <c>String()</c> text, as the plugin's informer decodes the
    /// object it lists (protobuf or JSON: both carry the text and call ParseQuantity).
    /// </summary>
    /// <remarks>
    /// The read-back changes no value and no printed text, only Go's internal form: a default written <c>0.5</c> is held
    /// as <c>int64Amount{5, -1}</c> without cached text in the stored object but as <c>{500, -3}</c> with cached
    /// <c>"500m"</c> in the informer's copy, and a decimal-form value (<c>0.001Ki</c>) comes back in the int64 form.
    /// LimitRanger copies these (DeepCopy) into the pod, where VAL-031's <c>must be an integer</c> prints them with
    /// <c>%#v</c> up to 1.33 (checked by running apimachinery v0.28.0 and v0.30.0 <c>pkg/api/resource</c>).
    /// </remarks>
    internal static LimitRangeItem Stored(LimitRangeItem item)
    {
        var d = item.Defaulted();
        return d with
        {
            Max = StoredAndListed(d.Max),
            Min = StoredAndListed(d.Min),
            Default = StoredAndListed(d.Default),
            DefaultRequest = StoredAndListed(d.DefaultRequest),
            MaxLimitRequestRatio = StoredAndListed(d.MaxLimitRequestRatio),
        };
    }

    /// <summary>
    /// A resource list of a stored object (LimitRange, ResourceQuota) as an admission plugin's informer lists it: rounded
    /// up to milli units by defaulting, then read back from its text (<see cref="Stored"/>).
    /// </summary>
    internal static ValueMap<Quantity> StoredAndListed(ValueMap<Quantity> list)
    {
        var result = list;
        var entries = list.Entries;
        for (int i = 0; i < entries.Length; i++)
        {
            var stored = entries[i].Value.RoundUp(-3);

            // By position: the value read back is equal, only its Go form differs (SetItem would keep the old one).
            result = result.ReplaceAt(i, Quantity.TryParse(stored.ToString(), out var read) ? read : stored);
        }

        return result;
    }

    private readonly record struct Failure(string Rule, string Message);

    /// <summary>PodValidateLimitFunc: every item, containers then init containers for Container items, the pod's aggregate for Pod items.</summary>
    private static List<Failure> Check(Pod pod, LimitRange lr, Profile profile)
    {
        var errors = new List<Failure>();
        foreach (var raw in lr.Limits)
        {
            var item = Stored(raw);
            if (item.Type == "Container")
            {
                foreach (var c in pod.Spec.Containers)
                {
                    CheckItem(item, "Container", c.Resources.Requests, c.Resources.Limits, errors);
                }

                foreach (var c in pod.Spec.InitContainers)
                {
                    CheckItem(item, "Container", c.Resources.Requests, c.Resources.Limits, errors);
                }
            }

            if (item.Type == "Pod")
            {
                bool podLevel = profile.IsEnabled(FeatureGateNames.PodLevelResources);
                var requests = PodTotal(PodResources.AggregateContainerRequests(pod.Spec), podLevel ? pod.Spec.Resources?.Requests : null);
                var limits = PodTotal(PodResources.AggregateContainerLimits(pod.Spec), podLevel ? pod.Spec.Resources?.Limits : null);
                CheckItem(item, "Pod", requests, limits, errors, AdmissionRules.LimitRangerPodItems);
            }
        }

        return errors;
    }

    /// <summary>The plugin's own podRequests/podLimits: the container aggregate, cpu and memory replaced by pod-level values when set.</summary>
    private static ValueMap<Quantity> PodTotal(ValueMap<Quantity> aggregate, ValueMap<Quantity>? podLevel)
    {
        if (podLevel is not { } values)
        {
            return aggregate;
        }

        foreach (var (k, v) in values)
        {
            if (k is "cpu" or "memory")
            {
                aggregate = aggregate.SetItem(k, v);
            }
        }

        return aggregate;
    }

    private static void CheckItem(LimitRangeItem item, string type, ValueMap<Quantity> requests, ValueMap<Quantity> limits, List<Failure> errors, string? rule = null)
    {
        foreach (var (name, enforced) in item.Min)
        {
            if (Min(type, name, enforced, requests, limits) is { } m)
            {
                errors.Add(new Failure(rule ?? AdmissionRules.LimitRangerMin, m));
            }
        }

        foreach (var (name, enforced) in item.Max)
        {
            if (Max(type, name, enforced, requests, limits) is { } m)
            {
                errors.Add(new Failure(rule ?? AdmissionRules.LimitRangerMax, m));
            }
        }

        foreach (var (name, enforced) in item.MaxLimitRequestRatio)
        {
            if (Ratio(type, name, enforced, requests, limits) is { } m)
            {
                errors.Add(new Failure(rule ?? AdmissionRules.LimitRangerRatio, m));
            }
        }
    }

    /// <summary>requestLimitEnforcedValues: milli-values when all three fit, else whole values (Value rounds up).</summary>
    private static (long Request, long Limit, long Enforced) Values(Quantity request, Quantity limit, Quantity enforced)
    {
        long r = request.Value();
        long l = limit.Value();
        long e = enforced.Value();
        if (r <= Quantity.MaxMilliValue && l <= Quantity.MaxMilliValue && e <= Quantity.MaxMilliValue)
        {
            return (request.MilliValue(), limit.MilliValue(), enforced.MilliValue());
        }

        return (r, l, e);
    }

    private static string? Min(string type, string name, Quantity enforced, ValueMap<Quantity> requests, ValueMap<Quantity> limits)
    {
        bool hasRequest = requests.TryGetValue(name, out var req);
        bool hasLimit = limits.TryGetValue(name, out var lim);
        var (r, l, e) = Values(req, lim, enforced);
        string head = "minimum " + name + " usage per " + type + " is " + enforced;
        if (!hasRequest)
        {
            return head + ".  No request is specified";
        }

        if (r < e)
        {
            return head + ", but request is " + req;
        }

        return hasLimit && l < e ? head + ", but limit is " + lim : null;
    }

    private static string? Max(string type, string name, Quantity enforced, ValueMap<Quantity> requests, ValueMap<Quantity> limits)
    {
        bool hasRequest = requests.TryGetValue(name, out var req);
        bool hasLimit = limits.TryGetValue(name, out var lim);
        var (r, l, e) = Values(req, lim, enforced);
        string head = "maximum " + name + " usage per " + type + " is " + enforced;
        if (!hasLimit)
        {
            return head + ".  No limit is specified";
        }

        if (l > e)
        {
            return head + ", but limit is " + lim;
        }

        return hasRequest && r > e ? head + ", but request is " + req : null;
    }

    private static string? Ratio(string type, string name, Quantity enforced, ValueMap<Quantity> requests, ValueMap<Quantity> limits)
    {
        bool hasRequest = requests.TryGetValue(name, out var req);
        bool hasLimit = limits.TryGetValue(name, out var lim);
        var (r, l, _) = Values(req, lim, enforced);
        string head = name + " max limit to request ratio per " + type + " is " + enforced;
        if (!hasRequest || r == 0)
        {
            return head + ", but no request is specified or request is 0";
        }

        if (!hasLimit || l == 0)
        {
            return head + ", but no limit is specified or limit is 0";
        }

        double observed = (double)l / r;
        double display = observed;
        double max = enforced.Value();
        if (enforced.Value() <= Quantity.MaxMilliValue)
        {
            observed *= 1000;
            max = enforced.MilliValue();
        }

        return observed > max ? head + ", but provided ratio is " + display.ToString("F6", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>utilerrors.NewAggregate(errs).Error(): one alone, several in brackets, repeats dropped.</summary>
    private static string Aggregate(List<Failure> errors)
    {
        if (errors.Count == 1)
        {
            return errors[0].Message;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        foreach (var e in errors)
        {
            if (seen.Add(e.Message))
            {
                if (seen.Count > 1)
                {
                    sb.Append(", ");
                }

                sb.Append(e.Message);
            }
        }

        return seen.Count == 1 ? sb.ToString() : "[" + sb + "]";
    }
}
