namespace PodConformance.Suite.Tests.Coverage;

/// <summary>A claimed rule or branch the default run leaves below the floor, who can close it, and why it is open.</summary>
/// <param name="Owner">Whose generators or model paths would reach it.</param>
/// <param name="Reason">Why the default run does not.</param>
/// <param name="Profile">Set when the rule only applies under another release: the test checks it reaches the floor there.</param>
internal sealed record Gap(string Owner, string Reason, string? Profile = null);

/// <summary>Who can close a gap: the areas of the open work (issue 10 and its siblings).</summary>
internal static class Owners
{
    public const string Lifecycle = "lifecycle generators (scheduling gates, restart rules, scheduler filters, eviction signals; issue 10 item 2 shapes)";
    public const string Schema = "Pod API schema and admission";
    public const string Eviction = "node-pressure episodes (pods arriving under pressure)";
    public const string Release = "another release";

    /// <summary>Rules that arrived with main's merges after the floor was set: not yet reached (or not yet recorded) by the default run.</summary>
    public const string Merged = "rules merged from main after the floor was set (val-security and other areas)";
}

/// <summary>
/// The documented shortfalls of the default run, keyed <c>RULE</c> or <c>RULE (branch)</c>. The coverage tests fail on
/// any shortfall not listed here, and on any entry that is no longer short (delete it then), so the list stays true.
/// Entries with a profile are checked to reach the floor under that release instead.
/// </summary>
internal static class CoverageGaps
{
    public static IReadOnlyDictionary<string, Gap> All { get; } = new SortedDictionary<string, Gap>(StringComparer.Ordinal)
    {
        ["SCHED-010"] = new(Owners.Lifecycle, "P-SCHED-FIT's pods are unassigned, as every pod the real scheduler queues is (a pod created with spec.nodeName goes to that node's kubelet; no scheduling cycle runs): the NodeName filter rejects only where the framework runs on an assigned pod (preemption, simulators); the upstream table node_name_test.yaml (Manifests.Tests) checks it"),
        ["SCHED-013"] = new(Owners.Lifecycle, "a scenario schedules one pod onto empty nodes, so no port is taken and NodePorts never rejects: a conflict needs a second pod on the node holding the hostPort (scenarios of several pods); the upstream table node_ports_test.yaml (Manifests.Tests) checks it"),
        ["SIM-013"] = new(Owners.Lifecycle, "its site records hits (PodRun.BindAssigned), but no generator sets spec.nodeName: a scenario's node names are the simulator's, and the cluster adapter blanks spec.nodeName (ScenarioRendering: a real cluster's nodes are its own), so a pre-bound case needs the adapters to map the name onto a node of theirs first"),
        ["VAL-049"] = new(Owners.Schema, "lists the container-area fields the model does not check, of which none are left (spec/validation.md): no error carries it, so it is never stamped; reworded in session 16"),
        ["DEF-026"] = new(Owners.Release, "1.28-1.32's resize-policy defaults need InPlacePodVerticalScaling on, alpha and off by default there (1.33's defaults.go has no such step); at 1.30 three P-ADM-DEFAULTS cases in a hundred turn it on as their own gate and request cpu and memory (AlphaDefaultGen, session 16)", Profile: "1.30"),
        ["DOWNWARD-005 (no pod IP)"] = new(Owners.Schema, "unreachable in a run: the env facet always gives the pod an IP (ENV-015: the case's, else the scenario's podIPs for the pod, else the simulator's default), as a running pod always has one; podconf env does the same (NodeFacts.ReadPodIps); only a direct caller of the model's env builder that passes no pod IPs reaches it (session 16: investigated)"),
        ["ADMIT-001"] = new(Owners.Eviction, "episodes start with every pod bound; NodeScenario has no pod arriving under pressure, so PodAdmission.Admit never runs in a simulation (the rule is a model function only); arrivals need a NodeScenario field on the wire (PROTO) behind a capability, and each adapter's answer for a refused pod"),
        ["ADMIT-002"] = new(Owners.Eviction, "as ADMIT-001: no arrivals"),
        ["ADMIT-003"] = new(Owners.Eviction, "as ADMIT-001: no arrivals"),
        ["ADMIT-003 (a BestEffort pod rejected)"] = new(Owners.Eviction, "as ADMIT-001: no arrivals"),
        ["ADMIT-003 (admitted)"] = new(Owners.Eviction, "as ADMIT-001: no arrivals"),
        ["ADMIT-004"] = new(Owners.Eviction, "as ADMIT-001: no arrivals"),
        ["COND-003 (unknown container statuses)"] = new(Owners.Lifecycle, "the simulator publishes conditions only with container statuses; no generated run reaches it"),
        ["EVENT-014"] = new(Owners.Lifecycle, "no run emits it: the lifecycle simulator models no kubelet eviction (EventCatalog.Evicted has no caller), and P-EVICT-ORDER, whose episodes evict, views rankings and victims' statuses, not events; a lifecycle case evicted under node pressure needs a scenario shape and a capability no adapter offers yet"),
        ["PHASE-005"] = new(Owners.Release, "the pod-level rule applies only without ContainerRestartRules (beta, on by default from 1.35), where the per-container PHASE-006 replaces it; under 1.33 ScenarioGen.RestartPolicyCase's failed init containers under Never reach it", Profile: "1.33"),
        ["PHASE-010"] = new(Owners.Release, "the pod-level rule applies only without ContainerRestartRules (on by default from 1.35), where the per-container PHASE-011 replaces it; under 1.33 ScenarioGen.RestartPolicyCase's all-stopped pods reach it", Profile: "1.33"),
        ["PHASE-010 (Always: Running)"] = new(Owners.Release, "as PHASE-010", Profile: "1.33"),
        ["PHASE-010 (Never with a failure: Failed)"] = new(Owners.Release, "as PHASE-010", Profile: "1.33"),
        ["PHASE-010 (OnFailure with a failure: Running)"] = new(Owners.Release, "as PHASE-010", Profile: "1.33"),
        ["PHASE-010 (all exited 0: Succeeded)"] = new(Owners.Release, "as PHASE-010", Profile: "1.33"),
        ["PHASE-012"] = new(Owners.Lifecycle, "the simulator gives every container a status from its first sync, so 'no status yet' is not reached"),
        ["PHASE-013 (a container rule restarts)"] = new(Owners.Lifecycle, "only RestartAllGen writes restartPolicyRules, and its Restart rule (before the RestartAllContainers one) names a code its scripts rarely give; a shape with Restart rules on regular containers must first be checked against the podman adapter, which keeps container restartPolicy for sidecars only (spec/adapter-podman.md)"),
        ["PHASE-013 (the container's own policy)"] = new(Owners.Lifecycle, "regular containers get their own restartPolicy only in RestartAllGen and SchedulingGen.DeclaredFeaturesCase cases, where a RestartAllContainers rule decides first or no container exits: as PHASE-013 (a container rule restarts)"),
        ["PRINT-002"] = new(Owners.Lifecycle, "status.reason is written by eviction (Evicted), node loss (NodeLost) or node shutdown, none of which a lifecycle run models (as EVENT-014); P-EVICT-ORDER's victims get reason Evicted, but its view is the eviction facet, not the kubectl row"),
        ["PRINT-011"] = new(Owners.Lifecycle, "NodeLost is written by the node lifecycle controller for a pod on a node that stopped reporting, which no scenario models"),
        ["DEF-201"] = new(Owners.Release, "the security gates it drops for (UserNamespacesSupport, SupplementalGroupsPolicy, ProcMountType, SELinuxChangePolicy, AppArmor) are GA and locked, or gone, at 1.37; at 1.32 all four of the first are off and GatedDropGen's cases set their fields (session 13)", Profile: "1.32"),
        ["DEF-206"] = new(Owners.Release, "the create strategy copies AppArmor fields to annotations only at 1.30–1.33 (spec/defaulting.md); at 1.33 SecurityGen's pod and container appArmorProfile fields reach it (session 16: it was a merged-rule placeholder)", Profile: "1.33"),
        ["DEF-403"] = new(Owners.Schema, "iscsi volumes are kept out of valid generated pods (no adapter is known to run one); VolumeMutations breaks them only, and P-ADM-DEFAULTS sees valid pods"),
        ["DEF-404"] = new(Owners.Schema, "rbd volumes are kept out of valid generated pods (no adapter is known to run one): as DEF-403"),
        ["DEF-405"] = new(Owners.Schema, "azureDisk volumes are kept out of valid generated pods: as DEF-403"),
        ["DEF-406"] = new(Owners.Schema, "scaleIO volumes are kept out of valid generated pods: as DEF-403"),
        ["VAL-077"] = new(Owners.Schema, "unreachable through a create: the RuntimeClass plugin looks a runtimeClassName up before validation runs, and a name VAL-077 rejects names no RuntimeClass (their names are DNS subdomains too), so a cluster refuses it as not found (ADM-014) whether or not the case gives RuntimeClasses; the model reaches VAL-077 only where it does not know the classes (ADM-012: none given, where a real cluster would still refuse it as not found) and for runtimeClassName \"\" (ADM-012: the real refusal text is unverified), so neither is generated; Model.Tests check the rule"),
        ["VAL-078"] = new(Owners.Schema, "unreachable through a create: the Priority plugin (ADM-044) refuses any spec.preemptionPolicy other than the one it computes before validation runs; PodGen.Admit (no plugins) and Model.Tests check the rule"),
        ["VAL-079"] = new(Owners.Schema, "spec.workloadRef exists in 1.35 only, behind the alpha GenericWorkload gate, and is dropped in the default run; the mutation bad-workload-ref applies with --feature-gates GenericWorkload=true under 1.35; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.35: GatedRuleCoverageTests"),
        ["VAL-201"] = new(Owners.Schema, "how a bad value is printed, for every area (GoValueText, until 1.33 Go's %#v, from 1.34 json.Marshal): each error carries its own area's rule, never VAL-201, so it is never stamped; the texts it prints appear in the refusals of those rules, and Model.Tests pin them (NamedStringBadValueTests, PlainStringBadValueTests, QuantityBadValueTests; session 16: reworded, it was a merged-rule placeholder)"),
        ["VAL-323"] = new(Owners.Release, "the legacy matchLabelKeys check runs only before 1.34 (or with the selector-merge gate off); the mutation legacy-spread-match-label-keys applies there", Profile: "1.33"),
        ["VAL-341"] = new(Owners.Schema, "the pre-1.31 claim source form is validated only with DynamicResourceAllocation on, which is off by default in 1.28–1.30; the mutation bad-claim-source applies with the gate on there; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.30: GatedRuleCoverageTests"),
        ["VAL-048"] = new(Owners.Schema, "ContainerStopSignals is alpha (off) in every release, so the create strategy drops lifecycle.stopSignal before validation (ADM-094); the mutation bad-stop-signal applies with the gate on (1.33+); valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37 and 1.35: GatedRuleCoverageTests"),
        ["VAL-700"] = new(Owners.Schema, "spec.evictionResponders exists from 1.37 behind the alpha EvictionRequestAPI gate and is dropped in the default run; the mutation bad-eviction-responder-list applies with --feature-gates EvictionRequestAPI=true under 1.37; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-701"] = new(Owners.Schema, "as VAL-700; the mutation bad-eviction-responder-name applies with EvictionRequestAPI on under 1.37; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-702"] = new(Owners.Schema, "as VAL-700; the mutation bad-eviction-responder-priority applies with EvictionRequestAPI on under 1.37; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-703"] = new(Owners.Schema, "needs both alpha gates EvictionRequestAPI and GenericWorkload (1.37); the mutation eviction-responders-in-pod-group applies with both on; its invalid variant reaches it (valid pods cannot have both fields) with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-704"] = new(Owners.Schema, "documents the search for the 1.36/1.37 fields' sources, closed by VAL-705…709 (no rule to break); never stamped"),
        ["VAL-705"] = new(Owners.Schema, "spec.schedulingGroup exists from 1.36 behind GenericWorkload (alpha 1.36, beta off 1.37) and is dropped in the default run; the mutation bad-scheduling-group applies with --feature-gates GenericWorkload=true; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-706"] = new(Owners.Schema, "volumeMounts[].bindMountOptions exists from 1.37 behind the alpha VolumeBindMountOptions gate and is dropped in the default run; the mutation bad-bind-mount-options applies with the gate on; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-707"] = new(Owners.Schema, "httpGet.protocol exists from 1.37 behind the alpha H2CContainerProbe gate and is dropped in the default run (ADM-096); the mutation bad-http-probe-protocol applies with the gate on; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-708"] = new(Owners.Schema, "grpc.mode exists from 1.37 behind the alpha GRPCContainerProbeTLS gate and is dropped in the default run (ADM-096); the mutation bad-grpc-probe-mode applies with the gate on; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["VAL-709"] = new(Owners.Schema, "the volume user/defaultUser fields exist from 1.37 behind the alpha AtomicWriteVolumeUserFields gate and are dropped in the default run; the mutation bad-volume-owner-uid applies with the gate on; valid pods and its invalid variant reach it with every gate on (AllAlpha and AllBeta) at 1.37: GatedRuleCoverageTests"),
        ["ENV-017"] = new(Owners.Release, "1.34's env-file parser runs where EnvFiles is on at 1.34 (alpha, off by default); at 1.34 a quarter of P-ENV-RESOLVE's cases turn it on as their own gate (EnvGen.GatedCaseFor, session 16)", Profile: "1.34"),
        ["ENV-016 (1.34: a key over 128 bytes)"] = new(Owners.Release, "1.34's alpha key limit runs where EnvFiles is on at 1.34 (alpha, off by default); at 1.34 EnvGen's gated file cases sometimes ask for a key of 129 bytes (EnvGen.AlphaFileCase, session 16)", Profile: "1.34"),
        ["ENV-016 (1.34: a value over 32 KiB)"] = new(Owners.Release, "1.34's alpha value limit runs where EnvFiles is on at 1.34 (alpha, off by default); at 1.34 EnvGen's gated file cases sometimes read a value of 32,769 bytes (EnvGen.AlphaFileCase, session 16)", Profile: "1.34"),
        ["ENV-016 (no such volume: an error)"] = new(Owners.Schema, "validation refuses a fileKeyRef naming no emptyDir volume of the pod (VAL-056), so only pods that skip validation (static pods) reach it; FileKeyRefTests check it"),
        ["ENV-005"] = new(Owners.Release, "the kubelet filters envFrom keys only in 1.28–1.29 (from 1.30 it keeps every key, spec/env.md)", Profile: "1.29"),
        ["VAL-042"] = new(Owners.Release, "regular containers may set restartPolicy from 1.34 (ContainerRestartRules); the Forbidden error exists only before", Profile: "1.33"),
    };
}
