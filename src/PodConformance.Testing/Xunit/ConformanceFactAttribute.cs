using Xunit;
using Xunit.Sdk;

namespace PodConformance.Testing.Xunit;

/// <summary>
/// A <see cref="FactAttribute"/> whose test may skip itself at run time by throwing <see cref="ConformanceSkipException"/>:
/// xUnit 2 only knows skips declared up front, but whether a rule runs depends on the adapter's capabilities.
/// Inherited, so an implementer's <c>override</c> of a rule's test stays a test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
[XunitTestCaseDiscoverer("PodConformance.Testing.Xunit.ConformanceFactDiscoverer", "PodConformance.Testing")]
public sealed class ConformanceFactAttribute : FactAttribute;
