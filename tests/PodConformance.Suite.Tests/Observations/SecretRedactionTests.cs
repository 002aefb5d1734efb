using PodConformance.Model.Collections;
using PodConformance.Model.ContainerEnv;
using PodConformance.Suite.Observations;

namespace PodConformance.Suite.Tests.Observations;

public class SecretRedactionTests
{
    private static readonly EnvInputs Inputs = new() { Secrets = ValueMap.Of(("db", ValueMap.Of(("password", "hunter2-S3CR3T")))) };

    [Fact]
    public void An_adapter_that_does_not_mask_is_masked_before_anything_prints_it()
    {
        var env = new EnvObservation(
            ValueMap.Of(("app", ValueMap.Of(("PASS", "hunter2-S3CR3T"), ("URL", "pg://u:hunter2-S3CR3T@db"), ("MODE", "prod")))),
            ValueMap.Of(("side", "failed with hunter2-S3CR3T")));
        var redacted = SecretRedaction.Redact(env, Inputs);
        Assert.Equal("<secret:db/password>", redacted.Containers["app"]["PASS"]);
        Assert.Equal("<secret-derived>", redacted.Containers["app"]["URL"]);
        Assert.Equal("prod", redacted.Containers["app"]["MODE"]);
        Assert.DoesNotContain("S3CR3T", redacted.Errors["side"], StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_answers_are_unchanged()
    {
        var env = new EnvObservation(ValueMap.Of(("app", ValueMap.Of(("PASS", "<secret:db/password>")))), ValueMap<string>.Empty);
        Assert.Equal(env, SecretRedaction.Redact(env, Inputs));
    }

    [Fact]
    public void A_not_performed_reason_quoting_a_Secret_is_masked()
    {
        var objects = new EnvInputs { Secrets = Inputs.Secrets };
        var actual = Observation.Unperformed("backend refused: value hunter2-S3CR3T not allowed");
        var shown = SecretRedaction.Check(actual, objects);
        Assert.Equal("backend refused: value <secret:db/password> not allowed", shown.NotPerformed);
        Assert.Null(shown.Failure);
    }
}
