using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Admission;

internal static partial class DisabledFields
{
    private sealed partial class Dropper
    {
        /// <summary>
        /// In util.go's order: resizePolicy without InPlacePodVerticalScaling (ADM-087); an init container's
        /// restartPolicy without SidecarContainers; dropContainerRestartRules without ContainerRestartRules (1.34+, ADM-088:
        /// an init container keeps <c>Always</c>, every other restartPolicy and all restartPolicyRules go). Both drops set the
        /// slices to nil in every container list (util.go v1.34.1, openshift/openshift-apiserver <c>71b7016d0</c>), so an
        /// explicit empty list goes too, with its mark. volumeMounts'
        /// recursiveReadOnly goes with the other volume fields (DEF-409, PodDefaulter).
        /// </summary>
        public PodSpec ContainerPolicies(PodSpec spec)
        {
            if (!ContainersHaveGatedFields)
            {
                return spec;
            }

            spec = EachContainer(spec, (c, path) =>
            {
                // Go sets the slice to nil, so an explicit `resizePolicy: []` goes too (it would make an ephemeral
                // container's resizePolicy set, VAL-016).
                if ((c.ResizePolicy.IsEmpty && !c.ResizePolicyGivenEmpty) || !Off("InPlacePodVerticalScaling"))
                {
                    return c;
                }

                Dropped(AdmissionRules.DropResizePolicy, path + ".resizePolicy", "InPlacePodVerticalScaling");
                return c with { ResizePolicy = ValueList<ContainerResizePolicy>.Empty, ResizePolicyGivenEmpty = false };
            });

            if (AnyInitRestartPolicy(spec.InitContainers) && Off("SidecarContainers"))
            {
                var init = spec.InitContainers.AsSpan().ToArray();
                for (int i = 0; i < init.Length; i++)
                {
                    if (init[i].RestartPolicy is not null)
                    {
                        Dropped(AdmissionRules.DropContainerRestartPolicy, Index("spec.initContainers", i) + ".restartPolicy", "SidecarContainers");
                        init[i] = init[i] with { RestartPolicy = null };
                    }
                }

                spec = spec with { InitContainers = init };
            }

            return EachContainer(spec, (c, path) =>
            {
                bool init = path.StartsWith("spec.initContainers", StringComparison.Ordinal);
                bool policy = c.RestartPolicy is not null && !(init && c.RestartPolicy == "Always");
                bool rules = !c.RestartPolicyRules.IsEmpty || c.RestartPolicyRulesGivenEmpty;
                if ((!policy && !rules) || !Off("ContainerRestartRules"))
                {
                    return c;
                }

                if (policy)
                {
                    Dropped(AdmissionRules.DropContainerRestartPolicy, path + ".restartPolicy", "ContainerRestartRules");
                }

                // An explicit `restartPolicyRules: []` goes too (Go sets nil; VAL-016).
                if (rules)
                {
                    Dropped(AdmissionRules.DropContainerRestartPolicy, path + ".restartPolicyRules", "ContainerRestartRules");
                }

                return c with { RestartPolicy = policy ? null : c.RestartPolicy, RestartPolicyRules = ValueList<ContainerRestartRule>.Empty, RestartPolicyRulesGivenEmpty = false };
            });
        }

