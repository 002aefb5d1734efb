using System.Diagnostics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PodConformance.Cli.Tests.Support;

namespace PodConformance.Cli.Tests.Input;

/// <summary>
/// A bounded, seeded fuzz test of every file podconf reads: mutations of the golden manifests, scenarios and
/// objects files (truncation, byte flips, deep nesting, huge scalars, aliases, odd unicode) must end in exit 0, 1
/// or 2, never an internal error, in bounded time, with no control character (but LF and TAB) in the output.
/// </summary>
public class InputFuzzProperties
{
    private static readonly string[] Manifests = Read("golden/seed/manifests", "*.yaml");
    private static readonly string[] Scenarios = Read("golden/seed/scenarios", "*.yaml");
    private static readonly string[] Objects = [File.ReadAllText(Repo.Path("golden", "node", "env-tutorial", "objects.yaml"))];

    private static readonly string[] Insertions =
    [
        new string('[', 400), new string('{', 300), "&a [*a]", "*nope", "\n...\nx\n", "\n---\n", "\"\\ud800\"", "{\"\\ud800\":1}",
        "\u001b]0;title\u0007", "\u001b[2J", "\u0000", "\u00e9\U0001F600\u202e", "\ufeff", "\r", "\t", "\u2028", ": ", "- ", "? ", "|", ">",
        "!!binary x", "%YAML 1.1\n", "a: &b [" + string.Join(",", Enumerable.Repeat("x", 50)) + "]\nc: [" + string.Join(",", Enumerable.Repeat("*b", 200)) + "]\n",
        new string('9', 20_000), new string('x', 200_000),
    ];

    private static Arbitrary<(int File, int Kind, int At, int Pick)> Mutations =>
        Gen.Choose(0, 1 << 20).Four().Select(t => (t.Item1, t.Item2 % 5, t.Item3, t.Item4)).ToArbitrary();

    [Property(Replay = "(20260714,11)", MaxTest = 60)]
    public Property Mutated_manifests_get_a_clean_answer() =>
        Prop.ForAll(Mutations, m =>
        {
            using var file = CliRun.File(Mutate(Manifests[m.File % Manifests.Length], m));
            return Clean(CliRun.Run("validate", "-f", file.Path)) && Clean(CliRun.Run("qos", "-f", file.Path));
        });

    [Property(Replay = "(20260714,13)", MaxTest = 40)]
    public Property Mutated_scenarios_get_a_clean_answer() =>
        Prop.ForAll(Mutations, m =>
        {
            using var pod = CliRun.File(File.ReadAllText(Repo.Path("golden", "seed", "manifests", "01-pod-spec-web-app.yaml")));
            using var file = CliRun.File(Mutate(Scenarios[m.File % Scenarios.Length], m));
            return Clean(CliRun.Run("simulate", "-f", pod.Path, "--scenario", file.Path, "--until", "2m"));
        });

    [Property(Replay = "(20260714,17)", MaxTest = 40)]
    public Property Mutated_objects_files_get_a_clean_answer() =>
        Prop.ForAll(Mutations, m =>
        {
            using var pod = CliRun.File(File.ReadAllText(Repo.Path("golden", "seed", "manifests", "03-env-from-configmap.yaml")));
            using var file = CliRun.File(Mutate(Objects[0], m));
            return Clean(CliRun.Run("env", "-f", pod.Path, "--objects", file.Path));
        });

    private static string[] Read(string dir, string pattern) =>
        [.. Directory.GetFiles(Repo.Path(dir.Split('/')), pattern).Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static string Mutate(string text, (int File, int Kind, int At, int Pick) m)
    {
        int at = m.At % (text.Length + 1);
        switch (m.Kind)
        {
            case 0:
                return text[..at];
            case 1:
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                if (bytes.Length > 0)
                {
                    bytes[m.At % bytes.Length] ^= (byte)(1 << (m.Pick % 8));
                }

                return Encoding.UTF8.GetString(bytes);
            }

            case 2:
                return text[..at] + Insertions[m.Pick % Insertions.Length] + text[at..];
            case 3:
            {
                // Replace the rest of a line with something odd.
                int end = text.IndexOf('\n', at);
                return text[..at] + Insertions[m.Pick % Insertions.Length] + (end < 0 ? "" : text[end..]);
            }

            default:
                return text[..at] + text[at..].Replace(":", ": &x" + (m.Pick % 7) + " ", StringComparison.Ordinal);
        }
    }

    private static bool Clean(CliResult r)
    {
        bool ok = r.ExitCode is 0 or 1 or 2
            && !r.Error.Contains("internal error", StringComparison.Ordinal)
            && !(r.Out + r.Error).Any(c => (c < ' ' && c is not ('\n' or '\t')) || c is >= '\u007F' and <= '\u009F');
        Assert.True(ok, $"exit {r.ExitCode}\nstderr: {r.Error}");
        return ok;
    }

    /// <summary>Time per input stays bounded: the slowest mutation answered well within a generous bound.</summary>
    [Fact]
    public void The_worst_insertions_answer_in_bounded_time()
    {
        foreach (string insertion in Insertions)
        {
            string text = Manifests[0][..40] + insertion + Manifests[0][40..];
            using var file = CliRun.File(text);
            var sw = Stopwatch.StartNew();
            var r = CliRun.Run("validate", "-f", file.Path);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(30), $"{sw.Elapsed} for an insertion of {insertion.Length} characters");
            Clean(r);
        }
    }
}
