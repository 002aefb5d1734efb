using PodConformance.Manifests.Nodes;
using PodConformance.Model.Api;

namespace PodConformance.Manifests.Mapping;

/// <summary>Probes and lifecycle hooks; they share the model's ProbeHandler but not their allowed actions.</summary>
internal sealed partial class PodMapper
{
    private Probe ReadProbe(ManifestNode node, string path)
    {
        var probe = new Probe();
        var handler = new ProbeHandler();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "initialDelaySeconds": probe = probe with { InitialDelaySeconds = Int32(value, p) ?? 0 }; break;
                case "timeoutSeconds": probe = probe with { TimeoutSeconds = Int32(value, p) ?? 0 }; break;
                case "periodSeconds": probe = probe with { PeriodSeconds = Int32(value, p) ?? 0 }; break;
                case "successThreshold": probe = probe with { SuccessThreshold = Int32(value, p) ?? 0 }; break;
                case "failureThreshold": probe = probe with { FailureThreshold = Int32(value, p) ?? 0 }; break;
                case "terminationGracePeriodSeconds": probe = probe with { TerminationGracePeriodSeconds = Int64(value, p) }; break;
                case "grpc": handler = handler with { GrpcPort = IsNull(value) ? null : ReadGrpcPort(value, p) }; break;
                default:
                    if (!ReadHandlerField(key, value, path, ref handler))
                    {
                        Other(key, path, NotModelledFields.None);
                    }

                    break;
            }
        }

        return probe with { Handler = handler };
    }

    private Lifecycle ReadLifecycle(ManifestNode node, string path)
    {
        var lifecycle = new Lifecycle();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "postStart": lifecycle = lifecycle with { PostStart = IsNull(value) ? null : ReadLifecycleHandler(value, p) }; break;
                case "preStop": lifecycle = lifecycle with { PreStop = IsNull(value) ? null : ReadLifecycleHandler(value, p) }; break;
                default: Other(key, path, NotModelledFields.Lifecycle); break;
            }
        }

        return lifecycle;
    }

    private ProbeHandler ReadLifecycleHandler(ManifestNode node, string path)
    {
        var handler = new ProbeHandler();
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "sleep")
            {
                handler = handler with { SleepSeconds = IsNull(value) ? null : ReadSleep(value, Child(path, key.Value)) };
            }
            else if (!ReadHandlerField(key, value, path, ref handler))
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return handler;
    }

    /// <summary>exec, httpGet and tcpSocket, common to probes and lifecycle hooks.</summary>
    private bool ReadHandlerField(ManifestScalar key, ManifestNode value, string path, ref ProbeHandler handler)
    {
        string p = Child(path, key.Value);
        bool isNull = IsNull(value);
        switch (key.Value)
        {
            case "exec": handler = handler with { ExecCommand = isNull ? null : (Model.Collections.ValueList<string>?)ReadExec(value, p) }; return true;
            case "httpGet": handler = handler with { HttpGet = isNull ? null : ReadHttpGet(value, p) }; return true;
            case "tcpSocket": handler = handler with { TcpSocketPort = isNull ? null : ReadTcpSocket(value, p) }; return true;
            default: return false;
        }
    }

    private Model.Collections.ValueList<string> ReadExec(ManifestNode node, string path)
    {
        Model.Collections.ValueList<string> command = default;
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "command")
            {
                command = StringList(value, Child(path, key.Value));
            }
            else
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return command;
    }

    private HttpGetAction ReadHttpGet(ManifestNode node, string path)
    {
        var get = new HttpGetAction();
        foreach (var (key, value) in Fields(node, path))
        {
            string p = Child(path, key.Value);
            switch (key.Value)
            {
                case "path": get = get with { Path = Str(value, p) }; break;
                case "port": get = get with { Port = IntOrStr(value, p) }; break;
                case "host": get = get with { Host = Str(value, p) }; break;
                case "scheme": get = get with { Scheme = Str(value, p) }; break;
                default: Other(key, path, NotModelledFields.HttpGet); break;
            }
        }

        return get;
    }

    private IntOrString ReadTcpSocket(ManifestNode node, string path)
    {
        IntOrString port = default;
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "port")
            {
                port = IntOrStr(value, Child(path, key.Value));
            }
            else
            {
                Other(key, path, NotModelledFields.TcpSocket);
            }
        }

        return port;
    }

    private int ReadGrpcPort(ManifestNode node, string path)
    {
        int port = 0;
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "port")
            {
                port = Int32(value, Child(path, key.Value)) ?? 0;
            }
            else
            {
                Other(key, path, NotModelledFields.Grpc);
            }
        }

        return port;
    }

    private long ReadSleep(ManifestNode node, string path)
    {
        long seconds = 0;
        foreach (var (key, value) in Fields(node, path))
        {
            if (key.Value == "seconds")
            {
                seconds = Int64(value, Child(path, key.Value)) ?? 0;
            }
            else
            {
                Other(key, path, NotModelledFields.None);
            }
        }

        return seconds;
    }
}
