using PodConformance.Model.Api;
using PodConformance.Model.Collections;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using static PodConformance.Model.Tests.Validation.TestPods;

namespace PodConformance.Model.Tests.Validation;

/// <summary>
/// PodValidator reuses one validation context per thread (issue 12: a valid pod's validation allocates nothing): whatever
/// an earlier validation on the thread left (errors, fields not checked, volumes, the profile's answers), a validation's
/// result is the one a thread that never validated gives.
/// </summary>
public class PodValidatorContextReuseTests
{
    private static readonly (Pod Pod, Profile Profile)[] Cases =
    [
        (Pod(Container("Bad_Name").WithResources(Res(("cpu", "-1")), Res(("memory", "1Gi")))).WithInit(Sidecar("side")), V(28)),
        (OneContainer(), Profile.Default),
        (new Pod { Metadata = new ObjectMeta { Name = "web" }, Spec = new PodSpec { Containers = ValueList.Of(new Container { Name = "app", Image = "nginx" }) } }, V(33)),
        (Pod(Container().WithResources(Res(("cpu", "2")), Res(("cpu", "1")))).WithInit(Sidecar("side")), Profile.Default),
        (OneContainer(), V(28)),
    ];

    [Fact]
    public void Each_result_is_the_one_a_fresh_thread_gives_whatever_ran_before_it()
    {
        var fresh = Cases.Select(c => OnFreshThread(() => Describe(PodValidator.Validate(c.Pod, c.Profile)))).ToArray();
        Assert.Contains(fresh, f => !f.StartsWith("\n--", StringComparison.Ordinal));
        Assert.Contains(fresh, f => f.StartsWith("\n--", StringComparison.Ordinal));

        // Every case after every other case (and after itself), on this thread.
        for (int before = 0; before < Cases.Length; before++)
        {
            for (int i = 0; i < Cases.Length; i++)
            {
                _ = PodValidator.Validate(Cases[before].Pod, Cases[before].Profile);
                Assert.Equal(fresh[i], Describe(PodValidator.Validate(Cases[i].Pod, Cases[i].Profile)));
            }
        }
    }

    private static string Describe(ValidationResult result) =>
        string.Join("\n", result.Errors.Select(e => e.Rule + " " + e)) + "\n--\n" + string.Join("\n", result.NotChecked.Select(n => n.ToString()));

    private static string OnFreshThread(Func<string> work)
    {
        string? answer = null;
        var thread = new Thread(() => answer = work());
        thread.Start();
        thread.Join();
        return answer!;
    }
}
