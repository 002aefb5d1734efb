using System.Reflection;
using PodConformance.Suite.Rules;
using PodConformance.Suite.Running;
using PodConformance.Testing.Tests.Support;
using PodConformance.Testing.Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PodConformance.Testing.Tests;

/// <summary>The xUnit plumbing: a skip exception becomes a skipped result with its reason; other messages pass through.</summary>
public class SkipTranslationTests
{
    private sealed class RecordingBus : IMessageBus
    {
        public List<IMessageSinkMessage> Messages { get; } = [];

        public bool QueueMessage(IMessageSinkMessage message)
        {
            Messages.Add(message);
            return true;
        }

        public void Dispose()
        {
        }
    }

    private static XunitTest TestOf(string method)
    {
        var type = typeof(OverridingSuite);
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var testClass = new TestClass(new TestCollection(assembly, null, "collection"), Reflector.Wrap(type));
        var testMethod = new TestMethod(testClass, Reflector.Wrap(type.GetMethod(method)!));
        return new XunitTest(new SkippableTestCase(new NullMessageSink(), TestMethodDisplay.Method, TestMethodDisplayOptions.None, testMethod), method);
    }

    [Fact]
    public void A_skip_exception_becomes_a_skipped_result_with_its_reason()
    {
        var skipped = new PropertyResult(Catalog.All[0], Outcome.Skipped, 0, "unsupported: the adapter lacks quantity", null, TimeSpan.Zero);
        var test = TestOf("P_QTY_PARSE");
        var inner = new RecordingBus();
        using var bus = new SkipTranslatingMessageBus(inner);
        bus.QueueMessage(new TestFailed(test, 0m, "", new ConformanceSkipException(skipped)));
        bus.QueueMessage(new TestFailed(test, 0m, "", new InvalidOperationException("real failure")));
        var summary = bus.Adjust(new RunSummary { Total = 2, Failed = 2 });

        var skip = Assert.IsType<TestSkipped>(inner.Messages[0]);
        Assert.Equal("unsupported: the adapter lacks quantity", skip.Reason);
        Assert.IsType<TestFailed>(inner.Messages[1]);
        Assert.Equal((2, 1, 1), (summary.Total, summary.Failed, summary.Skipped));
    }

    [Fact]
    public void An_overridden_rule_test_is_still_discovered_as_a_conformance_fact()
    {
        var method = Reflector.Wrap(typeof(OverridingSuite).GetMethod(nameof(OverridingSuite.P_QTY_PARSE))!);
        var attribute = Assert.Single(method.GetCustomAttributes(typeof(FactAttribute)));
        Assert.Equal(typeof(ConformanceFactAttribute), ((IReflectionAttributeInfo)attribute).Attribute.GetType());
        Assert.Equal(typeof(OverridingSuite), typeof(OverridingSuite).GetMethod(nameof(OverridingSuite.P_QTY_PARSE), BindingFlags.Public | BindingFlags.Instance)!.DeclaringType);
    }
}
