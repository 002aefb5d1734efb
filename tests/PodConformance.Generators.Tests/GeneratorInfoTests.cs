using PodConformance.Generators;

namespace PodConformance.Generators.Tests;

public class GeneratorInfoTests
{
    [Fact]
    public void Assembly_name_matches() => Assert.Equal(GeneratorInfo.Name, typeof(GeneratorInfo).Assembly.GetName().Name);
}
