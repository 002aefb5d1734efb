using System.Text.Json;
using PodConformance.Model.Api;
using PodConformance.Model.Collections;

namespace PodConformance.Manifests.Wire;

/// <summary>Twins of Mapping/PodMapper.Probe.cs: a probe's handler has grpc, a lifecycle handler sleep, never both.</summary>
static partial class WirePodReader
{
    private static bool ReadProbe(ref Utf8JsonReader r, out Probe value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int initialDelay = 0, timeout = 0, period = 0, success = 0, failure = 0;
        long? grace = null;
        var handler = new HandlerParts();
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("initialDelaySeconds"u8)) { ok = TakeInt32(ref r, out initialDelay); bit = 0; }
            else if (key.SequenceEqual("timeoutSeconds"u8)) { ok = TakeInt32(ref r, out timeout); bit = 1; }
            else if (key.SequenceEqual("periodSeconds"u8)) { ok = TakeInt32(ref r, out period); bit = 2; }
            else if (key.SequenceEqual("successThreshold"u8)) { ok = TakeInt32(ref r, out success); bit = 3; }
            else if (key.SequenceEqual("failureThreshold"u8)) { ok = TakeInt32(ref r, out failure); bit = 4; }
            else if (key.SequenceEqual("terminationGracePeriodSeconds"u8)) { ok = TakeInt64(ref r, out long g); grace = g; bit = 5; }
            else if (handler.TryRead(key, ref r, lifecycle: false)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = new Probe
        {
            Handler = handler.Build(),
            InitialDelaySeconds = initialDelay,
            TimeoutSeconds = timeout,
            PeriodSeconds = period,
            SuccessThreshold = success,
            FailureThreshold = failure,
            TerminationGracePeriodSeconds = grace,
        };
        return AtEnd(ref r);
    }

    private static bool ReadLifecycle(ref Utf8JsonReader r, out Lifecycle value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        ProbeHandler? postStart = null, preStop = null;
        var extra = default(LifecycleWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("postStart"u8)) { ok = ReadLifecycleHandler(ref r, out var h); postStart = h; bit = 0; }
            else if (key.SequenceEqual("preStop"u8)) { ok = ReadLifecycleHandler(ref r, out var h); preStop = h; bit = 1; }
            else if (extra.TryReadLifecycle(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new Lifecycle { PostStart = postStart, PreStop = preStop });
        return AtEnd(ref r);
    }

    private static bool ReadLifecycleHandler(ref Utf8JsonReader r, out ProbeHandler value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var handler = new HandlerParts();
        while (NextKey(ref r, out var key))
        {
            if (!handler.TryRead(key, ref r, lifecycle: true))
            {
                return false;
            }
        }

        value = handler.Build();
        return AtEnd(ref r);
    }

    /// <summary>The handler's fields while its owner (a probe or a lifecycle hook) is read; <see cref="Build"/> makes it once.</summary>
    private struct HandlerParts
    {
        private ulong _seen;
        private ValueList<string>? _exec;
        private HttpGetAction? _httpGet;
        private IntOrString? _tcpSocketPort;
        private int? _grpcPort;
        private long? _sleepSeconds;
        private ProbeHandlerWireFields _extra;

        /// <summary>exec, httpGet, tcpSocket, and grpc (probes) or sleep (lifecycle hooks); false for anything else.</summary>
        public bool TryRead(scoped ReadOnlySpan<byte> key, ref Utf8JsonReader r, bool lifecycle)
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("exec"u8)) { ok = ReadExec(ref r, out var command); _exec = command; bit = 0; }
            else if (key.SequenceEqual("httpGet"u8)) { ok = ReadHTTPGetAction(ref r, out var get); _httpGet = get; bit = 1; }
            else if (key.SequenceEqual("tcpSocket"u8)) { ok = ReadTcpSocket(ref r); bit = 2; }
            else if (!lifecycle && key.SequenceEqual("grpc"u8)) { ok = ReadGrpc(ref r); bit = 3; }
            else if (lifecycle && key.SequenceEqual("sleep"u8)) { ok = ReadSleep(ref r, out long seconds); _sleepSeconds = seconds; bit = 4; }
            else { return false; }

            return ok && Mark(ref _seen, bit);
        }

        public readonly ProbeHandler Build() => _extra.ApplyTo(new ProbeHandler
        {
            ExecCommand = _exec,
            HttpGet = _httpGet,
            TcpSocketPort = _tcpSocketPort,
            GrpcPort = _grpcPort,
            SleepSeconds = _sleepSeconds,
        });

        private bool ReadTcpSocket(ref Utf8JsonReader r)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            _tcpSocketPort = default(IntOrString);
            bool port = false;
            while (NextKey(ref r, out var key))
            {
                if (key.SequenceEqual("port"u8))
                {
                    if (port || !TakeIntOrString(ref r, out var p))
                    {
                        return false;
                    }

                    _tcpSocketPort = p;
                    port = true;
                }
                else if (!_extra.TryReadTcpSocket(key, ref r))
                {
                    return false;
                }
            }

            return AtEnd(ref r);
        }

        private bool ReadGrpc(ref Utf8JsonReader r)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            _grpcPort = 0;
            bool port = false;
            while (NextKey(ref r, out var key))
            {
                if (key.SequenceEqual("port"u8))
                {
                    if (port || !TakeInt32(ref r, out int p))
                    {
                        return false;
                    }

                    _grpcPort = p;
                    port = true;
                }
                else if (!_extra.TryReadGrpc(key, ref r))
                {
                    return false;
                }
            }

            return AtEnd(ref r);
        }
    }

    private static bool ReadExec(ref Utf8JsonReader r, out ValueList<string> command)
    {
        command = default;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool seen = false;
        while (NextKey(ref r, out var key))
        {
            if (seen || !key.SequenceEqual("command"u8) || !TakeStringList(ref r, out command))
            {
                return false;
            }

            seen = true;
        }

        return AtEnd(ref r);
    }

    private static bool ReadSleep(ref Utf8JsonReader r, out long seconds)
    {
        seconds = 0;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        bool seen = false;
        while (NextKey(ref r, out var key))
        {
            if (seen || !key.SequenceEqual("seconds"u8) || !TakeInt64(ref r, out seconds))
            {
                return false;
            }

            seen = true;
        }

        return AtEnd(ref r);
    }

    private static bool ReadHTTPGetAction(ref Utf8JsonReader r, out HttpGetAction value)
    {
        value = null!;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        string path = "", host = "", scheme = "";
        IntOrString port = default;
        var extra = default(HttpGetActionWireFields);
        ulong seen = 0;
        while (NextKey(ref r, out var key))
        {
            int bit;
            bool ok;
            if (key.SequenceEqual("path"u8)) { ok = TakeString(ref r, out path); bit = 0; }
            else if (key.SequenceEqual("port"u8)) { ok = TakeIntOrString(ref r, out port); bit = 1; }
            else if (key.SequenceEqual("host"u8)) { ok = TakeString(ref r, out host); bit = 2; }
            else if (key.SequenceEqual("scheme"u8)) { ok = TakeString(ref r, out scheme); bit = 3; }
            else if (extra.TryReadHTTPGetAction(key, ref r)) { continue; }
            else { return false; }

            if (!ok || !Mark(ref seen, bit))
            {
                return false;
            }
        }

        value = extra.ApplyTo(new HttpGetAction { Path = path, Port = port, Host = host, Scheme = scheme });
        return AtEnd(ref r);
    }
}
