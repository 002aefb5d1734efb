using System.Reflection;
using PodConformance.Suite.Rules;
using PodConformance.Testing.Tests.Support;
using PodConformance.Testing.Xunit;

namespace PodConformance.Testing.Tests;

/// <summary>The hand-written rule tests and <see cref="Catalog.All"/> must list the same properties, in the same order.</summary>
public class CatalogueDriftTests
{
    private static List<MethodInfo> RuleMethods() =>
        [.. typeof(PodConformanceSpecificationTests).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<ConformanceFactAttribute>() is not null)
            .OrderBy(m => m.MetadataToken)];

    private static string IdOf(MethodInfo method) => method.Name.Replace('_', '-');

    [Fact]
    public void Every_catalogue_property_has_exactly_one_test_in_catalogue_order()
    {
        Assert.Equal(Catalog.All.Select(p => p.Id), RuleMethods().Select(IdOf));
    }

    [Fact]
    public void Every_rule_test_is_virtual_so_an_implementer_can_override_it()
    {
        Assert.All(RuleMethods(), m => Assert.True(m.IsVirtual && !m.IsFinal, m.Name + " is not overridable"));
    }

    [Fact]
    public void Every_rule_test_runs_the_property_it_is_named_after()
    {
        var suite = new DirectSuite(() => new NoCapabilityAdapter());
        foreach (var method in RuleMethods())
        {
            var e = Assert.Throws<TargetInvocationException>(() => method.Invoke(suite, null));
            var skip = Assert.IsType<ConformanceSkipException>(e.InnerException);
            Assert.Equal(IdOf(method), skip.Result.Property.Id);
        }

        Assert.Equal(RuleMethods().Count, suite.Created);
    }
}
