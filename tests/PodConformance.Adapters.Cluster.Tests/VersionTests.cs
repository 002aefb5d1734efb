using k8s.Models;

namespace PodConformance.Adapters.Cluster.Tests;

public class VersionTests
{
    [Theory]
    [InlineData("1", "31", "v1.31.2", "1.31")]
    [InlineData("1", "30+", "v1.30.5-eks-ce1d5eb", "1.30")]
    [InlineData("", "", "v1.33.1+k3s1", "1.33")]
    public void Server_versions_map_to_profiles(string major, string minor, string git, string expected)
    {
        Assert.True(ServerVersion.TryParse(new VersionInfo { Major = major, Minor = minor, GitVersion = git }, out var v, out string error), error);
        Assert.Equal(expected, v.ToString());
    }

    [Fact]
    public void Unsupported_servers_are_refused_with_the_supported_range()
    {
        Assert.False(ServerVersion.TryParse(new VersionInfo { Major = "1", Minor = "20", GitVersion = "v1.20.0" }, out _, out string error));
        Assert.Contains("supported versions are 1.28 to", error, StringComparison.Ordinal);
    }
}
