#!/usr/bin/python3
"""A PodConformance process adapter for the official Python client's quantity parser.

It speaks spec/adapter-protocol.md (podconf.adapter/v1) and puts `kubernetes.utils.parse_quantity` of Debian's
python3-kubernetes (installed by .ci/setup-clients.sh for the system Python, /usr/bin/python3) behind the
`quantity` capability:

    podconf run --adapter "process:/usr/bin/python3 tests/examples/python-kubernetes-adapter/adapter.py" --rules 'P-QTY-*'

It answers with what parse_quantity(text) returns, and nothing of its own making:

  ok          the call returned a Decimal; it raised ValueError (its documented rejection) -> false. Any other
              exception breaks the function's documented contract ("Raises: ValueError on invalid or unknown
              input"): the case is answered with a protocol error naming it, so podconf reports it as an adapter
              error on that case.
  value       Go's Value() rule (round up, QTY-030) applied to the returned Decimal, where that rule does not
              depend on Go's internal representation: the value is zero or positive and within int64. Otherwise
              (any negative value: QTY-031, QTY-038; NaN, Infinity, beyond int64) it is listed in `notObserved`.
  milliValue  the same for 1000 x the returned value.
  string, canonical, format, error
              always in `notObserved`: the library has no printer and no Format, and its error texts are its own
              (kept in the extension member `x-error`; the returned Decimal in `x-result`).

The library computes nothing else of a Pod. Diagnostics go to stderr; stdout carries protocol lines only.
"""

import decimal
import json
import sys



def load_parse_quantity():
    """kubernetes/utils/quantity.py, loaded on its own: importing it through the package runs kubernetes/__init__.py,
    which imports the whole generated API client (seconds of start-up) for one function that needs only decimal."""
    import importlib.util
    import os
    package = importlib.util.find_spec("kubernetes")
    if package is None or not package.submodule_search_locations:
        raise SystemExit("python3-kubernetes is not installed for %s (run .ci/setup-clients.sh)" % sys.executable)
    path = os.path.join(list(package.submodule_search_locations)[0], "utils", "quantity.py")
    spec = importlib.util.spec_from_file_location("kubernetes_utils_quantity", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.parse_quantity


parse_quantity = load_parse_quantity()

PROTOCOL = "podconf.adapter/v1"
INT64_MAX = (1 << 63) - 1
ALWAYS_NOT_OBSERVED = ["string", "canonical", "format", "error"]
# The adapter's own arithmetic, exact for every Decimal the library can return (scaleb rounds to the context's
# precision, so it has the largest); the library's call keeps Python's default context, as any caller's does.
EXACT = decimal.Context(prec=decimal.MAX_PREC, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[decimal.InvalidOperation])


def library_version():
    try:
        from importlib.metadata import version
        return version("kubernetes")
    except Exception:  # noqa: BLE001 - a missing dist-info only loses the version shown in reports
        return "unknown"


def rounded_up(d):
    """Go's rounding up (QTY-030) of a Decimal to an integer, or None where Go's answer depends on its internal
    representation: every negative value (QTY-031 rounds negative fractions by representation; QTY-038 wraps
    decimal-backed negatives, so Go's Value() of -1000Ti is 6552737458), and values beyond int64 (QTY-032)."""
    if not d.is_finite() or d.is_signed() and d != 0 or d.adjusted() >= 19:
        return None
    n = int(d.to_integral_value(rounding=decimal.ROUND_CEILING, context=EXACT))
    return n if n <= INT64_MAX else None


def observe(text):
    try:
        result = parse_quantity(text)
    except ValueError as e:
        return {"ok": False, "milliValue": 0, "value": 0, "notObserved": ALWAYS_NOT_OBSERVED,
                "x-error": ("%s: %s" % (type(e).__name__, e))[:200]}
    q = {"ok": True, "x-result": ("%s %s" % (type(result).__name__, result))[:200]}
    not_observed = list(ALWAYS_NOT_OBSERVED)
    value = milli = None
    if isinstance(result, decimal.Decimal):
        value = rounded_up(result)
        milli = rounded_up(result.scaleb(3, context=EXACT)) if result.is_finite() else None
    if milli is None:
        not_observed.append("milliValue")
    else:
        q["milliValue"] = milli
    if value is None:
        not_observed.append("value")
    else:
        q["value"] = value
    q["notObserved"] = not_observed
    return q


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=True, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main():
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="surrogateescape", newline="\n", closefd=False)
    greeted = False
    for line in stdin:
        if not line.strip():
            continue
        try:
            message = json.loads(line)
        except ValueError as e:
            send({"type": "error", "message": "bad request: %s" % e})
            continue
        kind = message.get("type")
        if kind == "hello":
            if message.get("protocol") != PROTOCOL:
                send({"type": "error", "message": "unsupported protocol %r" % message.get("protocol")})
                return 1
            greeted = True
            send({
                "type": "hello",
                "protocol": PROTOCOL,
                "name": "python3-kubernetes parse_quantity",
                "version": library_version(),
                "capabilities": ["quantity"],
                "kubernetesVersions": ["1.%d" % m for m in range(28, 38)],
            })
        elif kind == "run" and greeted:
            rid, case = message.get("id"), message.get("case", {})
            if case.get("kind") != "quantity":
                send({"type": "error", "id": rid, "message": "case kind %r: only quantity cases are implemented" % case.get("kind")})
                continue
            try:
                observation = observe(case["input"])
            except Exception as e:  # noqa: BLE001 - reported: the library broke its documented contract
                send({"type": "error", "id": rid,
                      "message": "parse_quantity raised %s (%s), not the documented ValueError" % (type(e).__module__ + "." + type(e).__name__, e)})
                continue
            send({"type": "observation", "id": rid, "observation": {"quantity": observation}})
        elif kind == "bye":
            return 0
        else:
            print("ignoring message of type %r" % kind, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
