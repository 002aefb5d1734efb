using Xunit.Abstractions;
using Xunit.Sdk;

namespace PodConformance.Testing.Xunit;

/// <summary>
/// Passes messages through, except a test failed by <see cref="ConformanceSkipException"/>, which becomes a
/// <see cref="TestSkipped"/> with the exception's message; <see cref="Adjust"/> moves those from failed to skipped.
/// </summary>
public sealed class SkipTranslatingMessageBus(IMessageBus inner) : IMessageBus
{
    private static readonly string SkipType = typeof(ConformanceSkipException).FullName!;

    /// <summary>How many failures were turned into skips.</summary>
    public int Skipped { get; private set; }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && string.Equals(failed.ExceptionTypes[0], SkipType, StringComparison.Ordinal))
        {
            Skipped++;
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[0]));
        }

        return inner.QueueMessage(message);
    }

    /// <summary>The summary with translated failures counted as skips.</summary>
    public RunSummary Adjust(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        summary.Failed -= Skipped;
        summary.Skipped += Skipped;
        return summary;
    }

    /// <summary>The inner bus belongs to xUnit; nothing of ours to release.</summary>
    public void Dispose()
    {
    }
}