        /// <summary>
        /// env[].valueFrom.fileKeyRef without EnvFiles (ADM-091; the now empty valueFrom stays, and validation says so);
        /// then lifecycle sleep handlers without PodLifecycleSleepAction (ADM-092: a handler left with no action goes, and so
        /// does a lifecycle left empty — or empty from the start: dropPodLifecycleSleepAction tests every container's
        /// lifecycle after adjusting it, whether or not it had a sleep). In 1.29 dropDisabledFields only cleared each
        /// handler's sleep, keeping the handler (so validation reports it has no handler type) and the lifecycle.
        /// </summary>
        public PodSpec EnvFilesAndSleep(PodSpec spec)
        {
            if (!ContainersHaveGatedFields)
            {
                return spec;
            }

            spec = EachContainer(spec, (c, path) =>
            {
                bool any = false;
                foreach (var e in c.Env)
                {
                    any |= e.ValueFrom?.FileKeyRef is not null;
                }

                if (!any || !Off("EnvFiles"))
                {
                    return c;
                }

                var env = c.Env.AsSpan().ToArray();
                for (int j = 0; j < env.Length; j++)
                {
                    if (env[j].ValueFrom is { FileKeyRef: not null } source)
                    {
                        Dropped(AdmissionRules.DropFileKeyRef, Index(path + ".env", j) + ".valueFrom.fileKeyRef", "EnvFiles");
                        env[j] = env[j] with { ValueFrom = source with { FileKeyRef = null } };
                    }
                }

                return c with { Env = env };
            });

            return EachContainer(spec, (c, path) =>
            {
                if (c.Lifecycle is not { } lifecycle || !Off("PodLifecycleSleepAction"))
                {
                    return c;
                }

                if (Version < SleepHandlerRemovalSince)
                {
                    return c with { Lifecycle = SleepCleared(lifecycle, path + ".lifecycle") };
                }

                // Every lifecycle is visited, not only one with a sleep: one that is (or is left) without a handler and a
                // stop signal goes, so an empty `lifecycle: {}` is dropped too.
                if (lifecycle.PreStop is null && lifecycle.PostStart is null && lifecycle.StopSignal is null)
                {
                    Dropped(AdmissionRules.DropSleepAction, path + ".lifecycle", "PodLifecycleSleepAction");
                    return c with { Lifecycle = null };
                }

                if (lifecycle.PreStop?.SleepSeconds is null && lifecycle.PostStart?.SleepSeconds is null)
                {
                    return c;
                }

                var preStop = WithoutSleep(lifecycle.PreStop, path + ".lifecycle.preStop");
                var postStart = WithoutSleep(lifecycle.PostStart, path + ".lifecycle.postStart");
                lifecycle = lifecycle with { PreStop = preStop, PostStart = postStart };
                bool empty = preStop is null && postStart is null && lifecycle.StopSignal is null;
                return c with { Lifecycle = empty ? null : lifecycle };
            });
        }

        /// <summary>
        /// dropPodLifecycleSleepAction (handlers and lifecycles left empty go) replaced 1.29's loops, which set only
        /// <c>Sleep = nil</c> (rancher/support-bundle-kit c37d268c4, v1.29.9); the 1.32.1 copy (openshift-apiserver
        /// c596b6e88) has the new form. 1.30 and 1.31 are not read: the model gives them the new form (**unverified**).
        /// </summary>
        private static readonly KubernetesVersion SleepHandlerRemovalSince = new(1, 30);

        /// <summary>1.29: each handler's sleep cleared, the handler kept even when nothing is left in it.</summary>
        private Lifecycle SleepCleared(Lifecycle lifecycle, string path)
        {
            if (lifecycle.PreStop?.SleepSeconds is null && lifecycle.PostStart?.SleepSeconds is null)
            {
                return lifecycle;
            }

            var preStop = lifecycle.PreStop;
            if (preStop?.SleepSeconds is not null)
            {
                Dropped(AdmissionRules.DropSleepAction, path + ".preStop.sleep", "PodLifecycleSleepAction");
                preStop = preStop with { SleepSeconds = null };
            }

            var postStart = lifecycle.PostStart;
            if (postStart?.SleepSeconds is not null)
            {
                Dropped(AdmissionRules.DropSleepAction, path + ".postStart.sleep", "PodLifecycleSleepAction");
                postStart = postStart with { SleepSeconds = null };
            }

            return lifecycle with { PreStop = preStop, PostStart = postStart };
        }

        private ProbeHandler? WithoutSleep(ProbeHandler? handler, string path)
        {
            if (handler?.SleepSeconds is null)
            {
                return handler;
            }

            Dropped(AdmissionRules.DropSleepAction, path + ".sleep", "PodLifecycleSleepAction");
            return handler.ExecCommand is null && handler.HttpGet is null && handler.TcpSocketPort is null ? null : handler with { SleepSeconds = null };
        }

        /// <summary>ADM-094: lifecycle.stopSignal without ContainerStopSignals; a lifecycle left empty goes.</summary>
        public PodSpec StopSignals(PodSpec spec) => !ContainersHaveGatedFields ? spec : EachContainer(spec, (c, path) =>
        {
            if (c.Lifecycle?.StopSignal is null || !Off("ContainerStopSignals"))
            {
                return c;
            }

            Dropped(AdmissionRules.DropStopSignal, path + ".lifecycle.stopSignal", "ContainerStopSignals");
            var lifecycle = c.Lifecycle with { StopSignal = null };
            return c with { Lifecycle = lifecycle.PreStop is null && lifecycle.PostStart is null ? null : lifecycle };
        });

        private static bool AnyInitRestartPolicy(ValueList<Container> init)
        {
            foreach (var c in init)
            {
                if (c.RestartPolicy is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
