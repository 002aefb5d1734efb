using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Rules;

namespace PodConformance.Suite.Tests.Rules;

/// <summary>
/// ENV-019 in the env comparison: what the model did not check (a fileKeyRef into a volume whose files the case does
/// not give) is never compared as a value, while everything else still is; ENV-016's host path matches any pod UID.
/// </summary>
public class EnvFacetTests
{
    private static Pod FilePod(string key = "MODE") => new()
    {
        Metadata = new ObjectMeta { Name = "p", Namespace = "default" },
        Spec = new PodSpec
        {
            Containers =
            [
                new Container
                {
                    Name = "app",
                    Image = "busybox",
                    Env =
                    [
                        new EnvVar { Name = "PLAIN", Value = "p" },
                        new EnvVar { Name = "FROM_FILE", ValueFrom = new EnvVarSource { FileKeyRef = new FileKeySelector { VolumeName = "envfiles", Path = "app.env", Key = key } } },
                    ],
                },
            ],
            Volumes = [new Volume { Name = "envfiles", SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }],
        },
    };

    private static EnvObservation Observe(Pod pod, EnvInputs inputs) =>
        ModelAdapter.ObserveEnv(new PodCase(pod) { Objects = inputs }, Profile.For(new KubernetesVersion(1, 37)));

    private static EnvObservation Adapter(ValueMap<string>? vars = null, string? error = null) =>
        error is null
            ? new EnvObservation(ValueMap.Of(("app", vars!.Value)), ValueMap<string>.Empty)
            : new EnvObservation(ValueMap<ValueMap<string>>.Empty, ValueMap.Of(("app", error)));

    private static ValueMap<string> WithAdapterValues(EnvObservation expected, params (string Name, string? Value)[] changes)
    {
        var vars = expected.Containers["app"].ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                vars.Remove(name);
            }
            else
            {
                vars[name] = value;
            }
        }

        return ValueMap.Of([.. vars.Select(kv => (kv.Key, kv.Value))]);
    }

    [Fact]
    public void Files_not_given_make_the_model_say_not_checked()
    {
        var expected = Observe(FilePod(), EnvInputs.Empty);
        Assert.Equal(["FROM_FILE"], expected.NotChecked["app"]);
        Assert.StartsWith("<not checked:", expected.Containers["app"]["FROM_FILE"], StringComparison.Ordinal);
        Assert.Contains(EnvFacet.View(expected), l => l.Contains("not checked", StringComparison.Ordinal) && l.StartsWith("app: (", StringComparison.Ordinal));
    }

    [Fact]
    public void A_variable_not_checked_is_not_compared_but_the_others_are()
    {
        var expected = Observe(FilePod(), EnvInputs.Empty);
        Assert.True(EnvFacet.Compare(expected, Adapter(WithAdapterValues(expected, ("FROM_FILE", "anything")))).Pass);
        Assert.True(EnvFacet.Compare(expected, Adapter(WithAdapterValues(expected, ("FROM_FILE", null)))).Pass);
        var wrong = EnvFacet.Compare(expected, Adapter(WithAdapterValues(expected, ("FROM_FILE", "anything"), ("PLAIN", "q"))));
        Assert.False(wrong.Pass);
        Assert.Contains("PLAIN", wrong.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_the_file_is_unknown_its_errors_are_accepted_and_no_other()
    {
        var expected = Observe(FilePod(), EnvInputs.Empty);
        Assert.True(EnvFacet.Compare(expected, Adapter(error: FileKeyRefResolver.ParseError)).Pass);
        Assert.True(EnvFacet.Compare(expected, Adapter(error: "environment variable key \"MODE\" not found in file \"/var/lib/kubelet/pods/9f/volumes/kubernetes.io~empty-dir/envfiles/app.env\"")).Pass);
        Assert.False(EnvFacet.Compare(expected, Adapter(error: "configmap \"x\" not found")).Pass);
    }

    [Fact]
    public void Where_the_file_is_given_everything_is_compared()
    {
        var given = EnvInputs.Empty with { VolumeFiles = ValueMap.Of(("envfiles", ValueMap.Of(("app.env", "MODE='from-file'\n")))) };
        var expected = Observe(FilePod(), given);
        Assert.True(expected.NotChecked.IsEmpty);
        Assert.Equal("from-file", expected.Containers["app"]["FROM_FILE"]);
        Assert.False(EnvFacet.Compare(expected, Adapter(WithAdapterValues(expected, ("FROM_FILE", "other")))).Pass);
        Assert.False(EnvFacet.Compare(expected, Adapter(error: FileKeyRefResolver.ParseError)).Pass);
    }

    [Fact]
    public void The_models_pod_uid_placeholder_matches_one_path_element()
    {
        var given = EnvInputs.Empty with { VolumeFiles = ValueMap.Of(("envfiles", ValueMap.Of(("app.env", "OTHER='x'\n")))) };
        var expected = Observe(FilePod(), given);
        string want = expected.Errors["app"];
        Assert.Contains(FileKeyRefResolver.UidPlaceholder, want, StringComparison.Ordinal);
        Assert.True(EnvFacet.Compare(expected, Adapter(error: want.Replace(FileKeyRefResolver.UidPlaceholder, "6b1f-44", StringComparison.Ordinal))).Pass);
        Assert.False(EnvFacet.Compare(expected, Adapter(error: want.Replace(FileKeyRefResolver.UidPlaceholder, "a/b", StringComparison.Ordinal))).Pass);
        Assert.False(EnvFacet.Compare(expected, Adapter(error: want.Replace(FileKeyRefResolver.UidPlaceholder, "", StringComparison.Ordinal))).Pass);
        Assert.False(EnvFacet.MessagesMatch("couldn't parse env file", "couldn't parse env file!"));
    }
}
