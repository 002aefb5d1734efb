using System.Globalization;
using PodConformance.Generators;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Validation;

namespace PodConformance.Suite.Tests.Mutation;

/// <summary>
/// Mutants of the rules of the gated fields GatedFieldGen's later entries use (issue 9 item 7): each refuses a value the
/// release accepts, so only valid pods that use the field kill it — container restart rules and podCertificate
/// projections in the default run (ContainerRestartRules and PodCertificateRequest are on at 1.37), a cross-namespace
/// dataSourceRef with its alpha gate on.
/// </summary>
internal static partial class Mutants
{
    private static IEnumerable<Mutant> GatedFields()
    {
        // VAL-041 (ContainerRestartRules, beta/on from 1.35): the exit-code operator NotIn is refused, as if only In existed.
        yield return new Mutant(
            "val-restart-rule-not-in-refused", "validation", ValidationRules.ContainerRestartPolicy,
            "validation refuses a restart rule's exitCodes operator NotIn (supported values: \"In\")",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => With(PodValidator.Validate(pod, profile), NotInRefused(pod)) });

        // VAL-631 (PodCertificateRequest, GA at 1.37): a podCertificate projection must name a credentialBundlePath, as if
        // keyPath with certificateChainPath were not a form of its own.
        yield return new Mutant(
            "val-pod-certificate-needs-credential-bundle", "validation", ValidationRules.PodCertificateProjection,
            "validation requires podCertificate.credentialBundlePath even where keyPath and certificateChainPath are given",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => With(PodValidator.Validate(pod, profile), CredentialBundleRequired(pod)) });

        // VAL-633 with CrossNamespaceVolumeDataSource (alpha, off in every release): a claim template's dataSourceRef.namespace
        // is forbidden, as if the gate were off and validation refused the field rather than a strategy dropping it.
        yield return new Mutant(
            "val-data-source-ref-namespace-forbidden", "validation", ValidationRules.PvcTemplateSpec,
            "validation refuses every dataSourceRef.namespace in an ephemeral claim template (run with CrossNamespaceVolumeDataSource on)",
            Injection.Stage,
            ModelPipeline.Real with { Validate = (pod, profile) => With(PodValidator.Validate(pod, profile), DataSourceNamespaceForbidden(pod)) })
        {
            Gates = ValueMap.Of((GatedFieldGen.CrossNamespaceVolumeDataSource, true)),
        };
    }

    private static string At(string list, int i) => list + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";

    private static List<FieldError> NotInRefused(Pod pod)
    {
        var errors = new List<FieldError>();
        void Check(ValueList<Container> containers, string list)
        {
            for (int i = 0; i < containers.Count; i++)
            {
                var rules = containers[i].RestartPolicyRules;
                for (int j = 0; j < rules.Count; j++)
                {
                    if (rules[j].ExitCodes is { Operator: "NotIn" })
                    {
                        errors.Add(new FieldError(FieldErrorType.NotSupported, At(At(list, i) + ".restartPolicyRules", j) + ".exitCodes.operator", "NotIn", "supported values: \"In\"")
                        {
                            Rule = ValidationRules.ContainerRestartPolicy,
                        });
                    }
                }
            }
        }

        Check(pod.Spec.InitContainers, "spec.initContainers");
        Check(pod.Spec.Containers, "spec.containers");
        return errors;
    }

    private static List<FieldError> CredentialBundleRequired(Pod pod)
    {
        var errors = new List<FieldError>();
        for (int i = 0; i < pod.Spec.Volumes.Count; i++)
        {
            var sources = pod.Spec.Volumes[i].Projected?.Sources ?? default;
            for (int j = 0; j < sources.Count; j++)
            {
                if (sources[j].PodCertificate is { CredentialBundlePath.Length: 0 })
                {
                    errors.Add(new FieldError(FieldErrorType.Required, At(At("spec.volumes", i) + ".projected.sources", j) + ".podCertificate.credentialBundlePath", "", "")
                    {
                        Rule = ValidationRules.PodCertificateProjection,
                    });
                }
            }
        }

        return errors;
    }

    private static List<FieldError> DataSourceNamespaceForbidden(Pod pod)
    {
        var errors = new List<FieldError>();
        for (int i = 0; i < pod.Spec.Volumes.Count; i++)
        {
            if (pod.Spec.Volumes[i].Ephemeral?.VolumeClaimTemplate?.Spec.DataSourceRef is { Namespace.Length: > 0 })
            {
                errors.Add(new FieldError(FieldErrorType.Forbidden, At("spec.volumes", i) + ".ephemeral.volumeClaimTemplate.spec.dataSourceRef.namespace", "", "may not be set")
                {
                    Rule = ValidationRules.PvcTemplateSpec,
                });
            }
        }

        return errors;
    }
}
