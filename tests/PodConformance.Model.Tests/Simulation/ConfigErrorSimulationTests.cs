using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Model.Events;
using PodConformance.Model.Printing;
using PodConformance.Model.Simulation;
using static PodConformance.Model.Tests.Simulation.SimulatorFixtures;

namespace PodConformance.Model.Tests.Simulation;

/// <summary>SIM-014: config errors (ENV-009, ENV-011) in the lifecycle: CreateContainerConfigError, retries, recovery.</summary>
public class ConfigErrorSimulationTests
{
    private static Container FromConfigMap(string name, string key = "mode", bool? optional = null) => C("app") with
    {
        Env = ValueList.Of(new EnvVar
        {
            Name = "MODE",
            ValueFrom = new EnvVarSource { ConfigMapKeyRef = new KeySelector { Name = name, Key = key, Optional = optional } },
        }),
    };

    private static ClusterObject Cfg(params (string, string)[] data) => ClusterObject.ConfigMap("", "cfg", ValueMap.Of(data));

    [Fact]
    public void A_missing_configmap_keeps_the_container_waiting_with_the_kubelets_message_and_retries_every_10s()
    {
        var r = Run(Pod("web", "", null, FromConfigMap("cfg")), untilSeconds: 45);
        Assert.Equal(["Pending", "ContainerCreating", "CreateContainerConfigError"], Statuses(r, "web"));
        var waiting = Last(r, "web").Status!.ContainerStatuses[0].State.Waiting!;
        Assert.Equal(("CreateContainerConfigError", "configmap \"cfg\" not found"), (waiting.Reason, waiting.Message));
        Assert.Equal("Pending", Last(r, "web").Status!.Phase);

        // The first attempt after the pull (t=2s), then one every 10 s (the pod worker's error requeue): 12, 22, 32, 42.
        var failures = r.EventsFor("web").Where(e => e.Reason == EventReasons.Failed).ToList();
        Assert.All(failures, f => Assert.Equal("Error: configmap \"cfg\" not found", f.Message));
        Assert.Equal([2, 12, 22, 32, 42], failures.Select(f => (int)(f.FirstTimestamp - r.Start).TotalSeconds));

        // The image is pulled once; each retry finds it present (IfNotPresent) and records so.
        Assert.Single(r.EventsFor("web"), e => e.Reason == EventReasons.Pulling);
        Assert.Equal(4, r.EventsFor("web").Count(e => e.Reason == EventReasons.Pulled && e.Message.Contains("already present", StringComparison.Ordinal)));
        Assert.DoesNotContain(r.EventsFor("web"), e => e.Reason == EventReasons.Created);
        Assert.Equal(0, Last(r, "web").Status!.ContainerStatuses[0].RestartCount);
    }

    [Fact]
    public void The_container_starts_at_the_first_retry_after_a_step_creates_the_object()
    {
        var scenario = new Scenario { Steps = ValueList.Of(new ScenarioStep { At = TimeSpan.FromSeconds(15), Create = Cfg(("mode", "prod")) }) };
        var r = Run(Pod("web", "", null, FromConfigMap("cfg")), scenario, untilSeconds: 60);
        Assert.Equal(["Pending", "ContainerCreating", "CreateContainerConfigError", "Running"], Statuses(r, "web"));
        var started = Assert.Single(r.EventsFor("web"), e => e.Reason == EventReasons.Started);
        Assert.Equal(r.Start + TimeSpan.FromSeconds(22), started.FirstTimestamp);
        Assert.Equal(0, Last(r, "web").Status!.ContainerStatuses[0].RestartCount);
    }

    [Fact]
    public void A_missing_key_names_the_configmap_with_its_namespace()
    {
        var r = Run(Pod("web", "", null, FromConfigMap("cfg", "level")), new Scenario { Objects = ValueList.Of(Cfg(("mode", "prod"))) }, untilSeconds: 10);
        Assert.Equal("couldn't find key level in ConfigMap default/cfg", Last(r, "web").Status!.ContainerStatuses[0].State.Waiting!.Message);
    }

    [Fact]
    public void An_optional_reference_to_a_missing_configmap_starts_normally()
    {
        var r = Run(Pod("web", "", null, FromConfigMap("cfg", optional: true)), untilSeconds: 10);
        Assert.Equal("Running", Last(r, "web").Status!.Phase);
    }

    [Fact]
    public void A_subPathExpr_with_an_undefined_variable_fails_after_the_environment_is_built()
    {
        var app = C("app") with
        {
            Env = ValueList.Of(new EnvVar { Name = "POD", Value = "web" }),
            VolumeMounts = ValueList.Of(new VolumeMount { Name = "logs", MountPath = "/logs", SubPathExpr = "$(POD)/$(NODE)" }),
        };
        var pod = Pod("web", "", null, app);
        pod = pod with { Spec = pod.Spec with { Volumes = ValueList.Of(new Volume { Name = "logs", SourceKind = "emptyDir", EmptyDir = new EmptyDirVolumeSource() }) } };
        var r = Run(pod, untilSeconds: 10);
        var waiting = Last(r, "web").Status!.ContainerStatuses[0].State.Waiting!;
        Assert.Equal((EnvError.Reason, "missing value for NODE"), (waiting.Reason, waiting.Message));
    }

    [Fact]
    public void An_init_container_config_error_shows_in_the_init_column()
    {
        var init = FromConfigMap("cfg") with { Name = "setup" };
        var r = Run(Pod("web", "", [init], C("app")), untilSeconds: 20);
        Assert.Equal("Init:CreateContainerConfigError", PodPrinter.Row(Last(r, "web"), r.End).Status);
    }
}
