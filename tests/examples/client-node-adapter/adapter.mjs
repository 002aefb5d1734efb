#!/usr/bin/env node
// A PodConformance process adapter (spec/adapter-protocol.md, podconf.adapter/v1) that puts the quantity parser of
// the official JavaScript client, @kubernetes/client-node (version pinned by package-lock.json), behind the protocol:
//
//     podconf run --adapter "process:node tests/examples/client-node-adapter/adapter.mjs" --rules 'P-QTY-*'
//
// Install the library first: .ci/setup-clients.sh (npm ci here). It answers the `quantity` capability with what
// `quantityToScalar(text)` returns, and nothing of its own making:
//
//   ok          the call returned (a number or a bigint); it threw → false
//   value       Go's Value() rule (round up) applied to the value the library returned (a bigint exactly; a number as
//               the shortest decimal that reads back as it, JavaScript's String()), where that rule does not depend
//               on Go's internal representation: the value is zero or positive and within int64. Otherwise (any
//               negative value: QTY-031, QTY-038; NaN, ±Infinity, beyond int64) it is listed in `notObserved`.
//   milliValue  the same for 1000 × the returned value.
//   string, canonical, format, error
//               always in `notObserved`: the library has no printer and no Format, and its error texts are its own.
//               The thrown error is kept in the extension member `x-error`, the raw result in `x-result`.
//
// The package's main entry (dist/index.js) does not load on Node.js 20: it imports undici 8, which needs Node.js
// 22.19 or later. quantityToScalar lives in dist/util.js, which imports nothing and which dist/index.js re-exports
// (through dist/top.js's import of it), so the adapter imports that module directly: the same function, on the
// Node.js this project's machines have.
//
// The library has two more functions of a Pod, totalCPU(pod) and totalMemory(pod) (sums of the regular containers'
// requests and limits through quantityToScalar). The protocol has no facet for them, so they are not run here; what
// they would differ in follows from quantityToScalar (golden/client-node/divergences.md).
//
// Diagnostics go to stderr; stdout carries protocol lines only.

import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { quantityToScalar } from '@kubernetes/client-node/dist/util.js';

const PROTOCOL = 'podconf.adapter/v1';
const INT64_MAX = (1n << 63n) - 1n;
const ALWAYS_NOT_OBSERVED = ['string', 'canonical', 'format', 'error'];
const LIBRARY_VERSION = createRequire(import.meta.url)('@kubernetes/client-node/package.json').version;

/**
 * The value the library means, as a fraction [numerator, denominator > 0] of bigints: a bigint exactly; a finite
 * number as the shortest decimal that reads back as the same double (JavaScript's own String(), `0.1` for the double
 * nearest 1/10), so the binary approximation of a decimal is not counted against the library, but a value a double
 * cannot hold (more than ~17 significant digits) is.
 */
function exact(result) {
  if (typeof result === 'bigint') {
    return [result, 1n];
  }

  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(result));
  if (m === null) {
    throw new Error(`unexpected number text ${String(result)}`);
  }

  const fraction = m[3] || '';
  let numerator = BigInt(m[2] + fraction);
  let denominator = 10n ** BigInt(fraction.length);
  const e = m[4] ? Number(m[4]) : 0;
  if (e >= 0) {
    numerator *= 10n ** BigInt(e);
  } else {
    denominator *= 10n ** BigInt(-e);
  }

  return [m[1] === '-' ? -numerator : numerator, denominator];
}

/**
 * Go's rounding up (QTY-030) of numerator/denominator, or null where Go's answer depends on its internal
 * representation: every negative value (QTY-031 rounds negative fractions by representation; QTY-038 wraps
 * decimal-backed negatives, so Go's Value() of -1000Ti is 6552737458), and values beyond int64 (QTY-032).
 */
function roundedUp(numerator, denominator) {
  if (numerator < 0n) {
    return null;
  }

  const n = numerator % denominator === 0n ? numerator / denominator : numerator / denominator + 1n;
  return n <= INT64_MAX ? n : null;
}

function observe(text) {
  let result;
  try {
    result = quantityToScalar(text);
  } catch (e) {
    return {
      ok: false, milliValue: 0, value: 0, notObserved: ALWAYS_NOT_OBSERVED,
      'x-error': `${e && e.name ? e.name : typeof e}: ${e && e.message !== undefined ? e.message : String(e)}`.slice(0, 200),
    };
  }

  const q = { ok: true, 'x-result': `${typeof result} ${String(result)}`.slice(0, 200) };
  const notObserved = [...ALWAYS_NOT_OBSERVED];
  let value = null;
  let milli = null;
  if (typeof result === 'bigint' || (typeof result === 'number' && Number.isFinite(result))) {
    const [num, den] = exact(result);
    value = roundedUp(num, den);
    milli = roundedUp(num * 1000n, den);
  }

  if (milli === null) {
    notObserved.push('milliValue');
  } else {
    q.milliValue = milli;
  }

  if (value === null) {
    notObserved.push('value');
  } else {
    q.value = value;
  }

  q.notObserved = notObserved;
  return q;
}

/** JSON with bigints written as JSON integers (exact; JSON.stringify refuses bigints). */
function toJson(message) {
  const marks = [];
  const text = JSON.stringify(message, (_, v) => {
    if (typeof v === 'bigint') {
      marks.push(v.toString());
      return `\u0000${marks.length - 1}\u0000`;
    }

    return v;
  });
  return text.replace(/"\\u0000(\d+)\\u0000"/g, (_, i) => marks[Number(i)]);
}

function send(message) {
  process.stdout.write(toJson(message) + '\n');
}

const versions = [];
for (let minor = 28; minor <= 37; minor++) {
  versions.push(`1.${minor}`);
}

let greeted = false;
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }

  let message;
  try {
    message = JSON.parse(line);
  } catch (e) {
    send({ type: 'error', message: `bad request: ${e.message}` });
    return;
  }

  if (message.type === 'hello') {
    if (message.protocol !== PROTOCOL) {
      send({ type: 'error', message: `unsupported protocol ${JSON.stringify(message.protocol)}` });
      process.exit(1);
    }

    greeted = true;
    send({
      type: 'hello', protocol: PROTOCOL, name: '@kubernetes/client-node quantityToScalar', version: LIBRARY_VERSION,
      capabilities: ['quantity'], kubernetesVersions: versions,
    });
  } else if (message.type === 'run' && greeted) {
    const kase = message.case || {};
    if (kase.kind !== 'quantity') {
      send({ type: 'error', id: message.id, message: `case kind ${JSON.stringify(kase.kind)}: only quantity cases are implemented` });
      return;
    }

    send({ type: 'observation', id: message.id, observation: { quantity: observe(kase.input) } });
  } else if (message.type === 'bye') {
    lines.close();
  } else {
    process.stderr.write(`ignoring message of type ${JSON.stringify(message.type)}\n`);
  }
});
lines.on('close', () => process.exit(0));
