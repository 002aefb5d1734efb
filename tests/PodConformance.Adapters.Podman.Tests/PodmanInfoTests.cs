using PodConformance.Adapters.Podman;

namespace PodConformance.Adapters.Podman.Tests;

public class PodmanInfoTests
{
    [Fact]
    public void Tested_against_debian_12_podman() => Assert.Equal("4.3.1", PodmanInfo.TestedVersion);
}
