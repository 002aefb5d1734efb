namespace PodConformance.Adapters.Process.Tests.Fakes;

/// <summary>
/// Tiny misbehaving adapters. The Python one answers quantity cases with an echo and misbehaves on a trigger
/// input, so one run shows the bad case failing and the cases around it passing. Child pids go to a file
/// (argv[1]) so tests can check the process tree is gone afterwards.
/// </summary>
public static class FakeAdapters
{
    public const string Python = """
        import json, subprocess, sys, time

        pidfile = sys.argv[1]

        def send(obj):
            sys.stdout.write(json.dumps(obj) + "\n")
            sys.stdout.flush()

        def echo(rid, text):
            send({"type": "observation", "id": rid, "observation": {"quantity": {
                "ok": True, "string": text, "canonical": text, "format": "DecimalSI",
                "milliValue": 0, "value": 0, "error": ""}}})

        for line in sys.stdin:
            msg = json.loads(line)
            if msg["type"] == "hello":
                send({"type": "hello", "protocol": msg["protocol"], "name": "fake", "version": "0",
                      "capabilities": ["quantity"], "kubernetesVersions": ["1.36", "1.37"]})
                continue
            if msg["type"] == "bye":
                break
            rid, text = msg["id"], msg["case"]["input"]
            if text == "crash":
                print("Traceback: fake adapter crashed on purpose", file=sys.stderr, flush=True)
                sys.exit(3)
            elif text == "hang":
                child = subprocess.Popen(["sleep", "600"])
                with open(pidfile, "a") as f:
                    f.write(str(child.pid) + "\n")
                time.sleep(600)
            elif text == "garbage":
                sys.stdout.write("Segmentation fault (not really) \x01\x02 {oops\n")
                sys.stdout.flush()
            elif text == "binary":
                sys.stdout.buffer.write(b"\xff\xfe\xfd not utf-8\n")
                sys.stdout.flush()
            elif text == "wrong-id":
                echo(rid + 100, text)
            elif text == "malformed":
                send({"type": "observation", "id": rid, "observation": {"quantity": {"ok": True, "string": "1", "value": "1"}}})
            elif text == "typo":
                send({"type": "observation", "id": rid, "observation": {"quantitiy": {}}})
            elif text == "half-line":
                sys.stdout.write('{"type": "observation", "id": ' + str(rid))
                sys.stdout.flush()
                sys.exit(3)
            elif text == "sigkill":
                import os, signal
                os.kill(os.getpid(), signal.SIGKILL)
            elif text == "refuse":
                send({"type": "error", "id": rid, "message": "cannot do that"})
            else:
                echo(rid, text)
        """;

    /// <summary>Reads podconf's hello and never answers; its child (a sleep) must die with it. The pid file is written last: once it exists, the stderr line is out.</summary>
    public const string NeverHandshakes = """
        #!/bin/sh
        echo "starting up, slowly..." >&2
        sleep 600 &
        echo $! >> "$1"
        read line
        sleep 600
        """;

    /// <summary>Answers the handshake with a different protocol version.</summary>
    public const string WrongProtocol = """
        #!/bin/sh
        read line
        echo '{"type":"hello","protocol":"podconf.adapter/v0","name":"old","version":"0","capabilities":[],"kubernetesVersions":["1.37"]}'
        sleep 60
        """;
}
