using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Manifests.Reading;
using PodConformance.Manifests.Writing;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Tests;

/// <summary>
/// read(write(pod)) == pod for generated Pods, in YAML (both key orders) and JSON; output is byte-identical
/// under cultures that format numbers and case letters differently. Fixed replay seeds keep runs reproducible.
/// </summary>
public class RoundTripProperties
{
    [Property(Replay = "(20250131,1)", MaxTest = 150)]
    public Property Yaml_round_trips() =>
        Prop.ForAll(PodGenerators.Pod.ToArbitrary(), pod =>
            RoundTrips(pod, PodManifestWriter.ToYaml(pod), "pod.yaml")
            && RoundTrips(pod, PodManifestWriter.ToYaml(pod, YamlKeyOrder.StructOrder), "pod.yaml"));

    [Property(Replay = "(20250131,3)", MaxTest = 150)]
    public Property Json_round_trips() =>
        Prop.ForAll(PodGenerators.Pod.ToArbitrary(), pod => RoundTrips(pod, PodManifestWriter.ToJson(pod), "pod.json"));

    [Property(Replay = "(20250131,5)", MaxTest = 60)]
    public Property Output_is_byte_identical_under_other_cultures() =>
        Prop.ForAll(PodGenerators.Pod.ToArbitrary(), pod =>
        {
            string yaml = PodManifestWriter.ToYaml(pod);
            string json = PodManifestWriter.ToJson(pod);
            var saved = CultureInfo.CurrentCulture;
            try
            {
                foreach (string name in new[] { "de-DE", "tr-TR" })
                {
                    CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                    if (PodManifestWriter.ToYaml(pod) != yaml || PodManifestWriter.ToJson(pod) != json)
                    {
                        return false;
                    }
                }

                return true;
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        });

    private static bool RoundTrips(Pod pod, string text, string name)
    {
        var result = PodManifestReader.ReadText(text, name);
        if (result.Diagnostics.Length != 0 || result.Pods.Length != 1 || result.Pods[0].Pod != pod)
        {
            throw new InvalidOperationException(
                $"round trip failed\n{text}\ndiagnostics: {string.Join("\n", result.Diagnostics)}\n" +
                $"read back: {(result.Pods.Length == 1 ? PodManifestWriter.ToYaml(result.Pods[0].Pod) : "<none>")}");
        }

        return true;
    }
}
