using PodConformance.Model.Admission.Objects;
using PodConformance.Model.Api;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary>
/// Protocol v1 has no member for RuntimeClass objects (spec/adapter-protocol.md PROTO-015, spec/admission.md ADM-014…018):
/// a case that carries them is answered "not performed" without being sent, so an adapter that would ignore them never
/// produces a false failure, and no process is started for it.
/// </summary>
public class RuntimeClassCaseTests
{
    [Fact]
    public async Task A_case_with_runtime_classes_is_not_sent_and_not_checked()
    {
        await using var adapter = new ProcessAdapter(["podconf-test-no-such-adapter-binary"]);
        var c = new PodCase(new Pod { Metadata = new ObjectMeta { Name = "p" } }) { RuntimeClasses = [new RuntimeClass { Name = "kata", Handler = "kata" }] };
        Assert.False(adapter.TrySendAhead(c, Profile.Default));
        var o = await adapter.RunAsync(c, Profile.Default, CancellationToken.None);
        Assert.Equal("the case needs RuntimeClass objects (kata), which the process protocol is not given", o.NotPerformed);
        Assert.Empty(adapter.StartedProcessIds);
    }
}
