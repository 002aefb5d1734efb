using PodConformance.Model.Defaulting;

namespace PodConformance.Model.Tests.Defaulting;

public class ImageReferenceTests
{
    private const string Digest = "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>
    /// The tag column of kubernetes/kubernetes pkg/util/parsers/parsers_test.go TestParseImageName
    /// (commit 008b3652959ca58af8be3fb5b6ecfe9ae7638282); null where upstream expects an error.
    /// </summary>
    [Theory]
    [InlineData("root", "latest")]
    [InlineData("root:tag", "tag")]
    [InlineData("root@" + Digest, "")]
    [InlineData("user/repo", "latest")]
    [InlineData("user/repo:tag", "tag")]
    [InlineData("user/repo@" + Digest, "")]
    [InlineData("url:5000/repo", "latest")]
    [InlineData("url:5000/repo:tag", "tag")]
    [InlineData("url:5000/repo@" + Digest, "")]
    [InlineData("url:5000/repo:latest@" + Digest, "latest")]
    [InlineData("ROOT", null)]
    [InlineData("http://root", null)]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", null)]
    public void Tag_matches_upstream_ParseImageName(string image, string? expectedTag)
    {
        Assert.Equal(expectedTag, ImageReference.ParseTag(image));
        Assert.Equal(expectedTag == "latest", ImageReference.HasLatestTag(image));
    }

    /// <summary>Further cases from the distribution/reference grammar (its regexp.go), not in the table above.</summary>
    [Theory]
    [InlineData("nginx:1.25", "1.25")]
    [InlineData("localhost/app", "latest")]
    [InlineData("Registry.Example.com/app:v1", "v1")]
    [InlineData("registry.example.com/App:v1", null)]
    [InlineData("a__b", "latest")]
    [InlineData("a___b", null)]
    [InlineData("a--b-c", "latest")]
    [InlineData("app:", null)]
    [InlineData("app:-bad", null)]
    [InlineData("app@sha256:abc", null)]
    [InlineData("app@md5:e3b0c44298fc1c149afbf4c8996fb924", null)]
    [InlineData("", null)]
    [InlineData("[::1]:5000/app:dev", "dev")]
    [InlineData("registry.example.com/app:latest", "latest")]
    [InlineData("index.docker.io/app", "latest")]
    [InlineData("app:latest-1", "latest-1")]
    public void Tag_follows_the_reference_grammar(string image, string? expectedTag)
    {
        Assert.Equal(expectedTag, ImageReference.ParseTag(image));
        Assert.Equal(expectedTag == "latest", ImageReference.HasLatestTag(image));
    }

    /// <summary>Long references take the heap buffer instead of the stack one: same answers.</summary>
    [Fact]
    public void Long_references_parse_like_short_ones()
    {
        string longName = string.Join('/', Enumerable.Repeat("abcdefghij", 60));
        Assert.Null(ImageReference.ParseTag(longName + ":v1"));
        Assert.False(ImageReference.HasLatestTag(longName));
        string path = "registry.example.com/" + string.Join('/', Enumerable.Repeat("a", 100));
        Assert.Equal("v1", ImageReference.ParseTag(path + ":v1"));
        Assert.True(ImageReference.HasLatestTag(path));
    }

    /// <summary>
    /// HasLatestTag's shortcut (an explicit tag other than "latest" answers false without the full parse) agrees with
    /// the full parse (ParseTag) on every concatenation of up to four of these fragments: tags, digests, ports, domains,
    /// upper case, stray separators.
    /// </summary>
    [Fact]
    public void HasLatestTag_agrees_with_the_full_parse()
    {
        string[] fragments = ["a", "B", ":", "/", "@", ".", "latest", "1.0", "x:5000", "localhost", "@" + Digest, "-"];
        int checkedCount = 0;
        void Check(string image)
        {
            Assert.True(ImageReference.ParseTag(image) == "latest" == ImageReference.HasLatestTag(image), image);
            checkedCount++;
        }

        foreach (string f1 in fragments)
        {
            Check(f1);
            foreach (string f2 in fragments)
            {
                Check(f1 + f2);
                foreach (string f3 in fragments)
                {
                    Check(f1 + f2 + f3);
                    foreach (string f4 in fragments)
                    {
                        Check(f1 + f2 + f3 + f4);
                    }
                }
            }
        }

        Assert.Equal(12 + 144 + 1728 + 20736, checkedCount);
    }
}
