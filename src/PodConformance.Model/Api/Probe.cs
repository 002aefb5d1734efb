using PodConformance.Model.Collections;

namespace PodConformance.Model.Api;

public sealed record Probe
{
    public ProbeHandler Handler { get; init; } = new();

    public int InitialDelaySeconds { get; init; }

    /// <summary>Zero until defaulted (default 1).</summary>
    public int TimeoutSeconds { get; init; }

    /// <summary>Zero until defaulted (default 10).</summary>
    public int PeriodSeconds { get; init; }

    /// <summary>Zero until defaulted (default 1).</summary>
    public int SuccessThreshold { get; init; }

    /// <summary>Zero until defaulted (default 3).</summary>
    public int FailureThreshold { get; init; }

    public long? TerminationGracePeriodSeconds { get; init; }
}

/// <summary>Which action a probe or lifecycle hook runs; exactly one should be set.</summary>
public sealed partial record ProbeHandler
{
    public ValueList<string>? ExecCommand { get; init; }

    public HttpGetAction? HttpGet { get; init; }

    public IntOrString? TcpSocketPort { get; init; }

    public int? GrpcPort { get; init; }

    public long? SleepSeconds { get; init; }
}

public sealed partial record HttpGetAction
{
    public string Path { get; init; } = "";

    public IntOrString Port { get; init; }

    public string Host { get; init; } = "";

    /// <summary>Empty until defaulted (default HTTP).</summary>
    public string Scheme { get; init; } = "";
}

public sealed partial record Lifecycle
{
    public ProbeHandler? PostStart { get; init; }

    public ProbeHandler? PreStop { get; init; }
}

/// <summary>The API's intstr.IntOrString: a port number or a named port.</summary>
public readonly record struct IntOrString(int IntValue, string? StringValue)
{
    public bool IsString => StringValue is not null;

    public static IntOrString FromInt(int value) => new(value, null);

    public static IntOrString FromString(string value) => new(0, value);

    public override string ToString() => StringValue ?? IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
