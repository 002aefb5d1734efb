using PodConformance.Manifests.Reading;
using PodConformance.Model.Profiles;
using PodConformance.Model.Validation;
using PodConformance.Tests.Shared;

namespace PodConformance.Manifests.Tests.Upstream;

/// <summary>
/// Kubernetes' own security, sysctl, seccomp, AppArmor, hostUsers, OS and Windows validation cases, written as
/// manifests (tests/PodConformance.Model.Tests/Validation/Upstream/security), run the way the API server runs a create
/// (CreateAnswer: read, decode defaults, the admission plugins, PrepareForCreate's drop of gated-off fields, validation,
/// and the warnings the create sends back). A case runs at its profile
/// (1.33 unless it names one) and at every release its <c>also:</c> line names (1.37 where kubernetes' own 1.37 copy
/// holds the same case; README.md there).
/// </summary>
public class SecurityVectorTests
{
    private static readonly KubernetesVersion Vectors = new(1, 33);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Load())
        {
            foreach (var profile in c.Profiles())
            {
                data.Add(c.Name, profile.Version.ToString());
            }
        }

        return data;
    }

    private static IReadOnlyList<UpstreamCase> Load() =>
        UpstreamCase.Parse(Path.Combine(AppContext.BaseDirectory, "Fixtures", "upstream", "security", "security.cases"), Vectors);

    private static readonly Lazy<Dictionary<string, UpstreamCase>> ByName = new(() => Load().ToDictionary(c => c.Name, StringComparer.Ordinal));

    [Fact]
    public void Case_names_are_unique_and_the_file_is_not_empty()
    {
        var all = Load();
        Assert.True(all.Count > 150, "only " + all.Count + " cases");
        Assert.True(all.Count(c => c.Also.Count > 0) > 150, "the 1.37 marks are gone");
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Upstream_case_agrees(string name, string release)
    {
        var c = ByName.Value[name];
        var profile = c.Profiles().Single(p => p.Version.ToString() == release);
        var read = PodManifestReader.ReadText(c.Manifest, c.File + ":" + c.Line, profile.Version);
        Assert.False(read.HasErrors, string.Join("\n", read.Errors));
        var decoded = Assert.Single(read.Pods).Pod;
        var create = CreateAnswer.Of(decoded, profile);
        Assert.True(create.Forbidden is null, "an admission plugin refuses the pod before validation: " + create.Forbidden);
        var result = create.Validation;
        var warnings = create.Warnings;
        string answer = result.ToAggregateString();

        var typed = new List<(FieldErrorType Type, string Field, string? Detail)>();
        bool exact = false;
        foreach (string e in c.Expectations)
        {
            string value = e[(e.IndexOf(':', StringComparison.Ordinal) + 2)..];
            if (e.StartsWith("exact:", StringComparison.Ordinal))
            {
                exact = bool.Parse(value);
            }
            else if (e.StartsWith("warn:", StringComparison.Ordinal))
            {
                Assert.True(warnings.Any(w => w.Text == value), "missing warning " + value + "; got: " + string.Join(" | ", warnings));
            }
            else if (e.StartsWith("absent:", StringComparison.Ordinal))
            {
                var (type, field, _) = Typed(value);
                Assert.DoesNotContain(result.Errors, x => x.Type == type && x.Field == field);
            }
            else if (value == "valid")
            {
                Assert.True(result.IsValid, "expected valid, got: " + answer);
            }
            else if (value == "invalid")
            {
                Assert.False(result.IsValid, "expected a rejection");
            }
            else if (value.StartsWith("contains ", StringComparison.Ordinal))
            {
                Assert.False(result.IsValid, "expected a rejection");
                Assert.Contains(value["contains ".Length..], answer, StringComparison.Ordinal);
            }
            else
            {
                typed.Add(Typed(value));
            }
        }

        foreach (var (type, field, detail) in typed)
        {
            Assert.True(result.Errors.Any(x => x.Type == type && x.Field == field && (detail is null || x.ToString().Contains(detail, StringComparison.Ordinal))),
                $"missing {type} {field} {detail}; got: {answer}");
        }

        if (exact)
        {
            Assert.Equal(typed.Select(t => (t.Type, t.Field)), result.Errors.Select(x => (x.Type, x.Field)));
        }
    }

    private static (FieldErrorType Type, string Field, string? Detail) Typed(string value)
    {
        string? detail = null;
        int tilde = value.IndexOf(" ~ ", StringComparison.Ordinal);
        if (tilde >= 0)
        {
            detail = value[(tilde + 3)..];
            value = value[..tilde];
        }

        int space = value.IndexOf(' ', StringComparison.Ordinal);
        return (Enum.Parse<FieldErrorType>(value[..space]), value[(space + 1)..], detail);
    }
}
