using System.Globalization;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Adapters;
using PodConformance.Suite.Reports;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using Xunit.Abstractions;

namespace PodConformance.Testing;

/// <summary>
/// The conformance suite as xUnit tests, in the EF Core / DI "specification tests" style: derive, implement
/// <see cref="CreateAdapter"/>, and every catalogue property becomes one test of your adapter against the model.
/// A rule the adapter cannot observe is skipped with the reason; a rule whose failures all have a signature declared
/// in <see cref="Expectations"/> passes (and fails once it starts passing, so the list stays honest); any other
/// failure, and any case the adapter could not run, fails with the readable failure text. Deviations belong in
/// <see cref="Expectations"/> (data), not in overrides.
/// </summary>
public abstract partial class PodConformanceSpecificationTests
{
    private readonly ITestOutputHelper? _output;

    /// <param name="output">Optional: where expected failures and skips are written in full, so they stay visible.</param>
    protected PodConformanceSpecificationTests(ITestOutputHelper? output = null) => _output = output;

    /// <summary>
    /// The one hook: the system under test. Called once per rule's test; the adapter is disposed after the test
    /// unless <see cref="OwnsAdapter"/> is false (return a class-fixture's adapter to share an expensive one).
    /// </summary>
    protected abstract IConformanceAdapter CreateAdapter();

    /// <summary>Set false when <see cref="CreateAdapter"/> hands out a shared adapter someone else disposes.</summary>
    protected virtual bool OwnsAdapter => true;

    /// <summary>The Kubernetes version and feature gates to conform to; rules that do not apply are skipped.</summary>
    protected virtual Profile Profile => Profile.Default;

    /// <summary>The seed of the generated cases; the default is the CLI's, so a failure replays with <c>podconf run</c>.</summary>
    protected virtual ulong Seed => RunOptions.DefaultSeed;

    /// <summary>Cases per rule (slow rules get a tenth); lower it for a slow adapter, raise it for a nightly run.</summary>
    protected virtual int Count => RunOptions.DefaultCount;

    /// <summary>How far the adapter's timings may be from the model's in timing rules.</summary>
    protected virtual TimeSpan Tolerance => Catalog.DefaultTolerance;

    /// <summary>Known deviations of this adapter (<see cref="Expectations.Read"/> loads the CLI's JSON file).</summary>
    protected virtual Expectations Expectations => Expectations.None;

    /// <summary>Runs one property against a fresh adapter under <see cref="Expectations"/>; the report holds that one result.</summary>
    public RunReport RunProperty(string propertyId)
    {
        ArgumentNullException.ThrowIfNull(propertyId);
        var catalog = Tolerance == Catalog.DefaultTolerance ? Catalog.All : Catalog.Create(Tolerance);
        var property = catalog.FirstOrDefault(p => string.Equals(p.Id, propertyId, StringComparison.Ordinal))
            ?? throw new ArgumentException("no property " + propertyId + " in the catalogue", nameof(propertyId));
        var options = new RunOptions { Seed = Seed, Count = Count, Profile = Profile, Tolerance = Tolerance, Rules = propertyId };
        var adapter = CreateAdapter();
        PropertyResult result;
        try
        {
            result = new SuiteRunner(new ModelAdapter(), adapter, Profile) { Expectations = Expectations }.Run(property, Seed, options.CountFor(property));
        }
        finally
        {
            if (OwnsAdapter)
            {
                adapter.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }

        return new RunReport(adapter.Name, Profile, options, [result]);
    }

    /// <summary>
    /// The body of every rule's test: returns on a pass or a declared failure, throws <see cref="ConformanceSkipException"/>
    /// when the rule cannot run here, and <see cref="ConformanceFailedException"/> with the failure text otherwise.
    /// </summary>
    protected void Verify(string propertyId)
    {
        var report = RunProperty(propertyId);
        var result = report.Results[0];
        switch (result.Outcome)
        {
            case Outcome.Passed:
                return;
            case Outcome.Skipped:
                _output?.WriteLine("skipped " + propertyId + ": " + result.Reason);
                throw new ConformanceSkipException(result);
            case Outcome.ExpectedFailure:
                _output?.WriteLine(Describe(report, result));
                return;
            default:
                throw new ConformanceFailedException(result, Describe(report, result));
        }
    }

    /// <summary>The CLI's failure text, plus how to replay it in this test class (a custom adapter has no CLI name).</summary>
    public static string Describe(RunReport report, PropertyResult result)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(result);
        return FailureText.Render(report, result)
            + string.Create(CultureInfo.InvariantCulture, $"replay here: override Seed => {report.Options.Seed} and Count => {report.Options.Count}\n");
    }
}
