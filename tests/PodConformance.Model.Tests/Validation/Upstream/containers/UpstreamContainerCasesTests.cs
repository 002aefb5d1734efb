using PodConformance.Manifests.Reading;
using PodConformance.Model.Profiles;
using PodConformance.Tests.Shared;

namespace PodConformance.Model.Tests.Validation.Upstream.Containers;

/// <summary>
/// validation_test.go cases (kubecraft copy <c>cca2926a83a37bcdfd655c6f1d6fe39056698ec3</c>, ≈1.30, and for the sleep
/// action also kubernetes <c>78e971a4</c>, 1.37; README.md) for pod
/// annotations (VAL-004), HTTP header names (VAL-046) and the sleep action (VAL-047), as manifests: read and created
/// at each release named as the API server creates them (CreateAnswer: admission, dropped gated fields, validation); the errors agree in order, each expected text a prefix of the actual one.
/// </summary>
public class UpstreamContainerCasesTests
{
    private const string HeaderMsg = "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

    private static string AnnotatedPod(string key, string value) =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\n  annotations:\n    " + key + ": \"" + value + "\"\nspec:\n  containers:\n  - name: ctr\n    image: image\n";

    private static string HeaderPod(params string[] names) =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec:\n  containers:\n  - name: ctr\n    image: image\n    readinessProbe:\n      httpGet:\n        path: /\n        port: port\n        scheme: HTTP\n        httpHeaders:\n"
        + string.Concat(names.Select(n => "        - name: \"" + n + "\"\n          value: v\n"));

    private static string SleepPod(long seconds, long grace) =>
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod\nspec:\n  terminationGracePeriodSeconds: " + grace + "\n  containers:\n  - name: ctr\n    image: image\n    lifecycle:\n      preStop:\n        sleep:\n          seconds: " + seconds + "\n";

    public static TheoryData<string, string, string, string[]> Cases() => new()
    {
        { "TestValidatePod/mirror-pod present without nodeName", AnnotatedPod("kubernetes.io/config.mirror", ""), "1.28,1.37",
            ["metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"\": must set spec.nodeName if mirror pod annotation is set"] },
        { "TestValidatePod/mirror-pod populated without nodeName", AnnotatedPod("kubernetes.io/config.mirror", "foo"), "1.28,1.37",
            ["metadata.annotations[kubernetes.io/config.mirror]: Invalid value: \"foo\": must set spec.nodeName if mirror pod annotation is set"] },
        { "TestValidatePod/invalid pod-deletion-cost", AnnotatedPod("controller.kubernetes.io/pod-deletion-cost", "text"), "1.28,1.33,1.37",
            ["metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"text\": must be a 32bit integer"] },
        { "TestValidatePod/invalid leading zeros pod-deletion-cost", AnnotatedPod("controller.kubernetes.io/pod-deletion-cost", "008"), "1.28,1.37",
            ["metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"008\": must be a 32bit integer"] },
        { "TestValidatePod/invalid leading plus sign pod-deletion-cost", AnnotatedPod("controller.kubernetes.io/pod-deletion-cost", "+10"), "1.28,1.37",
            ["metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: \"+10\": must be a 32bit integer"] },
        { "TestValidatePod/negative pod-deletion-cost", AnnotatedPod("controller.kubernetes.io/pod-deletion-cost", "-100"), "1.28,1.37", [] },
        { "TestValidatePod/positive pod-deletion-cost", AnnotatedPod("controller.kubernetes.io/pod-deletion-cost", "100"), "1.28,1.37", [] },
        { "TestValidateHandler/success: Host header", HeaderPod("Host"), "1.28,1.37", [] },
        { "TestValidateHandler/success: repeated X-Forwarded-For", HeaderPod("X-Forwarded-For", "X-Forwarded-For"), "1.28,1.37", [] },
        { "TestValidateHandler/error: Host:", HeaderPod("Host:"), "1.28,1.37",
            ["spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: \"Host:\": " + HeaderMsg] },
        { "TestValidateHandler/error: X_Forwarded_For", HeaderPod("X_Forwarded_For"), "1.28,1.37",
            ["spec.containers[0].readinessProbe.httpGet.httpHeaders: Invalid value: \"X_Forwarded_For\": " + HeaderMsg] },
        { "TestValidateSleepAction/valid setting", SleepPod(5, 30), "1.30,1.31", [] },
        { "TestValidateSleepAction/negative seconds", SleepPod(-1, 30), "1.30,1.31",
            ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: -1: must be greater than 0 and less than terminationGracePeriodSeconds (30)"] },
        { "TestValidateSleepAction/longer than gracePeriod", SleepPod(5, 3), "1.30,1.31",
            ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: 5: must be greater than 0 and less than terminationGracePeriodSeconds (3)"] },

        // U37 (validation_test.go at 78e971a4, the 1.37 copy; README.md "1.37"): validateSleepAction without options, zero allowed.
        { "TestValidateSleepAction@U37/valid setting", SleepPod(5, 30), "1.37", [] },
        { "TestValidateSleepAction@U37/negative seconds", SleepPod(-1, 30), "1.37",
            ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (30)"] },
        { "TestValidateSleepAction@U37/longer than gracePeriod", SleepPod(5, 3), "1.37",
            ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: 5: must be non-negative and less than terminationGracePeriodSeconds (3)"] },
        { "TestValidateSleepAction@U37/sleep duration of zero", SleepPod(0, 30), "1.37", [] },
        { "TestValidateSleepAction@U37/zero grace period duration", SleepPod(0, 0), "1.37", [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_agrees_at_every_release_it_names(string id, string manifest, string releases, string[] expected)
    {
        foreach (string release in releases.Split(','))
        {
            Assert.True(KubernetesVersion.TryParse(release, out var version, out _), release);
            var profile = Profile.For(version);
            var read = PodManifestReader.ReadText(manifest, id, version);
            Assert.True(read.Diagnostics.IsEmpty, $"{id} at {release}: {string.Join("; ", read.Diagnostics)}");
            var actual = CreateAnswer.Of(Assert.Single(read.Pods).Pod, profile).Lines;
            string where = $"{id} at {release}:\n  expected: {string.Join("\n    ", expected)}\n  actual: {string.Join("\n    ", actual)}";
            Assert.True(expected.Length == actual.Count, where);
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.True(actual[i].StartsWith(expected[i], StringComparison.Ordinal), where);
            }
        }
    }
}
