using System.Diagnostics;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Quantities;
using PodConformance.Model.Simulation;

namespace PodConformance.Adapters.Cluster.Tests;

/// <summary>Scenario → manifest rendering (spec/adapter-cluster.md, "Rendering"), including the scripts run by a real sh.</summary>
public class RenderingTests
{
    private static readonly Dictionary<string, string> Labels = new() { [ClusterInfo.ManagedByLabel] = ClusterInfo.ManagedByValue };

    private static Pod Two => TestPods.Read("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: prod, labels: {app: web}}
        spec:
          initContainers:
          - {name: setup, image: alpine:3.20}
          - {name: log, image: fluentd:1, restartPolicy: Always}
          containers:
          - name: web
            image: nginx:1.25
            readinessProbe: {httpGet: {path: /, port: 80}}
            resources: {limits: {memory: 128Mi}}
          - {name: cache, image: redis:7}
        """);

    private static Scenario Script(params (string Container, ContainerRun[] Runs)[] containers) => new()
    {
        Images = new ImageCatalog { Missing = ValueList.Of("redis:7") },
        Pods = ValueMap.Of(("web", new PodScript { Containers = ValueMap.Of(containers.Select(c => (c.Container, new ContainerScript(c.Runs.ToValueList()))).ToArray()) })),
    };

    [Fact]
    public void Containers_run_the_image_with_sh_and_keep_resources_namespace_and_labels_are_the_run_s()
    {
        var scenario = Script(("web", [new ContainerRun { ExitCode = 1, After = TimeSpan.FromSeconds(3) }]));
        var pod = ScenarioRendering.Render(Two, scenario, "podconf-x-1", Labels, new RenderSettings("busybox:1.36"));
        Assert.Equal("podconf-x-1", pod.Metadata.Namespace);
        Assert.Equal("web", pod.Metadata.Labels["app"]);
        Assert.Equal("podconf", pod.Metadata.Labels[ClusterInfo.ManagedByLabel]);
        var web = pod.Spec.Containers[0];
        Assert.Equal("busybox:1.36", web.Image);
        Assert.Equal(["sh", "-c"], web.Command.Take(2));
        Assert.Contains("sleep 3 & wait $!; exit 1", web.Command[2], StringComparison.Ordinal);
        Assert.Null(web.ReadinessProbe); // the image's probe cannot work in busybox; readyAfter 0 needs none
        Assert.Equal("128Mi", web.Resources.Limits["memory"].ToString());
        Assert.Contains(pod.Spec.Volumes, v => v.Name == ScenarioRendering.StateVolume && v.EmptyDir is not null);
        Assert.All(pod.Spec.InitContainers.Concat(pod.Spec.Containers), c => Assert.Contains(c.VolumeMounts, m => m.MountPath == ScenarioRendering.StateDir));
    }

    [Fact]
    public void Missing_images_get_a_tag_that_does_not_exist()
    {
        var pod = ScenarioRendering.Render(Two, Script(), "ns", Labels, new RenderSettings("registry.example/tools/busybox:1.36@sha256:abc"));
        Assert.Equal("registry.example/tools/busybox:" + ScenarioRendering.MissingTag, pod.Spec.Containers[1].Image);
        Assert.Equal("registry.example/tools/busybox:1.36@sha256:abc", pod.Spec.Containers[0].Image);
    }

    [Fact]
    public void Readiness_delays_become_a_marker_probe_and_sidecars_get_a_startup_probe()
    {
        var scenario = Script(("web", [new ContainerRun { ReadyAfter = TimeSpan.FromSeconds(2) }]), ("log", [new ContainerRun { ReadyAfter = TimeSpan.FromSeconds(1) }]));
        var pod = ScenarioRendering.Render(Two, scenario, "ns", Labels, new RenderSettings("busybox:1.36"));
        var probe = pod.Spec.Containers[0].ReadinessProbe!;
        Assert.Equal(["test", "-f", "/podconf-state/web.ready"], probe.Handler.ExecCommand!.Value);
        Assert.Equal(1, probe.PeriodSeconds);
        Assert.Contains("(sleep 2; touch /podconf-state/web.ready) & ", pod.Spec.Containers[0].Command[2], StringComparison.Ordinal);
        var log = pod.Spec.InitContainers[1];
        Assert.NotNull(log.StartupProbe);
        Assert.Null(log.ReadinessProbe);
        Assert.Null(pod.Spec.InitContainers[0].ReadinessProbe);
        Assert.Contains("exit 0", pod.Spec.InitContainers[0].Command[2], StringComparison.Ordinal); // plain init default: exits 0 after 1s
    }

    [Fact]
    public void Memory_allocation_touches_exactly_the_amount()
    {
        string run = ScenarioRendering.Run("/s/app", new ContainerRun { AllocateMemory = Quantity.Parse("600Mi"), After = TimeSpan.FromSeconds(10) });
        Assert.Equal("touch /s/app.ready; sleep 10 & wait $!; dd if=/dev/zero of=/dev/null bs=629145600 count=1 2>/dev/null; while :; do sleep 3600 & wait $!; done", run);
    }

    [Fact]
    public void Env_printing_is_off_unless_asked_and_then_delimited()
    {
        var runs = new[] { ContainerRun.Default };
        Assert.DoesNotContain("env", ScenarioRendering.Script("a", runs, printEnv: false).Replace("podconf-state", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("echo '" + ScenarioRendering.EnvBegin + "'; env; echo '" + ScenarioRendering.EnvEnd + "'", ScenarioRendering.Script("a", runs, printEnv: true), StringComparison.Ordinal);
    }

    /// <summary>Runs the rendered program in the machine's sh (the state dir moved to a temp dir): run 1 exits 3, run 2 exits 0, later runs too.</summary>
    [Fact]
    public void Successive_runs_follow_the_scenario_in_a_real_shell()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        string dir = Directory.CreateTempSubdirectory("podconf-render-").FullName;
        try
        {
            string script = ScenarioRendering.Script("app", [new ContainerRun { ExitCode = 3, After = TimeSpan.FromMilliseconds(100) }, new ContainerRun { ExitCode = 0 }], printEnv: false)
                .Replace(ScenarioRendering.StateDir, dir, StringComparison.Ordinal);
            Assert.Equal(3, Sh(script));
            Assert.Equal(0, Sh(script));
            Assert.Equal(0, Sh(script));
            Assert.Equal("3", File.ReadAllText(Path.Combine(dir, "app.runs")).Trim());
            Assert.True(File.Exists(Path.Combine(dir, "app.ready")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_running_forever_container_exits_0_on_sigterm()
    {
        if (!File.Exists("/bin/sh"))
        {
            return;
        }

        string dir = Directory.CreateTempSubdirectory("podconf-render-").FullName;
        try
        {
            string script = ScenarioRendering.Script("app", [ContainerRun.Default], printEnv: false).Replace(ScenarioRendering.StateDir, dir, StringComparison.Ordinal);
            using var p = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })!;
            var ready = Path.Combine(dir, "app.ready");
            // Waits for the script's ready file (the event), under a bound no busy machine reaches.
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
            while (!File.Exists(ready) && !p.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            Assert.True(File.Exists(ready));
            Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
            Assert.Equal(0, p.ExitCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int Sh(string script)
    {
        using var p = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })!;
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)));
        return p.ExitCode;
    }
}
