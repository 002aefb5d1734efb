using PodConformance.Generators;
using PodConformance.Model.ContainerEnv;
using PodConformance.Suite.Cases;
using PodConformance.Suite.Observations;
using PodConformance.Suite.Running;
using PodConformance.Suite.Tests.Support;

namespace PodConformance.Suite.Tests.Running;

/// <summary>
/// An adapter that could not run a case (a hang, a crash) is reported as that adapter error on the case it happened on —
/// never shrunk into some other pod — and is never taken as a smaller instance of a real failure while shrinking.
/// Secret values in clear in an adapter's env answer fail the case; they are not masked into a pass.
/// </summary>
public class AdapterErrorTests
{
    private static PropertyResult RunOne(Suite.Adapters.IConformanceAdapter adapter, string rules) =>
        Assert.Single(SuiteRun.Execute(adapter, new RunOptions { Rules = rules }).Results);

    [Fact]
    public void A_hang_is_reported_on_its_own_case_and_not_shrunk()
    {
        // Hangs on the 31st case only: what the process adapter reports when an answer never comes.
        int seen = 0;
        var hangs = new BrokenAdapter("hangs-once", (_, o) => Interlocked.Increment(ref seen) == 31 ? Observation.Failed("process:sim: request 31 (quantity \"x\"): no answer within 30s (hang?)") : o);
        var result = RunOne(hangs, "P-QTY-PRINT");

        Assert.Equal(Outcome.Failed, result.Outcome);
        var c = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.True(c.AdapterError);
        Assert.Equal((30, 0), (c.CaseIndex, c.Shrinks));
        Assert.Same(c.Original, c.Shrunk);
        Assert.Equal(31, seen); // not one more call: no shrink attempt ran
        Assert.Contains("the adapter failed on this case (an adapter error, not shrunk): process:sim: request 31 (quantity \"x\"): no answer within 30s (hang?)", c.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Shrinking_a_real_failure_skips_candidates_the_adapter_could_not_run()
    {
        // Prints suffixes lower-case (a real failure); once it has failed, it cannot run any input of three characters or
        // fewer — which the shrinker would otherwise happily take as "still failing".
        bool failedOnce = false;
        var broken = new BrokenAdapter("lower-and-fails-on-short", (c, o) =>
        {
            if (failedOnce && c is QuantityCase { Input.Length: <= 3 })
            {
                return Observation.Failed("crashed");
            }

            var lower = BrokenAdapter.LowerCaseSuffixes.RunAsync(c, Model.Profiles.Profile.Default, CancellationToken.None).AsTask().Result;
            failedOnce |= lower.Quantity != o.Quantity;
            return lower;
        });
        var result = RunOne(broken, "P-QTY-PRINT");

        var c = Assert.IsType<Counterexample>(result.Counterexample);
        Assert.False(c.AdapterError);
        Assert.Null(c.Actual.Failure);
        Assert.True(((QuantityCase)c.Shrunk).Input.Length > 3, "shrunk into a case the adapter could not run: " + ((QuantityCase)c.Shrunk).Input);
    }

    [Fact]
    public void A_secret_shown_in_clear_fails_the_case_and_every_secret_is_masked()
    {
        string secret = EnvGen.SecretValues[0];
        var inputs = new EnvInputs { Secrets = Model.Collections.ValueMap.Of(("app-secret", Model.Collections.ValueMap.Of(("token", secret)))) };
        var clear = new Observation
        {
            Env = new EnvObservation(
                Model.Collections.ValueMap.Of(("app", Model.Collections.ValueMap.Of(("TOKEN", secret), ("URL", "http://" + secret)))),
                Model.Collections.ValueMap.Of(("app", "cannot use " + secret))),
        };

        var checkedObservation = SecretRedaction.Check(clear, inputs);

        Assert.Equal("the adapter showed a Secret value in clear (env of container app, variable TOKEN, now shown as <secret:app-secret/token>): Secret values must be masked as <secret:NAME/KEY> (ENV-010)", checkedObservation.Failure);
        Assert.Equal("<secret:app-secret/token>", checkedObservation.Env!.Containers["app"]["TOKEN"]);
        Assert.Equal("<secret-derived>", checkedObservation.Env.Containers["app"]["URL"]);
        Assert.Equal("cannot use <secret:app-secret/token>", checkedObservation.Env.Errors["app"]);

        var failed = SecretRedaction.Check(Observation.Failed("adapter said " + secret), inputs);
        Assert.Equal("adapter said <secret:app-secret/token>", failed.Failure);

        var masked = new Observation { Env = new EnvObservation(Model.Collections.ValueMap.Of(("app", Model.Collections.ValueMap.Of(("TOKEN", "<secret:app-secret/token>")))), default) };
        Assert.Null(SecretRedaction.Check(masked, inputs).Failure);
    }
}
