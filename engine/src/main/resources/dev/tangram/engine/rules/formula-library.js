// The Excel-like formula library, defined once per context as read-only globals (then frozen with the rest).
// Numbers are JavaScript doubles; the host rounds each result half-up to its field's scale. Dates are ISO
// strings 'yyyy-MM-dd' (or 'yyyy-MM-ddTHH:mm:ss'), handled in UTC arithmetic so no time zone shifts a day.
(function () {
  'use strict';
  const fail = (code, message) => { throw new Error(code + ' ' + message); };

  // Indexed loops, no intermediate arrays: subform columns arrive as host arrays, where iterators and
  // array copies cost a host call per element.
  function flatten(args, out) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      if (Array.isArray(v)) flatten(v, out); else out.push(v);
    }
    return out;
  }
  function eachNumber(args, visit) {
    for (let i = 0; i < args.length; i++) {
      const v = args[i];
      if (Array.isArray(v)) eachNumber(v, visit);
      else if (typeof v === 'number' && Number.isFinite(v)) visit(v);
    }
  }
  function aggregate(args) {
    let sum = 0, count = 0, min = Infinity, max = -Infinity;
    eachNumber(args, v => { sum += v; count++; if (v < min) min = v; if (v > max) max = v; });
    return { sum, count, min, max };
  }
  const isEmpty = v => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

  // Moves the decimal point by n places through the decimal text of x, so 1.005 shifted by 2 is exactly 100.5.
  function shift(x, n) {
    const [mantissa, exponent] = String(x).split('e');
    return Number(mantissa + 'e' + ((exponent ? Number(exponent) : 0) + n));
  }
  // Excel shows 15 significant digits; normalising first makes ROUNDUP(0.1+0.2, 1) 0.3, not 0.4.
  const normal = x => Number(x.toPrecision(15));
  function roundWith(x, digits, step) {
    x = Number(x); digits = digits === undefined ? 0 : Math.trunc(Number(digits));
    // IF evaluates both branches, so a non-finite value flows on and fails only if a field receives it.
    if (!Number.isFinite(x)) return x;
    const sign = x < 0 ? -1 : 1;
    return sign * shift(step(shift(normal(Math.abs(x)), digits)), -digits) + 0;
  }
  const ROUND = (x, digits) => roundWith(x, digits, Math.round);
  const ROUNDUP = (x, digits) => roundWith(x, digits, Math.ceil);
  const ROUNDDOWN = (x, digits) => roundWith(x, digits, Math.floor);

  const pad = (n, width) => String(n).padStart(width, '0');
  const isoDate = d => pad(d.getUTCFullYear(), 4) + '-' + pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2);
  function toDate(v) {
    if (typeof v === 'string') {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(v);
      if (m) return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0)));
    }
    fail('#VALUE!', 'not a date (expected yyyy-MM-dd): ' + v);
  }
  const localNow = () => { const d = new Date(); return new Date(d.getTime() - d.getTimezoneOffset() * 60000); };
  const DAY_MS = 86400000;
  const wholeDays = (end, start) => Math.round((toDate(end).getTime() - toDate(start).getTime()) / DAY_MS);
  function monthsBetween(a, b) {
    let months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
    if (b.getUTCDate() < a.getUTCDate()) months--;
    return months;
  }
  function DATEDIF(start, end, unit) {
    const a = toDate(start), b = toDate(end);
    if (a > b) fail('#NUM!', 'DATEDIF start ' + start + ' is after end ' + end);
    switch (String(unit).toUpperCase()) {
      case 'D': return wholeDays(end, start);
      case 'M': return monthsBetween(a, b);
      case 'Y': return Math.floor(monthsBetween(a, b) / 12);
      case 'YM': return monthsBetween(a, b) % 12;
      case 'MD': {
        const days = b.getUTCDate() - a.getUTCDate();
        if (days >= 0) return days;
        const lastOfPrevious = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), 0)).getUTCDate();
        return lastOfPrevious - a.getUTCDate() + b.getUTCDate();
      }
      case 'YD': {
        let anniversary = new Date(Date.UTC(b.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()));
        if (anniversary > b) anniversary = new Date(Date.UTC(b.getUTCFullYear() - 1, a.getUTCMonth(), a.getUTCDate()));
        return Math.round((b - anniversary) / DAY_MS);
      }
      default: fail('#NUM!', 'DATEDIF unit must be Y, M, D, MD, YM or YD: ' + unit);
    }
  }

  function textOf(v) {
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }
  function formatNumber(x, format) {
    const percent = format.includes('%');
    if (percent) x = x * 100;
    const dot = format.indexOf('.');
    const decimals = dot < 0 ? 0 : (format.slice(dot + 1).match(/[0#]/g) || []).length;
    const rounded = ROUND(x, decimals);
    let [whole, fraction] = Math.abs(rounded).toFixed(decimals).split('.');
    if (format.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const prefix = format.slice(0, Math.max(0, format.search(/[0#]/))).replace(/["\\]/g, '');
    return (rounded < 0 ? '-' : '') + prefix + whole + (fraction ? '.' + fraction : '') + (percent ? '%' : '');
  }
  function formatDate(value, format) {
    const d = toDate(value);
    let afterHour = false;
    return format.replace(/yyyy|yy|mm|m|dd|d|hh|h|ss|s/gi, token => {
      const t = token.toLowerCase();
      if (t[0] === 'h') { afterHour = true; return pad(d.getUTCHours(), t.length); }
      if (t[0] === 's') return pad(d.getUTCSeconds(), t.length);
      if (t[0] === 'm' && afterHour) { afterHour = false; return pad(d.getUTCMinutes(), t.length); }
      if (t === 'yyyy') return pad(d.getUTCFullYear(), 4);
      if (t === 'yy') return pad(d.getUTCFullYear() % 100, 2);
      if (t[0] === 'm') return pad(d.getUTCMonth() + 1, t.length);
      return pad(d.getUTCDate(), t.length);
    });
  }
  function TEXT(value, format) {
    format = String(format);
    if (typeof value === 'number') return formatNumber(value, format);
    if (/[ymd]/i.test(format) && !/[0#]/.test(format)) return formatDate(value, format);
    return textOf(value);
  }

  // 人民币大写 as 会计基础工作规范 art. 52 writes it: 壹拾 (not 拾) for ten, one 零 per run of zeros,
  // "整" after 元 or 角 when there are no 分, "元零伍分" when the 角 is zero.
  const CN_DIGITS = '零壹贰叁肆伍陆柒捌玖';
  const CN_UNITS = ['', '拾', '佰', '仟'];
  const CN_SECTIONS = ['', '万', '亿', '万亿'];
  function cnSection(n) { // 1..9999
    let text = '', zero = false;
    for (let p = 3; p >= 0; p--) {
      const d = Math.floor(n / Math.pow(10, p)) % 10;
      if (d === 0) { zero = text !== ''; continue; }
      if (zero) { text += '零'; zero = false; }
      text += CN_DIGITS[d] + CN_UNITS[p];
    }
    return text;
  }
  function RMBUPPER(amount) {
    if (amount === null || amount === undefined || amount === '') return '';
    const x = Number(amount);
    if (typeof amount === 'boolean' || !Number.isFinite(x)) fail('#VALUE!', 'RMBUPPER needs a number: ' + amount);
    const cents = Math.round(shift(roundWith(Math.abs(x), 2, Math.round), 2));
    if (cents >= 1e17) fail('#NUM!', 'RMBUPPER: amount too large: ' + amount);
    let yuan = Math.floor(cents / 100);
    const jiao = Math.floor(cents / 10) % 10, fen = cents % 10;
    const sections = [];
    for (; yuan > 0; yuan = Math.floor(yuan / 10000)) sections.push(yuan % 10000);
    let text = '', gap = false;
    for (let i = sections.length - 1; i >= 0; i--) {
      const s = sections[i];
      if (s === 0) { gap = text !== ''; continue; }
      if (text !== '' && (gap || s < 1000)) text += '零';
      gap = false;
      text += cnSection(s) + CN_SECTIONS[i];
    }
    if (text !== '') text += '元';
    if (jiao === 0 && fen === 0) text = (text || '零元') + '整';
    else {
      if (jiao > 0) text += CN_DIGITS[jiao] + '角';
      else if (text !== '') text += '零';
      text += fen > 0 ? CN_DIGITS[fen] + '分' : '整';
    }
    return (x < 0 && cents > 0 ? '负' : '') + text;
  }

  const library = {
    SUM: (...args) => aggregate(args).sum,
    AVERAGE: (...args) => {
      const a = aggregate(args);
      if (a.count === 0) fail('#DIV/0!', 'AVERAGE of no numbers');
      return a.sum / a.count;
    },
    MIN: (...args) => { const a = aggregate(args); return a.count === 0 ? 0 : a.min; },
    MAX: (...args) => { const a = aggregate(args); return a.count === 0 ? 0 : a.max; },
    COUNT: (...args) => aggregate(args).count,
    IF: (condition, whenTrue, whenFalse) => condition ? whenTrue : (whenFalse === undefined ? false : whenFalse),
    IFS: (...pairs) => {
      for (let i = 0; i + 1 < pairs.length; i += 2) if (pairs[i]) return pairs[i + 1];
      fail('#N/A', 'IFS: no condition is true');
    },
    AND: (...args) => flatten(args, []).every(Boolean),
    OR: (...args) => flatten(args, []).some(Boolean),
    NOT: v => !v,
    ROUND, ROUNDUP, ROUNDDOWN,
    ABS: x => Math.abs(Number(x)),
    TODAY: () => isoDate(localNow()),
    NOW: () => localNow().toISOString().slice(0, 19),
    DATE: (y, m, d) => isoDate(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))),
    YEAR: v => toDate(v).getUTCFullYear(),
    MONTH: v => toDate(v).getUTCMonth() + 1,
    DAY: v => toDate(v).getUTCDate(),
    DAYS: (end, start) => wholeDays(end, start),
    DATEDIF,
    CONCAT: (...args) => flatten(args, []).map(textOf).join(''),
    TEXT,
    LEFT: (text, n) => textOf(text).slice(0, n === undefined ? 1 : Math.max(0, n)),
    RIGHT: (text, n) => { const s = textOf(text), k = n === undefined ? 1 : Math.max(0, n); return k === 0 ? '' : s.slice(-k); },
    MID: (text, start, n) => textOf(text).substr(Math.max(0, Number(start) - 1), Math.max(0, Number(n))),
    LEN: text => textOf(text).length,
    UPPER: text => textOf(text).toUpperCase(),
    LOWER: text => textOf(text).toLowerCase(),
    TRIM: text => textOf(text).trim().replace(/ {2,}/g, ' '),
    ISEMPTY: isEmpty,
    RMBUPPER,
  };
  for (const name of Object.keys(library)) {
    Object.defineProperty(globalThis, name, { value: library[name], enumerable: false });
  }
  // Warm up while the context is prepared, off the evaluation clock: the first use of time zones, regular
  // expressions and number formatting costs far more than the 200 ms default timeout on a cold interpreter.
  library.TEXT(library.TODAY(), 'yyyy-mm-dd hh:mm:ss') + library.NOW() + library.TEXT(-1234.5, '¥#,##0.0%');
  library.DATEDIF('2020-01-15', '2024-03-10', 'YD') + library.TRIM(' a  b ') + library.CONCAT(library.ROUND(1.005, 2), [1]) + library.RMBUPPER(1680.32);
})();
