using PodConformance.Adapters.Process;

namespace PodConformance.Adapters.Process.Tests;

public class ProtocolVersionTests
{
    [Fact]
    public void Protocol_version_is_v1() => Assert.Equal("podconf.adapter/v1", ProcessAdapterInfo.ProtocolVersion);
}
