using PodConformance.Suite.Running;
using Xunit.Sdk;

namespace PodConformance.Testing;

/// <summary>
/// A rule's test failed: an undeclared failure (the message is the readable failure text: the rule, the shrunk case,
/// model vs adapter, the replay command) or an expected failure that passed.
/// </summary>
public sealed class ConformanceFailedException(PropertyResult result, string text) : XunitException(text)
{
    public PropertyResult Result { get; } = result;
}
