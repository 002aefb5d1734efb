using FsCheck;
using FsCheck.Fluent;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Kubelet;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Generators;

/// <summary>
/// Pods with a RestartAllContainers rule (KEP-5532, 1.35+ alpha) and a script whose exits do or do not match it: the
/// shape behind SIM-016 (restart the pod in place), PHASE-014/015/020 (phase and statuses while it restarts) and COND-009
/// (AllContainersRestarting). The rule's gate is off in 1.35's defaults (on from 1.36), so each case carries the gates it needs
/// (<see cref="ScenarioCase.Gates"/>); valid by construction: the rule's container has its own restartPolicy (VAL-041).
/// </summary>
public static class RestartAllGen
{
    /// <summary>Exit codes a rule names: the e2e tests' 42 and two more; 1 is the code a non-matching exit uses.</summary>
    public static IReadOnlyList<int> RuleCodes { get; } = [42, 3, 137];

    /// <summary>
    /// The gates to turn on over <paramref name="profile"/> so RestartAllContainers rules are admitted and acted on:
    /// RestartAllContainersOnContainerExits and whichever of its dependencies are off. Null when the release has no such
    /// gate, or the run's <c>--feature-gates</c> turned one of them off (the combined overrides must parse as
    /// component-base would accept them: no locked gate flipped, every dependency on).
    /// </summary>
    public static ValueMap<bool>? GatesFor(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        string[] needed = [FeatureGateNames.ContainerRestartRules, NodeDeclaredFeatures, FeatureGateNames.RestartAllContainersOnContainerExits];
        var gates = new List<(string, bool)>();
        foreach (string gate in needed)
        {
            if (FeatureGateCatalog.Find(gate)?.StageAt(profile.Version) is null
                || (profile.Overrides.TryGetValue(gate, out bool set) && !set))
            {
                return null;
            }

            if (!profile.IsEnabled(gate))
            {
                gates.Add((gate, true));
            }
        }

        var text = new List<string>();
        foreach (var (name, on) in profile.Overrides)
        {
            text.Add(name + "=" + (on ? "true" : "false"));
        }

        foreach (var (name, _) in gates)
        {
            text.Add(name + "=true");
        }

        return FeatureGateParser.TryParse(string.Join(",", text), profile.Version, out _, out _) ? ValueMap.Of([.. gates]) : null;
    }

    private const string NodeDeclaredFeatures = nameof(NodeDeclaredFeatures);

    /// <summary>
    /// A runnable valid pod in which one regular container gets its own restartPolicy and a RestartAllContainers rule
    /// (sometimes after a Restart rule for another code), and exits after 5 s with a code the rule names (mostly) or 1;
    /// its later runs exit the same way once more, or run on. A sidecar (the pod's first, or one added after its init
    /// containers) takes 5 s to start, at creation and again after the restart: while it starts
    /// again no regular container has run in the new sandbox, so the sidecar alone keeps the pod Pending (PHASE-007's
    /// sidecar branch, which nothing else reaches: PHASE-016). Null when <see cref="GatesFor"/> is.
    /// </summary>
    public static Gen<ScenarioCase>? Case(Profile profile)
    {
        if (GatesFor(profile) is not { } gates)
        {
            return null;
        }

        return
            from pod in PodGen.Valid
            from index in Gen.Choose(0, pod.Spec.Containers.Count - 1)
            from own in Gen.Elements(ContainerRestartPolicy.Never, ContainerRestartPolicy.OnFailure, ContainerRestartPolicy.Always)
            from podPolicy in Gen.Elements("Always", "OnFailure", "Never")
            from code in Gen.Elements(RuleCodes.ToArray())
            from notIn in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            from restartFirst in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
            from matches in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
            from again in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
            from after in Gen.Elements(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20))
            let runnable = ScenarioGen.Runnable(pod.Spec)
            let existing = runnable.InitContainers.FirstOrDefault(c => c.IsSidecarPolicy)
            let sidecar = existing ?? new Container { Name = ShapeGen.Unused(runnable, "sidecar"), Image = "busybox", RestartPolicy = "Always" }
            let spec = existing is not null ? runnable : runnable with { InitContainers = runnable.InitContainers.Add(sidecar) }
            let source = spec.Containers[index]
            let rules = Rules(code, notIn, restartFirst)
            // A NotIn rule matches every code but the one it names: exit 1 matches it, the named code does not.
            let exit = matches != notIn ? code : 1
            let run = new ContainerRun { ExitCode = exit, After = after }
            select new ScenarioCase(
                pod with
                {
                    Spec = spec with
                    {
                        RestartPolicy = podPolicy,
                        Containers = spec.Containers.SetItem(index, source with { RestartPolicy = own, RestartPolicyRules = rules }),
                    },
                },
                new Scenario
                {
                    Until = TimeSpan.FromMinutes(2),
                    Pods = ValueMap.Of((pod.Metadata.Name, new PodScript
                    {
                        Containers = ValueMap.Create(Scripts(source.Name, new ContainerScript(again ? ValueList.Of(run, run, new ContainerRun()) : ValueList.Of(run, new ContainerRun())), sidecar)),
                    })),
                })
            { Gates = gates };
    }

    /// <summary>The rule container's script and the slow sidecar's.</summary>
    private static KeyValuePair<string, ContainerScript>[] Scripts(string container, ContainerScript script, Container sidecar) =>
        [KeyValuePair.Create(container, script), KeyValuePair.Create(sidecar.Name, new ContainerScript(ValueList.Of(new ContainerRun { ReadyAfter = SidecarStartup })))];

    /// <summary>How long the slow sidecar takes to start, each time it starts.</summary>
    public static TimeSpan SidecarStartup { get; } = TimeSpan.FromSeconds(5);

    private static ValueList<ContainerRestartRule> Rules(int code, bool notIn, bool restartFirst)
    {
        var all = new ContainerRestartRule
        {
            Action = ContainerRestartPolicy.ActionRestartAllContainers,
            ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = notIn ? ContainerRestartPolicy.OperatorNotIn : ContainerRestartPolicy.OperatorIn, Values = [code] },
        };
        if (!restartFirst)
        {
            return [all];
        }

        // A Restart rule for a code this script never exits with: it is checked first and never decides.
        return [new ContainerRestartRule { Action = ContainerRestartPolicy.ActionRestart, ExitCodes = new ContainerRestartRuleOnExitCodes { Operator = ContainerRestartPolicy.OperatorIn, Values = [2] } }, all];
    }
}
