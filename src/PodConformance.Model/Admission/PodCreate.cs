using PodConformance.Model.Admission.Plugins;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Model.Admission;

/// <summary>
/// A Pod create as the API server runs it (ADM-001), the one place the model does it: decode with defaulting, the
/// request's namespace, the default mutating admission plugins in kube-apiserver's order, the generated name, the pod
/// strategy's PrepareForCreate, ValidatePodCreate, the create warnings, then the validating admission plugins
/// (kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, registry/generic/registry/store.go,
/// registry/rest/create.go BeforeCreate; pkg/registry/core/pod/strategy.go).
/// </summary>
/// <remarks>
/// <c>validate</c>, <c>explain</c>, the suite's admission observations, the simulator and <c>env</c> all call this, so they
/// see the pod that would be stored. Pure and deterministic: names the API server makes up at random (a generated
/// name, the token volume's suffix) are derived from the pod instead (ADM-003).
/// </remarks>
public static class PodCreate
{
    /// <summary>The namespace kubectl sends a request to when neither the manifest nor a flag names one.</summary>
    public const string DefaultNamespace = "default";

    public static PodCreateResult Run(Pod pod, Profile profile) => Run(pod, profile, AdmissionObjects.None);

    public static PodCreateResult Run(Pod pod, Profile profile, AdmissionObjects objects) => Run(pod, profile, objects, PodCreateStages.Real);

    /// <summary>A create with some stages replaced (<see cref="PodCreateStages"/>, for the suite's mutation self-check).</summary>
    public static PodCreateResult Run(Pod pod, Profile profile, AdmissionObjects objects, PodCreateStages stages) => Run(pod, profile, objects, stages, steps: true);

    /// <summary>
    /// The create; without <paramref name="steps"/> the result's <see cref="PodCreateResult.Steps"/> is empty and no step
    /// builds its changes' field paths and texts (the simulator reads only the stored pod and the refusal). The pod
    /// stored, the refusal, validation, warnings and rule coverage are the same either way.
    /// </summary>
    internal static PodCreateResult Run(Pod pod, Profile profile, AdmissionObjects objects, PodCreateStages stages, bool steps)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(objects);
        ArgumentNullException.ThrowIfNull(stages);
        var run = new CreateRun(profile, stages.Objects is { } replace ? replace(objects) : objects) { Stages = stages, KeepsSteps = steps };

        // Decode: SetObjectDefaults_Pod.
        var defaults = steps ? new List<DefaultingChange>() : null;
        var current = stages.Defaulting is { } defaulting ? defaulting(pod, profile) : PodDefaulter.Apply(pod, profile, defaults, createStrategy: false);
        run.Step(AdmissionStage.Defaulting, "SetObjectDefaults_Pod", defaults is null ? ValueList<DefaultingChange>.Empty : defaults.ToValueList());

        // The request's namespace (kubectl sends the manifest's, else the context's): an empty one is filled (ADM-002).
        current = RequestNamespace(current, run);

        // Mutating admission, in AllOrderedPlugins order (ADM-010).
        foreach (var plugin in AdmissionPlugins.Mutating)
        {
            var log = run.NewLog();
            var outcome = plugin.Admit(current, run, log);
            current = outcome.Pod;
            run.Step(AdmissionStage.MutatingAdmission, plugin.Name, log.ToList(), outcome.Note, outcome.Rejection);
            if (outcome.Rejection is { } rejected)
            {
                return run.Result(current, rejected, ValidationResult.Valid, validated: false);
            }
        }

        // store.create: generateName becomes a name before BeforeCreate (ADM-003).
        current = GenerateName(current, run);

        // BeforeCreate: PrepareForCreate, then Validate, then the warnings.
        var prepare = run.NewLog();
        current = PrepareForCreate.Apply(current, run, prepare);
        run.Step(AdmissionStage.PrepareForCreate, "PrepareForCreate", prepare.ToList());

        var validation = stages.Validation is { } validate ? validate(current, profile) : PodValidator.Validate(current, profile);
        if (!validation.IsValid)
        {
            // WarningsOnCreate does not run, but the warnings PrepareForCreate added are sent with the error.
            CreateWarnings.AddBeforeValidation(pod, run);
            var rejected = AdmissionRejection.Invalid(current.Metadata.Name, validation);
            run.Step(AdmissionStage.Validation, "ValidatePodCreate", ValueList<DefaultingChange>.Empty, rejected);
            return run.Result(current, rejected, validation, validated: true);
        }

        run.Step(AdmissionStage.Validation, "ValidatePodCreate", ValueList<DefaultingChange>.Empty);
        CreateWarnings.Add(pod, current, run);

