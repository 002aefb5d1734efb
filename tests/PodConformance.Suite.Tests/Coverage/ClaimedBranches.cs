using System.Reflection;
using System.Text.RegularExpressions;
using PodConformance.Model.Coverage;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Coverage;

/// <summary>
/// The branches the model claims: every <c>RuleCoverage.Hit(Rules.X, "branch")</c> in src/PodConformance.Model, with
/// the rule resolved from its constant. A branch is claimed by writing its line, so a test can hold it to the floor
/// without a second list to keep in step.
/// </summary>
internal static partial class ClaimedBranches
{
    [GeneratedRegex(@"RuleCoverage\.Hit\((?<args>.*?)\);", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HitCall();

    [GeneratedRegex("\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();

    private static readonly Lazy<IReadOnlyList<RuleHit>> Lazy = new(Scan);

    public static IReadOnlyList<RuleHit> All => Lazy.Value;

    private static IReadOnlyList<RuleHit> Scan()
    {
        var constants = Constants(typeof(RuleCoverage).Assembly);
        var branches = new SortedSet<RuleHit>();
        string root = Path.Combine(RepoRoot.Path, "src", "PodConformance.Model");
        foreach (string file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match call in HitCall().Matches(File.ReadAllText(file)))
            {
                string args = call.Groups["args"].Value;
                int comma = args.IndexOf(',', StringComparison.Ordinal);
                if (comma < 0)
                {
                    continue;
                }

                string first = args[..comma].Trim();
                string? rule = first.StartsWith('"') ? first.Trim('"') : constants.GetValueOrDefault(first);
                if (rule is null)
                {
                    continue; // a rule held in a variable (an event's rule, a ranking's rule): its branches are not literal
                }

                foreach (Match literal in Literal().Matches(args[comma..]))
                {
                    branches.Add(new RuleHit(rule, literal.Groups["text"].Value));
                }
            }
        }

        return [.. branches];
    }

    /// <summary><c>QosRules.Containers</c> → <c>QOS-005</c> for every string constant of the model.</summary>
    private static Dictionary<string, string> Constants(Assembly model)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in model.GetTypes())
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (field.IsLiteral && field.GetRawConstantValue() is string value)
                {
                    map[type.Name + "." + field.Name] = value;
                }
            }
        }

        return map;
    }
}
