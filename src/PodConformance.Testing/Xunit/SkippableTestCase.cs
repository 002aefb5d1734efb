using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PodConformance.Testing.Xunit;

/// <summary>
/// An ordinary fact whose <see cref="ConformanceSkipException"/> is reported as a skip with the exception's message
/// as the reason, so an unsupported rule shows as skipped (never passed, never failed) in every runner.
/// </summary>
public sealed class SkippableTestCase : XunitTestCase
{
    /// <summary>For xUnit's deserializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; use the other constructor.")]
    public SkippableTestCase()
    {
    }

    public SkippableTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay defaultMethodDisplay, TestMethodDisplayOptions defaultMethodDisplayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod)
    {
    }

    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        using var bus = new SkipTranslatingMessageBus(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource).ConfigureAwait(false);
        return bus.Adjust(summary);
    }
}
