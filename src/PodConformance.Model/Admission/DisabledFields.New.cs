using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;

namespace PodConformance.Model.Admission;

internal static partial class DisabledFields
{
    private sealed partial class Dropper
    {
        private static readonly KubernetesVersion Release137 = new(1, 37);

        /// <summary>
        /// ADM-096 (unverified: no 1.37 util.go was read): the probe fields 1.37 adds behind alpha gates are taken to be dropped
        /// like every other gated field when their gate is off: grpc.mode (GRPCContainerProbeTLS), httpGet.protocol
        /// (H2CContainerProbe). The volume fields of 1.37 are dropped with the other volume fields (DEF-409, PodDefaulter).
        /// </summary>
        public PodSpec NewIn137(PodSpec spec)
        {
            if (Version < Release137)
            {
                return spec;
            }

            if (!ContainersHaveGatedFields)
            {
                return spec;
            }

            return EachContainer(spec, (c, path) =>
            {
                var live = Probe(c.LivenessProbe, path + ".livenessProbe");
                var ready = Probe(c.ReadinessProbe, path + ".readinessProbe");
                var startup = Probe(c.StartupProbe, path + ".startupProbe");
                if (!ReferenceEquals(live, c.LivenessProbe) || !ReferenceEquals(ready, c.ReadinessProbe) || !ReferenceEquals(startup, c.StartupProbe))
                {
                    c = c with { LivenessProbe = live, ReadinessProbe = ready, StartupProbe = startup };
                }

                if (c.Lifecycle is { } lifecycle)
                {
                    var pre = Handler(lifecycle.PreStop, path + ".lifecycle.preStop");
                    var post = Handler(lifecycle.PostStart, path + ".lifecycle.postStart");
                    if (!ReferenceEquals(pre, lifecycle.PreStop) || !ReferenceEquals(post, lifecycle.PostStart))
                    {
                        c = c with { Lifecycle = lifecycle with { PreStop = pre, PostStart = post } };
                    }
                }

                return c;
            });
        }

        private Probe? Probe(Probe? probe, string path)
        {
            if (probe is null)
            {
                return null;
            }

            var handler = Handler(probe.Handler, path)!;
            return ReferenceEquals(handler, probe.Handler) ? probe : probe with { Handler = handler };
        }

        private ProbeHandler? Handler(ProbeHandler? handler, string path)
        {
            if (handler is null)
            {
                return null;
            }

            if (handler.GrpcMode is not null && Off(FeatureGateNames.GRPCContainerProbeTLS))
            {
                Dropped(AdmissionRules.DropNewFields137, path + ".grpc.mode", FeatureGateNames.GRPCContainerProbeTLS);
                handler = handler with { GrpcMode = null };
            }

            if (handler.HttpGet?.Protocol is not null && Off(FeatureGateNames.H2CContainerProbe))
            {
                Dropped(AdmissionRules.DropNewFields137, path + ".httpGet.protocol", FeatureGateNames.H2CContainerProbe);
                handler = handler with { HttpGet = handler.HttpGet with { Protocol = null } };
            }

            return handler;
        }
    }
}
