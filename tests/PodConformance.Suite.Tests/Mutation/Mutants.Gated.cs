using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Mutants of feature-gated rules that only valid pods using the gated field kill (GatedFieldGen): each bends the rule so
/// that a value the release accepts is refused or defaulted wrongly. The run turns on the gates that are off by default.
/// </summary>
internal static partial class Mutants
{
    private static readonly string[] WindowsStopSignals = ["SIGKILL", "SIGTERM"];

    private static IEnumerable<Mutant> Gated()
    {
        // DEF-408 (ImageVolume, GA at 1.37): an unset image-volume pullPolicy becomes IfNotPresent whatever the tag, as if
        // the reference never named (or implied) "latest".
        yield return new Mutant(
            "def-image-volume-pull-policy-ignores-latest", "defaulting", DefaultingRules.ImageVolumePullPolicy,
            "an image volume without pullPolicy gets IfNotPresent even for a :latest (or untagged) reference",
            Injection.Stage,
            ModelPipeline.Real with { Default = (pod, profile) => IfNotPresentImageVolumes(pod, PodDefaulter.Decode(pod, profile)) });

        // VAL-048 (ContainerStopSignals, alpha): a Linux pod's stop signal is held to the Windows list.
        yield return new Mutant(
            "val-stop-signal-windows-list-on-linux", "validation", ValidationRules.StopSignal,
            "validation accepts only SIGKILL and SIGTERM as a Linux container's lifecycle.stopSignal (run with ContainerStopSignals on)",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => With(PodValidator.Validate(pod, profile), LinuxSignalsRefused(pod)) })
        {
            Gates = ValueMap.Of((FeatureGateNames.ContainerStopSignals, true)),
        };

        // VAL-705 (GenericWorkload, beta and off at 1.37): a valid schedulingGroup is refused as if the field were unsupported.
        yield return new Mutant(
            "val-scheduling-group-always-forbidden", "validation", ValidationRules.SchedulingGroup,
            "validation refuses every spec.schedulingGroup (run with GenericWorkload on)",
            Injection.Stage,
            ModelPipeline.Real with
            {
                Validate = (pod, profile) => With(
                    PodValidator.Validate(pod, profile),
                    pod.Spec.SchedulingGroup is null ? [] : [new FieldError(FieldErrorType.Forbidden, "spec.schedulingGroup", "", "may not be set") { Rule = ValidationRules.SchedulingGroup }]),
            })
        {
            Gates = ValueMap.Of((FeatureGateNames.GenericWorkload, true)),
        };
    }

    private static ValidationResult With(ValidationResult real, IReadOnlyList<FieldError> extra) =>
        extra.Count == 0 ? real : new ValidationResult(real.Errors.Concat(extra).ToValueList());

    private static List<FieldError> LinuxSignalsRefused(Pod pod)
    {
        var errors = new List<FieldError>();
        if (pod.Spec.OS?.Name != "linux")
        {
            return errors;
        }

        for (int i = 0; i < pod.Spec.Containers.Count; i++)
        {
            if (pod.Spec.Containers[i].Lifecycle?.StopSignal is { } signal && !WindowsStopSignals.Contains(signal))
            {
                errors.Add(new FieldError(FieldErrorType.NotSupported, "spec.containers[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "].lifecycle.stopSignal", signal, "supported values: \"SIGKILL\", \"SIGTERM\"")
                {
                    Rule = ValidationRules.StopSignal,
                });
            }
        }

        return errors;
    }

    /// <summary>The decoded pod with each image volume the input left without a pullPolicy set to IfNotPresent.</summary>
    private static Pod IfNotPresentImageVolumes(Pod original, Pod decoded)
    {
        var volumes = decoded.Spec.Volumes;
        for (int i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].Image is { } image && original.Spec.Volumes.Any(v => v.Name == volumes[i].Name && v.Image is { PullPolicy.Length: 0 }))
            {
                volumes = volumes.SetItem(i, volumes[i] with { Image = image with { PullPolicy = "IfNotPresent" } });
            }
        }

        return decoded with { Spec = decoded.Spec with { Volumes = volumes } };
    }
}
