#!/usr/bin/env python3
"""A minimal PodConformance process adapter in Python (standard library only).

It speaks spec/adapter-protocol.md (podconf.adapter/v1) on stdin/stdout and answers the
`quantity` capability: Kubernetes' resource.Quantity parsing and printing, written from
apimachinery's quantity.go for the common cases. Run it with

    podconf run --adapter "process:python3 tests/examples/python-adapter/adapter.py"

It is deliberately, and honestly, incomplete. Known differences from Kubernetes 1.28-1.37
(the suite finds them; tests/PodConformance.Adapters.Process.Tests/PythonAdapterTests.cs
asserts the first one is reported):

1. A DecimalSI value whose canonical exponent has no SI letter (1000E = 1e21) prints in
   exponent form, "1e21", as Kubernetes does after the fix of kubernetes/kubernetes#141249;
   Kubernetes 1.28-1.37 drop the suffix and print "1".
2. BinarySI values above 2^63-1 are not capped ("9Ei" stays 9Ei).
3. Exponents are not truncated to int32, and |exponent| > 1000 is answered with an error
   (the suite reports an adapter error for that case) instead of Go's wrapped arithmetic.
4. Value()/MilliValue() round away from zero for every value; Kubernetes rounds negative
   decimal-backed values differently (QTY-031), and wraps silently on int64 overflow
   where this adapter wraps the exact result to 64 bits.

Diagnostics go to stderr; stdout carries protocol lines only.
"""

import json
import sys
from fractions import Fraction

PROTOCOL = "podconf.adapter/v1"
MAX_INT64_FACTORS = 18
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1

ERR_FORMAT = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
ERR_SUFFIX = "unable to parse quantity's suffix"
ERR_NUMERIC = "unable to parse numeric part of quantity"

