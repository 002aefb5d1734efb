using PodConformance.Adapters.Process.Protocol;
using PodConformance.Cli;
using PodConformance.Model.Profiles;
using PodConformance.Suite.Cases;

namespace PodConformance.Adapters.Process.Tests;

/// <summary><c>podconf adapter serve</c> is registered and speaks the protocol on the console it is given.</summary>
public class AdapterCommandTests
{
    [Fact]
    public void Adapter_serve_answers_on_the_console()
    {
        string input = string.Join("\n", ProtocolMessages.Hello("test"), ProtocolMessages.Run(1, new QuantityCase("250m"), Profile.Default), ProtocolMessages.Bye()) + "\n";
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        int code = Podconf.Run(["adapter", "serve"], new CliConsole(new StringReader(input), output, error, false));
        Assert.Equal("", error.ToString());
        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("model", ProtocolMessages.ReadAdapterHello(lines[0]).Name);
        Assert.Equal("250m", Assert.IsType<ObservationReply>(ProtocolMessages.ReadReply(lines[1])).Observation.Quantity!.String);
    }
}
