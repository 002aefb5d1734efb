using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Commands;

public class QosCommandTests
{
    private const string LimitsOnly = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: limits-only
          namespace: team-a
        spec:
          containers:
          - name: app
            image: nginx:1.25
            resources:
              limits:
                cpu: "1"
                memory: 1Gi
        """;

    [Fact]
    public void Defaulting_first_makes_a_limits_only_pod_Guaranteed()
    {
        var r = CliRun.WithStdin(LimitsOnly, "qos", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "NAMESPACE   NAME          QOS\n" +
            "team-a      limits-only   Guaranteed\n",
            r.Out);
    }

    [Fact]
    public void No_defaults_gives_the_upstream_unit_test_answer()
    {
        var r = CliRun.WithStdin(LimitsOnly, "qos", "--no-defaults", "-f", "-");
        Assert.Contains("limits-only   Burstable", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_is_the_list_of_stored_pods_with_their_class_in_input_order()
    {
        string two = LimitsOnly + "\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: be\nspec:\n  containers:\n  - name: c\n    image: busybox\n";
        var r = CliRun.WithStdin(two, "qos", "-o", "json", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        Assert.Equal("List", doc.RootElement.GetProperty("kind").GetString());
        var items = doc.RootElement.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal("team-a", items[0].GetProperty("metadata").GetProperty("namespace").GetString());
        Assert.Equal("limits-only", items[0].GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal("Guaranteed", items[0].GetProperty("status").GetProperty("qosClass").GetString());
        Assert.Equal("1Gi", items[0].GetProperty("spec").GetProperty("containers")[0].GetProperty("resources").GetProperty("requests").GetProperty("memory").GetString()); // defaulted from the limit
        Assert.Equal("BestEffort", items[1].GetProperty("status").GetProperty("qosClass").GetString());
        var wide = CliRun.WithStdin(two, "qos", "-o", "wide", "-f", "-");
        Assert.Matches(@"\ndefault +be +BestEffort +c +<none> +QOS-003,QOS-004,QOS-005\n", wide.Out);
    }

    [Fact]
    public void An_invalid_pod_gets_a_class_and_a_warning_not_a_refusal()
    {
        const string invalid = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n    image: x\n    resources:\n      requests: {cpu: 300m}\n      limits: {cpu: 50m}\n";
        var r = CliRun.WithStdin(invalid, "qos", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("bad    Burstable", r.Out, StringComparison.Ordinal);
        Assert.Contains("spec.containers[0].resources.requests: Invalid value: \"300m\": must be less than or equal to cpu limit of 50m", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_pods_without_images_still_get_a_class()
    {
        var r = CliRun.WithStdin("kind: Pod\napiVersion: v1\nspec:\n  containers:\n  - resources:\n      limits: {memory: 1Gi}\n", "qos", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("<none>", r.Out, StringComparison.Ordinal);
        Assert.Contains("Burstable", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Pod_level_resources_follow_the_profile()
    {
        const string podLevel = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: pl\nspec:\n  resources:\n    requests: {cpu: 1, memory: 1Gi}\n    limits: {cpu: 1, memory: 1Gi}\n  containers:\n  - name: c\n    image: busybox\n";
        Assert.Contains("Guaranteed", CliRun.WithStdin(podLevel, "qos", "-f", "-").Out, StringComparison.Ordinal);
        var old = CliRun.WithStdin(podLevel, "qos", "--kubernetes-version", "1.31", "-f", "-");
        Assert.Contains("BestEffort", old.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Syntax_errors_name_file_line_and_column_and_exit_2()
    {
        using var file = CliRun.File("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: c\n    resources:\n      limits:\n        cpu: 1x\n");
        var r = CliRun.Run("qos", "-f", file.Path);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(file.Path + ":10:14: spec.containers[0].resources.limits.cpu: ", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_fields_are_warned_about()
    {
        var r = CliRun.WithStdin("apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  bogus: 1\n  containers:\n  - name: c\n    image: i\n", "qos", "-f", "-");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("podconf: warning: <stdin>:6:3: unknown field \"spec.bogus\"", r.Error, StringComparison.Ordinal);
    }

    /// <summary>The tutorial's worked example (pods-module.md, "What Happens When Limits Are Exceeded"): requests below limits.</summary>
    [Fact]
    public void Tutorial_resource_demo_is_Burstable()
    {
        var r = CliRun.Run("qos", "-f", Repo.Path("golden", "seed", "manifests", "10-resources-resource-demo.yaml"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("resource-demo   Burstable", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_outside_the_hand_written_model_are_read_without_warnings_and_release_fields_are_checked()
    {
        const string pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  affinity: {}\n  containers:\n  - name: c\n    image: i\n    restartPolicyRules: []\n";
        Assert.Equal("", CliRun.WithStdin(pod, "qos", "-v", "-f", "-").Error);
        var r = CliRun.WithStdin(pod, "qos", "--kubernetes-version", "1.33", "-f", "-");
        Assert.Contains("podconf: warning: <stdin>:10:5: unknown field \"spec.containers[0].restartPolicyRules\"", r.Error, StringComparison.Ordinal);
    }
}
