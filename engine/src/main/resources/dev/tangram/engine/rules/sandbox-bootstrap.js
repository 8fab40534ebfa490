// Evaluated once per context, before any rule. Returns the installer that removes host-facing globals,
// guards the built-ins that allocate in one step, and deep-freezes everything reachable so that nothing a
// script does can be seen by the next evaluation on the same (pooled) context.
(function () {
  'use strict';
  const REMOVED = ['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'Graal', 'Polyglot',
    'load', 'loadWithNewGlobal', 'print', 'printErr', 'console', 'quit', 'exit', 'read', 'readline', 'readbuffer',
    'arguments', 'ArrayBuffer', 'SharedArrayBuffer', 'Atomics', 'DataView', 'Int8Array', 'Uint8Array',
    'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array',
    'Float64Array', 'BigInt64Array', 'BigUint64Array', 'WeakRef', 'FinalizationRegistry'];
  // Legacy RegExp statics (RegExp.$1, lastMatch, ...) would carry the last match of one evaluation into the next.
  const REGEXP_STATICS = ['input', '$_', 'lastMatch', '$&', 'lastParen', '$+', 'leftContext', '$`',
    'rightContext', "$'", '$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

  function limitError(what, size, max) {
    return new RangeError('Sandbox limit: ' + what + ' of ' + size + ' exceeds ' + max);
  }

  function guardStrings(maxString) {
    const repeat = String.prototype.repeat, padStart = String.prototype.padStart, padEnd = String.prototype.padEnd;
    const define = (name, fn) => Object.defineProperty(String.prototype, name, { value: fn, writable: true, configurable: true });
    define('repeat', function (count) {
      const size = String(this).length * Math.max(0, Math.floor(Number(count)) || 0);
      if (size > maxString) throw limitError('string', size, maxString);
      return repeat.call(this, count);
    });
    define('padStart', function (length, fill) {
      if (Number(length) > maxString) throw limitError('string', length, maxString);
      return padStart.call(this, length, fill);
    });
    define('padEnd', function (length, fill) {
      if (Number(length) > maxString) throw limitError('string', length, maxString);
      return padEnd.call(this, length, fill);
    });
  }

  function guardArrays(maxArray) {
    const fill = Array.prototype.fill, join = Array.prototype.join;
    const define = (name, fn) => Object.defineProperty(Array.prototype, name, { value: fn, writable: true, configurable: true });
    define('fill', function (...args) {
      if (this.length > maxArray) throw limitError('array', this.length, maxArray);
      return fill.apply(this, args);
    });
    define('join', function (...args) {
      if (this.length > maxArray) throw limitError('array', this.length, maxArray);
      return join.apply(this, args);
    });
  }

  function checkResult(maxString, maxArray) {
    return function (value) {
      if (typeof value === 'string' && value.length > maxString) throw limitError('result string', value.length, maxString);
      if (Array.isArray(value) && value.length > maxArray) throw limitError('result array', value.length, maxArray);
      return value;
    };
  }

  function harden(roots) {
    const seen = new Set();
    const pending = roots.slice();
    while (pending.length > 0) {
      const o = pending.pop();
      if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) continue;
      seen.add(o);
      Object.freeze(o);
      pending.push(Object.getPrototypeOf(o));
      for (const key of Reflect.ownKeys(o)) {
        const d = Object.getOwnPropertyDescriptor(o, key);
        if (d === undefined) continue;
        if ('value' in d) pending.push(d.value); else pending.push(d.get, d.set);
      }
    }
  }

  return function install(maxString, maxArray) {
    for (const name of REMOVED) delete globalThis[name];
    for (const name of REGEXP_STATICS) delete RegExp[name];
    guardStrings(maxString);
    guardArrays(maxArray);
    Object.defineProperty(globalThis, '__tangramResult', { value: checkResult(maxString, maxArray) });
    // Intrinsics that no global names directly: generator, async and iterator prototypes.
    const hidden = [
      Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function () {}),
      Object.getPrototypeOf(async function* () {}), Object.getPrototypeOf([][Symbol.iterator]()),
      Object.getPrototypeOf(new Map().entries()), Object.getPrototypeOf(new Set().values()),
      Object.getPrototypeOf(''[Symbol.iterator]()), Object.getPrototypeOf('a'.matchAll(/a/g)),
      Object.getPrototypeOf((function* () {})()), Object.getPrototypeOf((async function* () {})())];
    harden([globalThis, ...hidden]);
  };
})();
