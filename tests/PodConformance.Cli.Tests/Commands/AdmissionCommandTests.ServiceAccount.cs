using PodConformance.Cli.Tests.Support;
using PodConformance.Generators;
using PodConformance.Model.Admission;
using PodConformance.Suite.Cases;

namespace PodConformance.Cli.Tests.Commands;

/// <summary>
/// A reported ServiceAccount case (ADM-030…036, session 15) replays with the command its report names:
/// <c>podconf validate -f case.yaml --objects case.yaml --objects-complete</c> answers as the model answered the case
/// (accepted, or refused with its text: a missing account, an unlisted Secret or pull secret).
/// </summary>
public partial class AdmissionCommandTests
{
    [Fact]
    public void A_reported_service_account_case_replays_with_validate_and_its_objects()
    {
        var cases = Seeds.Sample(ServiceAccountCases.Any, ReplaySeed.Of(4281), 16).Where(c => !c.Accounts.IsEmpty).ToList();
        Assert.Contains(cases, c => c.Rule is null);
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountLookup);
        Assert.Contains(cases, c => c.Rule == AdmissionRules.ServiceAccountMountableSecrets);
        AssertReplaysWithValidate(cases.Select(g => (new PodCase(g.Pod) { ServiceAccounts = g.Accounts }, g.Name)));
    }
}
