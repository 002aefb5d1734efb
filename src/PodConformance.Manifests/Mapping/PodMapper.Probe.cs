using PodConformance.Manifests.Nodes;
using PodConformance.Manifests.Schema;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Manifests.Mapping;

/// <summary>
/// Probes and lifecycle hooks; they share the model's ProbeHandler but not their allowed actions (the schema of
/// ProbeHandler has grpc, LifecycleHandler has sleep). Sub-fields outside the model's projection
/// (<c>tcpSocket.host</c>, <c>grpc.service</c>) are read by the generated readers into the same handler.
/// </summary>
internal sealed partial class PodMapper
{
    private Probe ReadProbe(ManifestNode node, string path, SchemaField self)
    {
        var probe = new Probe();
        var handler = new ProbeHandler();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "initialDelaySeconds": probe = probe with { InitialDelaySeconds = Int32(value, p, field) ?? 0 }; break;
                case "timeoutSeconds": probe = probe with { TimeoutSeconds = Int32(value, p, field) ?? 0 }; break;
                case "periodSeconds": probe = probe with { PeriodSeconds = Int32(value, p, field) ?? 0 }; break;
                case "successThreshold": probe = probe with { SuccessThreshold = Int32(value, p, field) ?? 0 }; break;
                case "failureThreshold": probe = probe with { FailureThreshold = Int32(value, p, field) ?? 0 }; break;
                case "terminationGracePeriodSeconds": probe = probe with { TerminationGracePeriodSeconds = Int64(value, p, field) }; break;
                default: ReadHandlerField(key, value, p, field, ref handler); break;
            }
        }

        return probe with { Handler = handler };
    }

    private Lifecycle ReadLifecycle(ManifestNode node, string path, SchemaField self)
    {
        var lifecycle = new Lifecycle();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "postStart": lifecycle = lifecycle with { PostStart = IsNull(value) ? null : ReadLifecycleHandler(value, p, field) }; break;
                case "preStop": lifecycle = lifecycle with { PreStop = IsNull(value) ? null : ReadLifecycleHandler(value, p, field) }; break;
                default: ReadGenerated(ref lifecycle, key, value, p, field); break;
            }
        }

        return lifecycle;
    }

    private ProbeHandler ReadLifecycleHandler(ManifestNode node, string path, SchemaField self)
    {
        var handler = new ProbeHandler();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            ReadHandlerField(key, value, Child(path, key.Value), field, ref handler);
        }

        return handler;
    }

    /// <summary>exec, httpGet, tcpSocket, grpc and sleep: which of them a handler may have is the schema's business.</summary>
    private void ReadHandlerField(ManifestScalar key, ManifestNode value, string p, SchemaField field, ref ProbeHandler handler)
    {
        bool isNull = IsNull(value);
        switch (key.Value)
        {
            case "exec": handler = handler with { ExecCommand = isNull ? null : (ValueList<string>?)ReadExec(value, p, field) }; break;
            case "httpGet": handler = handler with { HttpGet = isNull ? null : ReadHttpGet(value, p, field) }; break;
            case "tcpSocket":
                if (isNull)
                {
                    handler = handler with { TcpSocketPort = null };
                }
                else
                {
                    ReadTcpSocket(value, p, field, ref handler);
                }

                break;
            case "grpc":
                if (isNull)
                {
                    handler = handler with { GrpcPort = null };
                }
                else
                {
                    ReadGrpc(value, p, field, ref handler);
                }

                break;
            case "sleep": handler = handler with { SleepSeconds = isNull ? null : ReadSleep(value, p, field) }; break;
        }
    }

    private ValueList<string> ReadExec(ManifestNode node, string path, SchemaField self)
    {
        ValueList<string> command = default;
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            if (key.Value == "command")
            {
                command = StringList(value, Child(path, key.Value), field);
            }
        }

        return command;
    }

    private HttpGetAction ReadHttpGet(ManifestNode node, string path, SchemaField self)
    {
        var get = new HttpGetAction();
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "path": get = get with { Path = Str(value, p, field) }; break;
                case "port": get = get with { Port = IntOrStr(value, p, field) }; break;
                case "host": get = get with { Host = Str(value, p, field) }; break;
                case "scheme": get = get with { Scheme = Str(value, p, field) }; break;
                default: ReadGenerated(ref get, key, value, p, field); break;
            }
        }

        return get;
    }

    private void ReadTcpSocket(ManifestNode node, string path, SchemaField self, ref ProbeHandler handler)
    {
        handler = handler with { TcpSocketPort = default(IntOrString) };
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            if (key.Value == "port")
            {
                handler = handler with { TcpSocketPort = IntOrStr(value, p, field) };
            }
            else
            {
                ReadGeneratedTcpSocket(ref handler, key, value, p, field);
            }
        }
    }

    private void ReadGrpc(ManifestNode node, string path, SchemaField self, ref ProbeHandler handler)
    {
        handler = handler with { GrpcPort = 0 };
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            string p = Child(path, key.Value);
            if (key.Value == "port")
            {
                handler = handler with { GrpcPort = Int32(value, p, field) ?? 0 };
            }
            else
            {
                ReadGeneratedGrpc(ref handler, key, value, p, field);
            }
        }
    }

    private long ReadSleep(ManifestNode node, string path, SchemaField self)
    {
        long seconds = 0;
        foreach (var (key, value, field) in Fields(node, path, self))
        {
            if (key.Value == "seconds")
            {
                seconds = Int64(value, Child(path, key.Value), field) ?? 0;
            }
        }

        return seconds;
    }
}
