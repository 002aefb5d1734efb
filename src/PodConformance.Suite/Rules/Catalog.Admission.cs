using FsCheck;
using FsCheck.Fluent;
using PodConformance.Generators;
using PodConformance.Model.Admission;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Qos;
using PodConformance.Model.Validation;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    private static IEnumerable<ConformanceProperty> Admission()
    {
        yield return new ConformanceProperty
        {
            Id = "P-ADM-VALIDATION",
            Title = "A created Pod is accepted, or rejected with Kubernetes' field errors in Kubernetes' order where that order is deterministic",
            Covers =
            [
                .. RuleIds.Of(typeof(ValidationRules)), AdmissionRules.RuntimeClassOverhead,
                AdmissionRules.RuntimeClassNotFound, AdmissionRules.RuntimeClassSetOverhead, AdmissionRules.RuntimeClassNodeSelector,
                AdmissionRules.PriorityClassNotFound, AdmissionRules.PriorityValueMismatch, AdmissionRules.PreemptionPolicy,
                AdmissionRules.ServiceAccountLookup, AdmissionRules.ServiceAccountMountableSecrets,
                AdmissionRules.DropFileKeyRef,
            ],
            Spec = "spec/validation.md",
            Source = "pkg/apis/core/validation/validation.go (ValidatePodCreate)",
            Needs = Capability.Admission,
            // About 100 mutations share three fifths of the cases, drawn at random: twenty-five times the count gives each about fifteen, so
            // a one-mutation rule falls below the floor (5) by chance about once in a thousand (at nine each, every change of the list pushed one or two under).
            // The fifth of RuntimeClass cases (session 12) came with the weight raised from 20, so the other groups keep their counts;
            // the sixth of PriorityClass cases (session 14: ADM-042…044 refusals, and pods the Priority plugin accepts) likewise from 25,
            // the seventh of ServiceAccount cases (session 15: ADM-031/036 refusals, and pods the ServiceAccount plugin accepts) from 30 to 35,
            // which kept the counts but redrew the stream, leaving VAL-203 at 3 cases (9 before): raised to 40 (6 there; each case index
            // draws from its own seed, so the ServiceAccount generator's later tuning did not move the other cases).
            Weight = 40,
            Cases = profile => Gen.Frequency(
                (1, ValidAdmissionPods(profile).Select(p => (ConformanceCase)new PodCase(p))),
                // A mutation whose drop breaks the pod (ADM-091) carries the gate it turns off (InvalidPodCase.Gates).
                (3, PodGen.Invalid(profile).Select(c => (ConformanceCase)new PodCase(c.Pod) { Gates = c.Gates })),
                (1, RuntimeClassCases.Any.Select(RuntimeClassCase)),
                (1, PriorityClassCases.Any.Select(PriorityClassCase)),
                (1, ServiceAccountCases.Any.Select(ServiceAccountCase))),
            Variants = profile =>
            [
                .. PodMutations.All.Where(m => m.AppliesTo(profile)).Select(m => new CaseVariant(m.Name,
                    PodGen.Valid.SelectMany(p => m.ApplyIn(p, profile)).Select(p => (ConformanceCase)new PodCase(p) { Gates = m.GatesIn(profile) }))),
                .. RuntimeClassCases.Invalid.Select(v => new CaseVariant(v.Name, v.Gen.Select(RuntimeClassCase))),
                .. PriorityClassCases.Invalid.Select(v => new CaseVariant(v.Name, v.Gen.Select(PriorityClassCase))),
                .. ServiceAccountCases.Invalid.Select(v => new CaseVariant(v.Name, v.Gen.Select(ServiceAccountCase))),
            ],
            Shrink = ShrinkPod,
            Compare = (_, e, a) => AdmissionErrors.Compare(e.Admission, a.Admission),
            View = o => AdmissionErrors.View(o.Admission),
        };

        yield return new ConformanceProperty
        {
            Id = "P-ADM-DEFAULTS",
            Title = "An accepted Pod is stored with exactly the defaulted fields Kubernetes sets",
            Covers =
            [
                .. RuleIds.Of(typeof(DefaultingRules)), "QTY-037",
                AdmissionRules.Pipeline, AdmissionRules.GeneratedNames, AdmissionRules.DefaultPlugins, AdmissionRules.ServiceAccountDefaultName,
                AdmissionRules.ServiceAccountAutomount, AdmissionRules.ServiceAccountTokenVolume, AdmissionRules.ServiceAccountPullSecrets, AdmissionRules.PriorityDefault,
                AdmissionRules.PriorityClassResolution, AdmissionRules.PreemptionPolicy, AdmissionRules.DefaultTolerationSeconds, AdmissionRules.Generation,
                AdmissionRules.RuntimeClassSetOverhead, AdmissionRules.RuntimeClassNodeSelector, AdmissionRules.RuntimeClassTolerations,
                .. ClaimedDrops,
            ],
            Spec = "spec/defaulting.md",
            Source = "pkg/apis/core/v1/defaults.go",
            Needs = Capability.Admission,
            // Pod-level resources and all-BestEffort pods are a minority of cases: twice the count, then (session 12) half as many
            // again with one case in six a pod that names a given RuntimeClass (its overhead, node selector and tolerations are
            // stored): the rest then get a quarter more than before, since a redrawn stream left DEF-002 under the floor at 2/3. Session 14:
            // one case in seven a pod the Priority plugin accepts with the case's PriorityClasses (ADM-040's global default written,
            // ADM-041's class resolved, ADM-044's policy set), the weight raised from 3 so the rest keep at least their count (4 * 5/7 > 3 * 5/6).
            // Session 15: one case in eight a pod the ServiceAccount plugin accepts with the case's accounts (ADM-032's automount from
            // the pod or the account, ADM-034's pull secrets copied or kept), the weight raised from 4 (5 * 5/8 > 4 * 5/7).
            Weight = 5,
            Cases = profile =>
            {
                // GatedDropGen (session 13): about one pod in four also sets gated fields (two from session 14: one chosen by field, one by
                // rule) whose gate is registered but off, which the create strategy drops (DEF-201, DEF-300, DEF-409, ADM-081/087/088/092/094/096); where the run's gate is on but unlocked the
                // case turns it off itself (its Gates), and only the model and process adapters perform it.
                var drops = GatedDropGen.Sometimes(profile);
                var cases = Gen.Frequency(
                    // FileKeyRefGen: where EnvFiles is on, some pods read an env file, whose optional defaults to false (DEF-020).
                    (5, ValidAdmissionPods(profile).SelectMany(p => FileKeyRefGen.Sometimes(p, profile)).SelectMany(drops)
                        .Select(c => (ConformanceCase)new PodCase(c.Pod) { Gates = c.Gates })),
                    (1, RuntimeClassCases.Valid.Select(RuntimeClassCase)),
                    (1, PriorityClassCases.Valid.Select(PriorityClassCase)),
                    (1, ServiceAccountCases.Valid.Select(ServiceAccountCase)));

                // AlphaDefaultGen (session 16): where the release has an alpha gate with a default of its own off (H2CContainerProbe
                // at 1.37: DEF-021; InPlacePodVerticalScaling at 1.28-1.32: DEF-026), AlphaDefaultPercent of the cases turn it on as
                // their own gate (only the model and process adapters perform them); elsewhere the cases are drawn as before, draw for draw.
                return AlphaDefaultGen.For(profile).Count == 0
                    ? cases
                    : Gen.Frequency(
                        (100 - AlphaDefaultPercent, cases),
                        (AlphaDefaultPercent, AlphaDefaultGen.Case(profile, ValidAdmissionPods).Select(c => (ConformanceCase)new PodCase(c.Pod) { Gates = c.Gates })));
            },
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(DefaultsView),
            View = DefaultsView,
        };

        yield return new ConformanceProperty
        {
            Id = "P-QOS-CLASS",
            Title = "An accepted Pod gets the status.qosClass Kubernetes computes at create",
            Covers = RuleIds.Of(typeof(QosRules), QosRules.StatusWins),
            Spec = "spec/qos.md",
            Source = "pkg/apis/core/helper/qos/qos.go (ComputePodQOS)",
            Needs = Capability.Qos,
            Weight = 2, // pod-level resources and all-BestEffort pods are a minority of cases: twice the count
            Cases = profile => PodGen.Valid.SelectMany(p => PodExtras.Enrich(p, profile)).Select(p => (ConformanceCase)new PodCase(p)),
            Shrink = ShrinkPod,
            Compare = Verdicts.ByView(QosView),
            View = QosView,
        };
    }

    /// <summary>
    /// The share (percent) of P-ADM-DEFAULTS' cases that turn on an alpha gate with a default of its own (<see cref="AlphaDefaultGen"/>):
    /// enough for the default run's 300 cases to reach DEF-021 at the coverage floor, few enough that a real target, which answers
    /// such a case "not performed", still checks nearly every case.
    /// </summary>
    internal const int AlphaDefaultPercent = 3;

    /// <summary>
    /// The pods P-ADM-VALIDATION's valid share and P-ADM-DEFAULTS draw: the whole API of the release, enriched
    /// (<see cref="PodExtras"/>). Each is admitted under <paramref name="profile"/> (<c>ValidCasesAdmittedTests</c> holds it at
    /// every release): a pod refused here would compare only "rejected" in P-ADM-DEFAULTS, so its defaults would go unchecked.
    /// </summary>
    internal static Gen<Model.Api.Pod> ValidAdmissionPods(Model.Profiles.Profile profile) => PodGen.ValidWholeApiFor(profile).SelectMany(p => PodExtras.Enrich(p, profile));

    private static IEnumerable<ConformanceCase> ShrinkPod(ConformanceCase c) =>
        c is PodCase p
            ? PodShrinker.ShrinkKeeping(p.Pod, _ => true).Select(pod => (ConformanceCase)(p with { Pod = pod, Objects = null }))
                .Concat(RuntimeClassShrinker.Shrink(p.RuntimeClasses).Select(classes => (ConformanceCase)(p with { RuntimeClasses = classes, Objects = null })))
                .Concat(PriorityClassShrinker.Shrink(p.PriorityClasses).Select(classes => (ConformanceCase)(p with { PriorityClasses = classes, Objects = null })))
                .Concat(ServiceAccountShrinker.Shrink(p.ServiceAccounts).Select(accounts => (ConformanceCase)(p with { ServiceAccounts = accounts, Objects = null })))
            : [];

    /// <summary>A pod with its cluster's RuntimeClasses (ADM-014…018): only the model adapter receives them.</summary>
    private static ConformanceCase RuntimeClassCase(Generators.RuntimeClassCase c) => new PodCase(c.Pod) { RuntimeClasses = c.Classes };

    /// <summary>A pod with its cluster's own PriorityClasses (ADM-040…044; none: an ordinary case any adapter can run).</summary>
    private static ConformanceCase PriorityClassCase(Generators.PriorityClassCase c) => new PodCase(c.Pod) { PriorityClasses = c.Classes };

    /// <summary>A pod with the ServiceAccounts of its namespace (ADM-030…036; none: an ordinary case any adapter can run).</summary>
    private static ConformanceCase ServiceAccountCase(Generators.ServiceAccountCase c) => new PodCase(c.Pod) { ServiceAccounts = c.Accounts };

    private static IReadOnlyList<string> DefaultsView(Observation o)
    {
        if (o.Admission is not { } a)
        {
            return ["<no admission observation>"];
        }

        if (!a.Accepted)
        {
            return ["rejected"];
        }

        var lines = new List<string> { "accepted" };
        foreach (var (path, value) in a.Defaults)
        {
            lines.Add(RandomSuffixes(path) + " = " + RandomSuffixes(value));
        }

        return lines;
    }

    /// <summary>
    /// The ServiceAccount plugin names its token volume <c>kube-api-access-</c> plus five random characters (ADM-003): a
    /// real API server's and the model's names differ by design, so the view compares them without the suffix.
    /// </summary>
    internal static string RandomSuffixes(string text)
    {
        const string prefix = Model.Admission.Plugins.ServiceAccountNames.TokenVolumePrefix;
        int at = text.IndexOf(prefix, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var sb = new System.Text.StringBuilder(text.Length);
        int from = 0;
        while (at >= 0)
        {
            int end = at + prefix.Length + Model.Admission.GeneratedNames.SuffixLength;
            bool random = end <= text.Length;
            for (int i = at + prefix.Length; random && i < end; i++)
            {
                random = Model.Admission.GeneratedNames.Alphabet.Contains(text[i], StringComparison.Ordinal);
            }

            if (!random)
            {
                sb.Append(text, from, at + prefix.Length - from);
                from = at + prefix.Length;
            }
            else
            {
                sb.Append(text, from, at - from).Append(prefix).Append("<random>");
                from = end;
            }

            at = text.IndexOf(prefix, from, StringComparison.Ordinal);
        }

        return sb.Append(text, from, text.Length - from).ToString();
    }

    private static IReadOnlyList<string> QosView(Observation o) => o.Admission switch
    {
        null => ["<no admission observation>"],
        { Accepted: false } => ["rejected"],
        { } a => ["qosClass: " + a.QosClass],
    };

    /// <summary>
    /// The container-field and pod-level drops (dropDisabledFields, ADM-08x/09x) whose GatedDropGen cases reach the floor in
    /// the default run (1.37's defaults, default budget): every drop records its rule (DisabledFields, session 13). Until
    /// session 14 only ADM-096 (two fields) reached the floor, the others sharing one drop per case among twelve; since a
    /// case with drops carries a second one chosen by rule, pod-level resources (ADM-081), restart rules (ADM-088) and
    /// stopSignal (ADM-094) do too. A property, not a field: <see cref="All"/>, in another part of this class, may be built
    /// before this part's fields are set.
    /// </summary>
    private static IReadOnlyList<string> ClaimedDrops =>
        [AdmissionRules.DropPodLevelResources, AdmissionRules.DropContainerRestartPolicy, AdmissionRules.DropStopSignal, AdmissionRules.DropNewFields137];

    /// <summary>
    /// The admission rules no property claims (ADM-…, spec/admission.md): cases carry no LimitRanges or ResourceQuotas and no
    /// mirror annotation; the drops the default run does not reach.
    /// </summary>
    private static string? AdmissionExemption(string id)
    {
        if (!id.StartsWith("ADM-", StringComparison.Ordinal))
        {
            return null;
        }

        return id switch
        {
            AdmissionRules.RuntimeClassOverhead => null, // P-ADM-VALIDATION: OverheadMutations' overhead without a runtimeClassName
            AdmissionRules.DropFileKeyRef => null, // P-ADM-VALIDATION: FileKeyRefMutations' fileKeyRef with EnvFiles off, refused after the drop (session 14)
            AdmissionRules.RequestNamespace => "cases carry their namespace and a dry-run create is sent to it, so the request's default namespace never applies; Cli.Tests check it",
            AdmissionRules.StatusOnCreate or AdmissionRules.SchedulingGatedCondition =>
                "status is not part of the defaults view (P-QOS-CLASS observes status.qosClass); Model.Tests/Admission check it",
            AdmissionRules.NameWarning => "create warnings are not part of the admission observation shape; Model.Tests/Admission check it",
            AdmissionRules.ValidationOptions or AdmissionRules.MissingObjects or AdmissionRules.CheckedFields =>
                "podconf's own reporting (options listed, assumptions and unchecked fields named); Model.Tests/Admission and Cli.Tests check it",
            _ when ClaimedDrops.Contains(id, StringComparer.Ordinal) => null,
            _ when string.CompareOrdinal(id, AdmissionRules.DropDisabledFields) >= 0 =>
                "P-ADM-DEFAULTS' GatedDropGen cases set these fields with their gate off and each drop records its rule (session 13), but "
                + "resizePolicy (ADM-087: InPlacePodVerticalScaling is GA and locked from 1.35) and lifecycle sleep (ADM-092: the gate is gone at 1.37) drop only under older releases, "
                + "not in the default run (1.37); GatedDropGenTests count each drop per release. "
                + "ADM-080 is the step itself; Model.Tests/Admission check every drop",
            "ADM-019" => "decoding the --objects manifests happens before any adapter sees a Pod (cases carry model objects, not manifests); Manifests.Tests/Objects and Cli.Tests check it",
            // ServiceAccount (session 15): the plugin records these, reached by the ServiceAccount cases (ADM-031/036 in P-ADM-VALIDATION,
            // ADM-032/034 in P-ADM-DEFAULTS, each rule's branches both outcomes) and, for ADM-030/033, by every pod that names no account.
            AdmissionRules.ServiceAccountDefaultName or AdmissionRules.ServiceAccountLookup or AdmissionRules.ServiceAccountAutomount
                or AdmissionRules.ServiceAccountTokenVolume or AdmissionRules.ServiceAccountPullSecrets or AdmissionRules.ServiceAccountMountableSecrets => null,
            // Priority (session 15): the plugin records these, reached by the PriorityClass cases (session 14: ADM-042…044 in
            // P-ADM-VALIDATION, ADM-040/041/044 in P-ADM-DEFAULTS) and, for ADM-040/044, by every pod that names no class.
            AdmissionRules.PriorityDefault or AdmissionRules.PriorityClassResolution or AdmissionRules.PriorityClassNotFound or AdmissionRules.PriorityValueMismatch
                or AdmissionRules.PreemptionPolicy => null,
            AdmissionRules.RuntimeClassValidateOverhead =>
                "after RuntimeClass's Admit the overhead always equals the class's, so a create never meets this refusal (ADM-015 refuses first); Model.Tests/Admission check it",
            _ => "needs cluster objects (LimitRanges, ResourceQuotas) or fields (the mirror-pod annotation) that generated cases do not carry; Model.Tests/Admission check it",
        };
    }
}
