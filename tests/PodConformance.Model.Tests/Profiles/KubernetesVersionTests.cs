using PodConformance.Model.Profiles;

namespace PodConformance.Model.Tests.Profiles;

/// <summary>PROF-001: <c>--kubernetes-version</c> accepts <c>1.NN</c>, <c>v1.NN</c>, <c>1.NN.P</c> for 1.28–1.37.</summary>
public class KubernetesVersionTests
{
    [Theory]
    [InlineData("1.37", 1, 37)]
    [InlineData("1.28", 1, 28)]
    [InlineData("v1.30", 1, 30)]
    [InlineData("1.32.4", 1, 32)]
    [InlineData("v1.35.0", 1, 35)]
    public void Accepts_minor_v_prefix_and_patch(string text, int major, int minor)
    {
        Assert.True(KubernetesVersion.TryParse(text, out var v, out string error), error);
        Assert.Equal(new KubernetesVersion(major, minor), v);
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.")]
    [InlineData("x.y")]
    [InlineData(".37")]
    [InlineData("1.x")]
    [InlineData("1.32.")]
    [InlineData("1.32.x")]
    [InlineData("v")]
    [InlineData(" 1.30")]
    [InlineData("1.-1")]
    public void Rejects_malformed(string text)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _, out string error));
        Assert.Equal($"invalid Kubernetes version \"{text}\": expected 1.NN, e.g. 1.37", error);
    }

    [Theory]
    [InlineData("1.99")]
    [InlineData("2.0")]
    [InlineData("1.27")]
    [InlineData("1.38")]
    [InlineData("0.28")]
    public void Rejects_unsupported(string text)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _, out string error));
        Assert.Equal($"unsupported Kubernetes version \"{text}\": supported versions are 1.28 to 1.37", error);
    }

    /// <summary>
    /// A number written with a leading zero read as that number before session 14 (1.037 as 1.37), wherever a version is
    /// read (command line, case files, an adapter's hello): refused, naming the number. A single 0 is a number (1.35.0).
    /// </summary>
    [Theory]
    [InlineData("1.037", "037")]
    [InlineData("v1.037", "037")]
    [InlineData("01.37", "01")]
    [InlineData("1.37.00", "00")]
    [InlineData("1.37.01", "01")]
    public void Rejects_a_leading_zero(string text, string number)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _, out string error));
        Assert.Equal($"invalid Kubernetes version \"{text}\": {number} has a leading zero; supported versions are 1.28 to 1.37", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_empty(string? text)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _, out string error));
        Assert.Equal("empty Kubernetes version: expected 1.NN, e.g. 1.37", error);
    }

    [Fact]
    public void Default_and_range()
    {
        Assert.Equal(new KubernetesVersion(1, 28), KubernetesVersion.Oldest);
        Assert.Equal(new KubernetesVersion(1, 37), KubernetesVersion.Newest);
        Assert.Equal(KubernetesVersion.Newest, Profile.Default.Version);
        Assert.Equal("1.37", KubernetesVersion.Newest.ToString());
    }

    [Fact]
    public void Orders_by_major_then_minor_numerically()
    {
        var v1_9 = new KubernetesVersion(1, 9);
        var v1_28 = new KubernetesVersion(1, 28);
        var v1_37 = new KubernetesVersion(1, 37);
        var v2_0 = new KubernetesVersion(2, 0);

        Assert.True(v1_9 < v1_28);       // numeric, not "1.9" > "1.28" as strings
        Assert.True(v1_37 < v2_0);
        var also1_28 = new KubernetesVersion(1, 28);
        Assert.True(v1_28 <= also1_28 && v1_28 >= also1_28);
        Assert.False(v1_28 < also1_28);
        Assert.True(v2_0 > v1_37);
        Assert.Equal(0, v1_28.CompareTo(new KubernetesVersion(1, 28)));

        var sorted = new[] { v2_0, v1_37, v1_9, v1_28 }.Order().ToArray();
        Assert.Equal([v1_9, v1_28, v1_37, v2_0], sorted);
    }

    [Fact]
    public void Supported_is_inclusive()
    {
        Assert.True(new KubernetesVersion(1, 28).IsSupported);
        Assert.True(new KubernetesVersion(1, 37).IsSupported);
        Assert.False(new KubernetesVersion(1, 27).IsSupported);
        Assert.False(new KubernetesVersion(1, 38).IsSupported);
    }
}
