using PodConformance.Adapters.Process;

namespace PodConformance.Adapters.Process.Tests;

public class CommandLineTests
{
    [Theory]
    [InlineData("process:./sim", new[] { "./sim" })]
    [InlineData("process:python3 adapter.py --fast", new[] { "python3", "adapter.py", "--fast" })]
    [InlineData("process:  dotnet   'my dir/podconf.dll' adapter serve ", new[] { "dotnet", "my dir/podconf.dll", "adapter", "serve" })]
    [InlineData("process:sim \"a \\\"quoted\\\" word\" b\\ c", new[] { "sim", "a \"quoted\" word", "b c" })]
    [InlineData("process:sim '$HOME' *.txt '' x", new[] { "sim", "$HOME", "*.txt", "", "x" })]
    public void Splits_without_a_shell(string spec, string[] argv) =>
        Assert.Equal(argv, CommandLine.ParseSpec(spec));

    [Theory]
    [InlineData("python3 adapter.py", "process:COMMAND")]
    [InlineData("process:", "needs a command")]
    [InlineData("process:   ", "needs a command")]
    [InlineData("process:sim 'open", "unterminated single quote")]
    [InlineData("process:sim \"open", "unterminated double quote")]
    public void Rejects_bad_specs_with_a_reason(string spec, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => CommandLine.ParseSpec(spec)).Message, StringComparison.Ordinal);

    [Fact]
    public void Join_quotes_what_split_would_break()
    {
        string[] argv = ["dotnet", "my dir/podconf.dll", "it's", "", "adapter"];
        Assert.Equal(argv, CommandLine.Split(CommandLine.Join(argv)));
        Assert.Equal("process:python3 adapter.py", ProcessAdapter.Parse("process:python3   adapter.py").Name);
    }
}
