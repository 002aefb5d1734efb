using System.Text;
using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;
using PodConformance.Model.Kubelet;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// TestGenerateAllContainersRestartingCondition (COND-009) as data: upstream's defaultPod, the runtime's instances and
/// the old API condition of each case go through <see cref="AllContainersRestarting.Generate"/>, whose condition must
/// equal upstream's expected one (status, reason, message).
/// </summary>
public class AllContainersRestartingUpstreamDataTests
{
    private static readonly string[] CaseKeys = ["runtime", "oldConditionTrue", "phase", "volumesUnmounted", "want"];

    /// <summary>generate_test.go's defaultPod: container1, and trigger with its own restartPolicy Never and one RestartAllContainers rule for 42.</summary>
    private static PodSpec DefaultPod() => new()
    {
        Containers =
        [
            new Container { Name = "container1" },
            new Container
            {
                Name = "trigger",
                RestartPolicy = ContainerRestartPolicy.Never,
                RestartPolicyRules =
                [
                    new ContainerRestartRule
                    {
                        Action = ContainerRestartPolicy.ActionRestartAllContainers,
                        ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = ContainerRestartPolicy.OperatorIn, Values = [42] },
                    },
                ],
            },
        ],
    };

    [Fact]
    public void The_condition_matches_upstream()
    {
        var table = UpstreamTable.Load("kubelet/generate_all_containers_restarting_test.yaml", CaseKeys);
        Assert.Equal(6, table.Cases.Count);
        Assert.Equal(["container triggres RestartAllContainers rule, cleaned up but volumes not unmounted"], table.Pending);
        var failures = new StringBuilder();
        foreach (var c in table.Cases)
        {
            Assert.Equal("true", c.Text("volumesUnmounted"));
            var runtime = new List<AllContainersRestarting.Instance>();
            if (c.Raw.Get("runtime") is ManifestSequence seq)
            {
                foreach (var item in seq.Items.Cast<ManifestMapping>())
                {
                    string state = UpstreamTable.Text(item, "state");
                    Assert.True(state is "running" or "exited", c.Name + ": state " + state);
                    string code = UpstreamTable.Text(item, "exitCode");
                    runtime.Add(new AllContainersRestarting.Instance(
                        UpstreamTable.Text(item, "name"), state == "exited", code.Length == 0 ? 0 : int.Parse(code, System.Globalization.CultureInfo.InvariantCulture)));
                }
            }

            var condition = AllContainersRestarting.Generate(DefaultPod(), runtime, c.Text("oldConditionTrue") == "true", c.Text("phase"));
            var want = c.Map("want")!;
            string got = condition.Type + " " + condition.Status + " " + condition.Reason + " " + condition.Message;
            string expected = PodConditionNames.AllContainersRestarting + " " + UpstreamTable.Text(want, "status") + " " + UpstreamTable.Text(want, "reason") + " " + UpstreamTable.Text(want, "message");
            if (got != expected)
            {
                failures.Append(c.Name).Append(": got ").Append(got).Append(", want ").Append(expected).Append('\n');
            }
        }

        Assert.True(failures.Length == 0, table.Source + "@" + table.Commit + " " + table.Function + ":\n" + failures);
    }
}
