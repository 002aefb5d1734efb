using System.Text;
using PodConformance.Manifests.Scenarios;
using PodConformance.Model.Defaulting;
using PodConformance.Model.Profiles;
using PodConformance.Model.Simulation;

namespace PodConformance.Model.Tests.Eviction;

/// <summary>
/// The ranking tests of the kubelet's eviction helpers (pkg/kubelet/eviction/helpers_test.go) as node-pressure
/// episodes (Eviction/Upstream/*.yaml): each file is a <c>kind: NodeScenario</c> that `podconf evict -f` reads, whose
/// header names the upstream function, the signal and the expected order. Each runs through the same path as the
/// command — read, default, <see cref="NodePressureSimulator"/> — and its single cycle must reclaim that signal and
/// rank the pods in upstream's order (EVICT-001…005, 016, 017).
/// </summary>
public class EvictionUpstreamDataTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string f in FileNames())
        {
            data.Add(f);
        }

        return data;
    }

    private static string[] FileNames() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Eviction", "Upstream"), "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void Every_ranking_test_of_the_helpers_is_present()
    {
        string[] expected =
        [
            "TestOrderedByExceedsRequestDisk", "TestOrderedByExceedsRequestMemory", "TestOrderedByMemory", "TestOrderedByPriority",
            "TestOrderedByPriorityDisk", "TestOrderedByPriorityInodes", "TestOrderedByPriorityMemory", "TestOrderedByPriorityProcess",
            "TestOrderedbyDisk", "TestOrderedbyInodes",
        ];
        Assert.Equal(expected, FileNames().Select(Path.GetFileNameWithoutExtension).ToArray());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Ranking_matches_upstream_through_the_evict_path(string file)
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Eviction", "Upstream", file));
        var header = Header(text);
        Assert.Equal("pkg/kubelet/eviction/helpers_test.go", header["source"]);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), header["function"]);
        var read = NodeScenarioReader.ReadText(text, file);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        Assert.Empty(read.Diagnostics);
        var profile = Profile.Default;
        var pods = read.Pods.Select(p => PodDefaulter.Apply(p.Pod, profile)).ToList();
        var run = NodePressureSimulator.Run(pods, read.Scenario!, profile);
        var cycle = Assert.Single(run.Cycles);
        Assert.Equal(header["signal"], Assert.Single(cycle.Met).Signal);
        Assert.Equal(header["signal"], cycle.Decision.Signal);
        string[] want = header["expect"].Split(", ");
        var got = cycle.Decision.Ranking.Select(r => r.Pod.Metadata.Name).ToArray();
        Assert.True(want.SequenceEqual(got), file + ": got " + string.Join(", ", got) + "; want " + string.Join(", ", want));
        Assert.Equal(want[0], cycle.Decision.Victim?.Metadata.Name);
    }

    /// <summary>The "# key: value" lines before the first document line.</summary>
    private static Dictionary<string, string> Header(string text)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!line.StartsWith('#'))
            {
                break;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith("# ", StringComparison.Ordinal) && colon > 2 && !line[2..colon].Contains(' ', StringComparison.Ordinal))
            {
                header[line[2..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return header;
    }
}