        // Validating admission, same order; the first refusal ends the create.
        foreach (var plugin in AdmissionPlugins.Validating)
        {
            var outcome = stages.RunsValidatingPlugin is { } runs && !runs(plugin.Name)
                ? new PluginOutcome(current, Note: "skipped (PodCreateStages)")
                : plugin.Validate(current, run);
            run.Step(AdmissionStage.ValidatingAdmission, plugin.Name, ValueList<DefaultingChange>.Empty, outcome.Note, outcome.Rejection);
            if (outcome.Rejection is { } rejected)
            {
                return run.Result(current, rejected, validation, validated: true);
            }
        }

        return run.Result(Stored(current), null, validation, validated: true);
    }

    /// <summary>
    /// The pod as storage keeps it: an empty <c>overhead</c> map is omitted when the object is encoded (<c>omitempty</c>),
    /// so the stored pod, and what the API server returns, has none; only the request carried <c>overhead: {}</c> (ADM-013).
    /// The same holds for a container's (or the pod-level) empty <c>limits: {}</c>, <c>requests: {}</c> and <c>claims: []</c>
    /// (all <c>omitempty</c> in core/v1 ResourceRequirements), and for a container's empty <c>ports: []</c>,
    /// <c>resizePolicy: []</c> and <c>restartPolicyRules: []</c> (<c>omitempty</c> in core/v1 Container, kubernetes/api
    /// v0.28.0 and v0.35.0 types.go). Ephemeral containers never reach here: a create with them is refused (VAL-016). Only
    /// bool tests unless a mark is set, so the common pod costs no allocation.
    /// </summary>
    private static Pod Stored(Pod pod)
    {
        var spec = pod.Spec;
        if (spec.OverheadGiven && spec.Overhead.IsEmpty)
        {
            spec = spec with { OverheadGiven = false };
        }

        if (spec.Resources is { } r && HasEmptyMark(r))
        {
            spec = spec with { Resources = WithoutEmptyMarks(r) };
        }

        var containers = WithoutEmptyMarks(spec.Containers);
        var initContainers = WithoutEmptyMarks(spec.InitContainers);
        if (!containers.IsSameAs(spec.Containers) || !initContainers.IsSameAs(spec.InitContainers))
        {
            spec = spec with { Containers = containers, InitContainers = initContainers };
        }

        return ReferenceEquals(spec, pod.Spec) ? pod : pod with { Spec = spec };
    }

    /// <remarks>
    /// The *GivenEmpty marks all go, even where defaulting has since filled the map (requests copied from limits): a reader
    /// sets them only for an empty map, so a pod read back from storage never has one. <c>ClaimsGiven</c> stays beside
    /// claims (readers set it for any list).
    /// </remarks>
    private static bool HasEmptyMark(ResourceRequirements r) =>
        (r.ClaimsGiven && r.Claims.IsEmpty) || r.LimitsGivenEmpty || r.RequestsGivenEmpty;

    private static ResourceRequirements WithoutEmptyMarks(ResourceRequirements r) => r with
    {
        ClaimsGiven = r.ClaimsGiven && !r.Claims.IsEmpty,
        LimitsGivenEmpty = false,
        RequestsGivenEmpty = false,
    };

    private static ValueList<Container> WithoutEmptyMarks(ValueList<Container> containers)
    {
        var result = containers;
        for (int i = 0; i < containers.Count; i++)
        {
            var c = containers[i];
            if (HasEmptyMark(c.Resources))
            {
                c = c with { Resources = WithoutEmptyMarks(c.Resources) };
            }

            // All list marks go, even where defaulting has since filled the list (1.28–1.32 resize policies): as above.
            if (c.HasGivenEmptyListMark())
            {
                c = c with { PortsGivenEmpty = false, ResizePolicyGivenEmpty = false, RestartPolicyRulesGivenEmpty = false };
            }

            if (!ReferenceEquals(c, containers[i]))
            {
                result = result.SetItem(i, c);
            }
        }

        return result;
    }

    private static Pod RequestNamespace(Pod pod, CreateRun run)
    {
        if (pod.Metadata.Namespace.Length != 0)
        {
            return pod;
        }

        var log = run.NewLog();
        log.Add(AdmissionRules.RequestNamespace, "metadata.namespace", DefaultNamespace);
        run.Step(AdmissionStage.Request, "request namespace", log.ToList());
        return pod with { Metadata = pod.Metadata with { Namespace = DefaultNamespace } };
    }

    private static Pod GenerateName(Pod pod, CreateRun run)
    {
        var meta = pod.Metadata;
        if (meta.GenerateName.Length == 0 || meta.Name.Length != 0)
        {
            return pod;
        }

        string name = GeneratedNames.Generate(meta.GenerateName, "name:" + meta.Namespace + "/" + meta.GenerateName);
        var log = run.NewLog();
        log.Add(AdmissionRules.GeneratedNames, "metadata.name", name);
        run.Step(AdmissionStage.Request, "generateName", log.ToList());
        return pod with { Metadata = meta with { Name = name } };
    }
}
