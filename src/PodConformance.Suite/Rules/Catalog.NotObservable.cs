namespace PodConformance.Suite.Rules;

public static partial class Catalog
{
    /// <summary>
    /// Why each of these spec rules has no property. Three kinds: qualities of an implementation rather than of Pod
    /// behaviour (performance, culture), library API that no API server or kubelet exposes (Quantity arithmetic),
    /// and renderings or inputs that are podconf's own (kubectl describe layout, profile flags) or that the
    /// observation shapes do not carry (condition messages and transition times, AGE).
    /// </summary>
    private static Dictionary<string, string> BuildNotObservable()
    {
        var reasons = BuildListed();
        foreach (string id in DescribeRules)
        {
            reasons[id] = "kubectl describe is a client rendering of the pod object, not Pod behaviour; adapters report observations, not describe text (checked by the model's describe_test.go tables and the seed goldens)";
        }

        return reasons;
    }

    /// <summary>spec/describe.md: the whole `kubectl describe pod` layout (a property, not a field: Catalog's static fields
    /// initialise across partial files in no fixed order).</summary>
    private static string[] DescribeRules =>
    [
        "DESC-001", "DESC-002", "DESC-003", "DESC-004", "DESC-010", "DESC-011", "DESC-012", "DESC-013", "DESC-014", "DESC-015", "DESC-016",
        "DESC-020", "DESC-021", "DESC-022", "DESC-023", "DESC-024", "DESC-025", "DESC-026", "DESC-027",
        "DESC-030", "DESC-031", "DESC-032", "DESC-033", "DESC-034", "DESC-035", "DESC-036",
        "DESC-040", "DESC-041", "DESC-042", "DESC-043", "DESC-044", "DESC-050",
    ];

    private static Dictionary<string, string> BuildListed() => new(StringComparer.Ordinal)
    {
        ["SCHED-021"] = "states what is not modelled (the NodeDeclaredFeatureValidator admission of pod updates, the scheduler's requeueing on declared-feature changes): no model rule to check",
        ["QTY-023"] = "a Quantity with an unknown/empty Format only arises from Go constructors; every parsed text has a known format",
        ["QTY-024"] = "Add/Sub/Neg are Go library API; no Pod field or API response exposes the cached text after arithmetic",
        ["QTY-033"] = "AsInt64 is an in-process representation query; an API server returns only the printed text",
        ["QTY-034"] = "Cmp/Equal are library API; adapters report printed quantities, not comparisons",
        ["QTY-035"] = "Add/Sub/Neg are library API with no observable counterpart on a Pod",
        ["QTY-036"] = "constructors (NewQuantity, NewMilliQuantity, NewScaledQuantity) are library API, never reached from a manifest",
        ["QTY-050"] = "termination is a liveness quality of an implementation; the runner has no per-case timeout, so a hang is not a verdict",
        ["QTY-051"] = "allocation-free parsing is a performance quality of the model, measured by its benchmarks and tests",
        ["QTY-054"] = "time linear in the digit count is a performance quality of the model, checked by its long-input tests",
        ["QTY-052"] = "culture independence is a quality of the model (and of these reports), checked by the determinism tests",
        ["QOS-001"] = "status.qosClass winning over the spec only matters to kubelet-side readers of an existing status; a case cannot supply a status at create",
        ["PROF-001"] = "how --kubernetes-version is read is podconf's own input handling; adapters are handed a parsed profile",
        ["PROF-002"] = "gate defaults per release are podconf's profile resolution; adapters are handed the resolved profile",
        ["PROF-003"] = "--feature-gates parsing is podconf's own input handling (tested in the CLI tests)",
        ["PROF-004"] = "which gates a release registers, and their defaults, is podconf's profile data; adapters are handed the resolved profile",
        ["PROF-005"] = "gate dependencies are checked while podconf reads --feature-gates (tested in the model's parser tests)",
        ["COND-007"] = "lastTransitionTime is not part of the status sample shape (conditions are Type=Status/Reason)",
        ["COND-008"] = "condition messages are not part of the status sample shape (conditions are Type=Status/Reason)",
        ["PRINT-015"] = "AGE depends on the wall clock of the observer; the sample shape keeps READY, STATUS and RESTARTS only",
        ["PRINT-016"] = "wide columns (IP, NODE, NOMINATED NODE, READINESS GATES) are not part of the sample shape",
        ["PRINT-017"] = "row conditions are table metadata for kubectl, not a cell of the row",
        ["PRINT-018"] = "HumanDuration only renders AGE and the '(Ns ago)' suffix of RESTARTS, neither of which the sample shape keeps",
        ["PRINT-019"] = "the table text layout is kubectl's rendering, not Pod behaviour; podconf's own tables test it",
        ["EVENT-021"] = "kubectl describe's Events block layout is a client rendering; adapters report events, not describe text",
        ["EVENT-022"] = "describe's AGE column depends on the observer's clock",
        ["EVENT-023"] = "describe's row order is a client-side sort of reported events",
        ["EVENT-024"] = "the field-path prefix is added by kubectl describe, not recorded in the event",
        ["EVENT-025"] = "escaping is done by kubectl describe's writer as it prints, not recorded in the event",
        ["SIM-011"] = "the simulator's stand-in uids, container IDs and image sizes replace what a real node measures; adapters report their own",
        ["ENV-001"] = "a created pod is defaulted (DEF-005 sets enableServiceLinks), so the kubelet's nil check is unreachable through the API; `podconf env` on a raw manifest shows it",
        ["EXPAND-003"] = "the env facet carries each container's environment, not its expanded command and args (`podconf env` shows them); no observation shape holds them",
        ["BACKOFF-005"] = "the backoff key is kubelet-internal; scenarios never change a container spec, the only way to observe a new key",
    };
}
