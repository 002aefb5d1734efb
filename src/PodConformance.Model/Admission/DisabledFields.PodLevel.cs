using PodConformance.Model.Api;

namespace PodConformance.Model.Admission;

internal static partial class DisabledFields
{
    private sealed partial class Dropper
    {
        /// <summary>ADM-081: dropDisabledPodLevelResources.</summary>
        public PodSpec PodLevelResources(PodSpec spec)
        {
            if (spec.Resources is null || !Off("PodLevelResources"))
            {
                return spec;
            }

            Dropped(AdmissionRules.DropPodLevelResources, "spec.resources", "PodLevelResources");
            return spec with { Resources = null };
        }
    }
}
