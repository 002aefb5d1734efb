using PodConformance.Model.Api;
using PodConformance.Model.Printing;
using static PodConformance.Model.Tests.Printing.PrintPodFixtures;

namespace PodConformance.Model.Tests.Printing;

/// <summary>The table text, checked against the outputs the seed tutorial shows (where they are exact).</summary>
public class PodTableTests
{
    private static Pod WebApp(TimeSpan age, int restarts = 0, TimeSpan? lastRestart = null) => new()
    {
        Metadata = new ObjectMeta { Name = "web-app", CreationTimestamp = Now - age },
        Spec = new PodSpec { Containers = [new() { Name = "web" }], NodeName = "node-1" },
        Status = new PodStatus
        {
            Phase = "Running",
            PodIP = "10.1.0.15",
            Conditions = [Condition("Ready", "True")],
            ContainerStatuses =
            [
                new()
                {
                    Name = "web", Ready = true, State = Running, RestartCount = restarts,
                    LastState = lastRestart is { } ago ? FinishedAgo(ago) : new ContainerState(),
                },
            ],
        },
    };

    [Fact]
    public void Tutorial_get_pod()
    {
        string text = PodTable.Format([PodPrinter.Row(WebApp(TimeSpan.FromSeconds(12)), Now)]);
        Assert.Equal(
            "NAME      READY   STATUS    RESTARTS   AGE\n" +
            "web-app   1/1     Running   0          12s\n", text);
    }

    [Fact]
    public void Tutorial_restarts_ago()
    {
        string text = PodTable.Format([PodPrinter.Row(WebApp(TimeSpan.FromMinutes(10), 3, TimeSpan.FromMinutes(2)), Now)]);
        Assert.Equal(
            "NAME      READY   STATUS    RESTARTS     AGE\n" +
            "web-app   1/1     Running   3 (2m ago)   10m\n", text);
    }

    [Fact]
    public void Wide_table_has_no_trailing_spaces()
    {
        string text = PodTable.Format([PodPrinter.Row(WebApp(TimeSpan.FromSeconds(30)), Now)], wide: true);
        Assert.Equal(
            "NAME      READY   STATUS    RESTARTS   AGE   IP          NODE     NOMINATED NODE   READINESS GATES\n" +
            "web-app   1/1     Running   0          30s   10.1.0.15   node-1   <none>           <none>\n", text);
    }

    [Fact]
    public void No_headers_and_no_rows()
    {
        Assert.Equal("", PodTable.Format([]));
        Assert.Equal("web-app   1/1   Running   0     12s\n", PodTable.Format([PodPrinter.Row(WebApp(TimeSpan.FromSeconds(12)), Now)], noHeaders: true));
    }

    /// <summary>
    /// kubectl get -w: one tab writer, one flush per event; RememberWidths keeps columns from narrowing, and a
    /// wider STATUS widens that column for later lines only. The tutorial's "PodInitializing   0   4s" is hand-spaced.
    /// </summary>
    [Fact]
    public void Watch_remembers_widths()
    {
        var writer = new KubectlTabWriter();
        var spec = new PodSpec { InitContainers = [new() { Name = "init" }], Containers = [new() { Name = "a" }, new() { Name = "b" }] };
        Pod At(TimeSpan age, PodStatus status) => new() { Metadata = new ObjectMeta { Name = "fullstack-pod", CreationTimestamp = Now - age }, Spec = spec, Status = status };
        var initializing = At(TimeSpan.FromSeconds(2), new PodStatus
        {
            Phase = "Pending",
            InitContainerStatuses = [new() { Name = "init", State = Running }],
            ContainerStatuses = [new() { Name = "a", State = Waiting("PodInitializing") }, new() { Name = "b", State = Waiting("PodInitializing") }],
        });
        var podInitializing = At(TimeSpan.FromSeconds(4), initializing.Status! with
        {
            InitContainerStatuses = [new() { Name = "init", State = Terminated("Completed") }],
        });

        string first = PodTable.Lines(writer, [PodPrinter.Row(initializing, Now)], wide: false, header: true);
        string second = PodTable.Lines(writer, [PodPrinter.Row(podInitializing, Now)], wide: false, header: false);
        Assert.Equal(
            "NAME            READY   STATUS     RESTARTS   AGE\n" +
            "fullstack-pod   0/2     Init:0/1   0          2s\n", first);
        Assert.Equal("fullstack-pod   0/2     PodInitializing   0          4s\n", second);
    }

    [Fact]
    public void Column_width_counts_runes_not_utf16_units()
    {
        var writer = new KubectlTabWriter();
        string text = writer.Flush([["a\U0001F600", "x"], ["bb", "y"]]);
        Assert.Equal("a\U0001F600    x\nbb    y\n", text); // 2 runes each: minwidth 6 wins over 2 + padding 3
    }
}
