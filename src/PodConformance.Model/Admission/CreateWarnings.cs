using PodConformance.Model.Api;
using PodConformance.Model.Validation;
using PodConformance.Model.Warnings;

namespace PodConformance.Model.Admission;

/// <summary>
/// The warnings a Pod create returns, in the API server's order: those PrepareForCreate adds (the AppArmor version
/// skew, WARN-003), then WarningsOnCreate: first its own (ADM-075: a name that is not a DNS label, because the name
/// becomes the pod's hostname), then <c>GetWarningsForPod</c> (pkg/api/pod/warnings.go, <see cref="PodWarnings"/>) on
/// the object BeforeCreate holds: decoded with defaults, admitted and prepared.
/// </summary>
internal static class CreateWarnings
{
    /// <summary>
    /// A create that validation refuses still returns the warnings PrepareForCreate added: applyAppArmorVersionSkew calls
    /// <c>warning.AddWarning</c> itself (pkg/registry/core/pod/strategy.go), and BeforeCreate returns on a validation error
    /// before <c>WarningsOnCreate</c> (staging/src/k8s.io/apiserver/pkg/registry/rest/create.go, both at 3e4a7900d755).
    /// </summary>
    public static void AddBeforeValidation(Pod submitted, CreateRun run)
    {
        if (submitted.Metadata.Annotations.IsEmpty)
        {
            return;
        }

        var podWarnings = PodWarnings.ForPrepare(submitted, run.Profile);
        for (int i = 0; i < podWarnings.Count; i++)
        {
            // The recorder drops a text it already sent (apiserver endpoints/filters/warning.go): containers sharing a
            // name, which validation refuses, would otherwise warn twice.
            if (!Contains(run.Warnings, podWarnings[i].Text))
            {
                run.Warnings.Add(podWarnings[i]);
            }
        }
    }

    private static bool Contains(List<PodWarning> warnings, string text)
    {
        foreach (var w in warnings)
        {
            if (string.Equals(w.Text, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="submitted">The pod as decoded from the request (what applyAppArmorVersionSkew reads, <see cref="PodWarnings.ForPrepare"/>).</param>
    /// <param name="prepared">The pod after admission and PrepareForCreate, as WarningsOnCreate sees it (<see cref="PodWarnings.ForPod"/>; its name is the generated one when generateName was used).</param>
    /// <param name="run">The create the warnings are added to.</param>
    public static void Add(Pod submitted, Pod prepared, CreateRun run)
    {
        // Every text goes through the request's warning recorder, which drops one it already holds (apiserver
        // endpoints/filters/warning.go): GetWarningsForPod can repeat a text (two projected paths each colliding with
        // the same earlier one), and the client sees it once.
        var skew = PodWarnings.ForPrepare(submitted, run.Profile);
        for (int i = 0; i < skew.Count; i++)
        {
            Record(run, skew[i]);
        }

        string[] msgs = NameRules.Dns1123Label(prepared.Metadata.Name, run.Profile.Version);
        if (msgs.Length != 0)
        {
            // fmt's %v of a []string: the items space-separated in brackets.
            Record(run, new PodWarning(AdmissionRules.NameWarning,
                "metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [" + string.Join(" ", msgs) + "]"));
        }

        var podWarnings = PodWarnings.ForPod(prepared, run.Profile);
        for (int i = 0; i < podWarnings.Count; i++)
        {
            Record(run, podWarnings[i]);
        }
    }

    private static void Record(CreateRun run, PodWarning warning)
    {
        if (!Contains(run.Warnings, warning.Text))
        {
            run.Warnings.Add(warning);
        }
    }
}