DEC_SUFFIXES = {"n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18}
BIN_SUFFIXES = {"Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60}
DEC_LETTERS = {v: k for k, v in DEC_SUFFIXES.items()}
BIN_LETTERS = {v: k for k, v in BIN_SUFFIXES.items()}
DIGITS = "0123456789"


class QuantityError(Exception):
    pass


class Unsupported(Exception):
    """A case this adapter does not implement: answered with a protocol error."""


def split(s):
    """quantity.go parseQuantityString: (positive, value, num, denom, suffix)."""
    pos, end, positive = 0, len(s), True
    if pos < end and s[0] in "+-":
        positive = s[0] != "-"
        pos += 1
    while pos < end and s[pos] == "0":
        pos += 1
    if pos >= end:
        return positive, "0", "0", "", ""
    start = pos
    while pos < end and s[pos] in DIGITS:
        pos += 1
    num = s[start:pos] or "0"
    if pos >= end:
        return positive, s, num, "", ""
    denom = ""
    if s[pos] == ".":
        pos += 1
        start = pos
        while pos < end and s[pos] in DIGITS:
            pos += 1
        denom = s[start:pos]
        if pos >= end:
            return positive, s, num, denom, ""
    value = s[:pos]
    suffix_start = pos
    while pos < end and s[pos] in "eEinumkKMGTP":
        pos += 1
    if pos < end and s[pos] in "+-":
        pos += 1
    while pos < end and s[pos] in DIGITS:
        pos += 1
    if pos < end:
        raise QuantityError(ERR_FORMAT)
    return positive, value, num, denom, s[suffix_start:]


def interpret(suffix):
    """suffix.go interpret: (base, exponent, format)."""
    if suffix in DEC_SUFFIXES:
        return 10, DEC_SUFFIXES[suffix], "DecimalSI"
    if suffix in BIN_SUFFIXES:
        return 2, BIN_SUFFIXES[suffix], "BinarySI"
    if len(suffix) > 1 and suffix[0] in "eE":
        rest = suffix[1:]
        body = rest[1:] if rest[0] in "+-" else rest
        if body and all(c in DIGITS for c in body):
            exponent = int(rest)
            if INT64_MIN <= exponent <= INT64_MAX:
                if abs(exponent) > 1000:
                    raise Unsupported("exponents beyond +-1000 are not implemented by this adapter")
                return 10, exponent, "DecimalExponent"
    raise QuantityError(ERR_SUFFIX)


def parse(s):
    """Returns (value as Fraction, format, cached text or None)."""
    if s == "":
        raise QuantityError(ERR_FORMAT)
    if s == "0":
        return Fraction(0), "DecimalSI", "0"
    positive, value, num, denom, suffix = split(s)
    base, exponent, fmt = interpret(suffix)
    sign = 1 if positive else -1

    # The int64 fast path decides whether the input text is kept as the printed form.
    if fmt == "BinarySI":
        scale, mantissa = 0, 1
        precision = 15 - len(num) - (exponent * 3 // 10) - 1 if exponent >= 0 and denom == "" else -1
        if precision >= 0:
            mantissa = 1 << exponent
    else:
        scale, mantissa = exponent, 1
        precision = MAX_INT64_FACTORS - (len(num) + len(denom))
    if precision >= 0:
        scale -= len(denom)
        if scale >= -9:
            shifted = num + denom
            product = int(shifted) * mantissa
            if INT64_MIN <= product <= INT64_MAX:
                amount = Fraction(sign * product) * (Fraction(10) ** scale)
                cached = None
                if fmt == "BinarySI":
                    if exponent % 10 == 0 and int(shifted) & 7 != 0:
                        cached = s
                elif scale % 3 == 0 and not shifted.endswith("000") and shifted[0] != "0":
                    cached = s
                return amount, fmt, cached

    # The exact path: rounded away from zero to a multiple of 10^-9.
    digits = value.lstrip("+-")
    if not any(c in DIGITS for c in digits):
        raise QuantityError(ERR_NUMERIC)
    whole, _, frac = digits.partition(".")
    amount = Fraction(int(whole or "0") * 10 ** len(frac) + int(frac or "0"), 10 ** len(frac))
    amount *= Fraction(10) ** exponent if base == 10 else (1 << exponent)
    nanos = amount * 10**9
    if nanos.denominator != 1:
        nanos = Fraction(-(-nanos.numerator // nanos.denominator))  # ceil, away from zero for positives
    amount = nanos / 10**9
    if fmt == "BinarySI" and 0 < amount < 1:
        fmt = "DecimalSI"
    return sign * amount, fmt, None


def canonical(amount, fmt):
    """quantity.go CanonicalizeBytes for the common cases."""
    if fmt == "BinarySI":
        if -1024 < amount < 1024 or amount.denominator != 1:
            fmt = "DecimalSI"
    sign = "-" if amount < 0 else ""
    magnitude = abs(amount)
    if magnitude == 0:
        return "0"
    if fmt == "BinarySI":
        number, exp = int(magnitude), 0
        while number % 1024 == 0 and exp < 60:
            number //= 1024
            exp += 10
        return sign + str(number) + BIN_LETTERS[exp]
    # mantissa * 10^exp with no trailing zeros, then exp lowered to a multiple of 3.
    exp = 0
    while magnitude.denominator != 1:
        magnitude *= 10
        exp -= 1
    mantissa = int(magnitude)
    while mantissa % 10 == 0:
        mantissa //= 10
        exp += 1
    while exp % 3 != 0:
        mantissa *= 10
        exp -= 1
    if fmt == "DecimalSI" and exp in DEC_LETTERS:
        return sign + str(mantissa) + DEC_LETTERS[exp]
    return sign + str(mantissa) + ("e" + str(exp) if exp != 0 else "")


def wrap64(n):
    n &= (1 << 64) - 1
    return n - (1 << 64) if n >= (1 << 63) else n


def scaled(amount, scale):
    v = amount / Fraction(10) ** scale
    up = -(-abs(v.numerator) // v.denominator)
    return wrap64(up if v >= 0 else -up)


def observe_quantity(text):
    try:
        amount, fmt, cached = parse(text)
    except QuantityError as e:
        return {"ok": False, "string": "", "canonical": "", "format": "", "milliValue": 0, "value": 0, "error": str(e)}
    canon = canonical(amount, fmt)
    return {
        "ok": True,
        "string": cached if cached is not None else canon,
        "canonical": canon,
        "format": fmt,
        "milliValue": scaled(amount, -3),
        "value": scaled(amount, 0),
        "error": "",
    }


def send(message):
    sys.stdout.write(json.dumps(message, ensure_ascii=False, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main():
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", newline="\n", closefd=False)
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
            hello = {
                "type": "hello",
                "protocol": PROTOCOL,
                "name": "python-quantity",
                "version": "0.1.0",
                "capabilities": ["quantity"],
                "kubernetesVersions": ["1.%d" % m for m in range(28, 38)],
            }
            if message.get("pipelining") is True:
                # This loop reads one line, answers it, and reads the next: answers come in order, so podconf may
                # send requests ahead (PROTO-005). Only in answer to the offer: an older podconf refuses the member.
                hello["maxInFlight"] = 32
            send(hello)
        elif kind == "run" and greeted:
            rid, case = message.get("id"), message.get("case", {})
            if case.get("kind") != "quantity":
                send({"type": "error", "id": rid, "message": "only quantity cases are implemented"})
                continue
            try:
                send({"type": "observation", "id": rid, "observation": {"quantity": observe_quantity(case["input"])}})
            except Unsupported as e:
                send({"type": "error", "id": rid, "message": str(e)})
        elif kind == "bye":
            return 0
        else:
            print("ignoring message of type %r" % kind, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
