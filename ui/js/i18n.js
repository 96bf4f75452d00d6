// Language choice for the whole UI: Danish by default, English on request,
// remembered between sessions. Screens ask t() for every visible text.
// The English texts load when English is first chosen: most users never
// switch, and the table held in the web view costs about 0.7 MB.

import da from './texts.da.js';

const LOADERS = { en: () => import('./texts.en.js') };
const TABLES = { da };
const STORAGE_KEY = 'hvemved.lang';
const listeners = new Set();

function savedLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && (TABLES[saved] || LOADERS[saved])) return saved;
  } catch {
    // Storage can be unavailable (privacy settings); Danish is the default anyway.
  }
  return 'da';
}

/** Makes sure `name`'s table is loaded; false if it cannot be. */
async function loadTable(name) {
  if (TABLES[name]) return true;
  if (!LOADERS[name]) return false;
  try {
    TABLES[name] = (await LOADERS[name]()).default;
    return true;
  } catch (err) {
    console.warn('could not load the texts of', name, err);
    return false;
  }
}

let current = savedLang();
if (!(await loadTable(current))) current = 'da';

export function lang() {
  return current;
}

/** Switches the UI to `next` once its texts are loaded; resolves when done. */
export async function setLang(next) {
  // Asked again after the wait: a quicker switch may have landed meanwhile.
  if (next === current || !(await loadTable(next)) || next === current) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* see savedLang */ }
  document.documentElement.lang = next;
  listeners.forEach((fn) => fn(next));
}

export function onLangChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// A missing English text falls back to Danish rather than showing a key.
export function t(key, ...args) {
  const value = TABLES[current][key] ?? TABLES.da[key];
  if (value === undefined) {
    console.warn('missing text', key);
    return key;
  }
  return typeof value === 'function' ? value(...args) : value;
}

export function levelName(level) {
  return level ? t('level.' + level) : t('level.none');
}

// Dates, times and numbers are written by hand, the way Danes (and the
// British) write them, rather than with the browser's Intl formatters: the
// first call of those loads ICU's locale, calendar and time-zone data into
// the web view's process, about 2 MB of the desktop app's memory for a
// thousands separator and twelve month names (`date.months` in the text
// tables).

const twoDigits = (n) => String(n).padStart(2, '0');

// Dates come as YYYY-MM-DD; show them the way Danes write them (12. marts 2024).
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return iso;
  const monthName = t('date.months')[month - 1];
  return current === 'da' ? `${day}. ${monthName} ${year}` : `${day} ${monthName} ${year}`;
}

// Moments come as UTC (2026-11-30T02:07:29Z); show them in local time, the
// way Danes write them (30.11.2026 kl. 03.07), to the minute.
export function formatDateTime(iso) {
  if (!iso) return '';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const [day, month, year] = [moment.getDate(), moment.getMonth() + 1, moment.getFullYear()];
  const [hours, minutes] = [twoDigits(moment.getHours()), twoDigits(moment.getMinutes())];
  return current === 'da'
    ? `${day}.${month}.${year} kl. ${hours}.${minutes}`
    : `${twoDigits(day)}/${twoDigits(month)}/${year}, ${hours}:${minutes}`;
}

/** A whole number with thousands grouped: 12.345 in Danish, 12,345 in English. */
export function formatNumber(n) {
  return formatDecimal(n, 0);
}

/** `n` rounded to at most `digits` decimals, trailing zeros dropped:
 *  1.234,5 in Danish, 1,234.5 in English. */
export function formatDecimal(n, digits) {
  const value = Number(n);
  if (!Number.isFinite(value)) return String(n);
  const [whole, fraction = ''] = Math.abs(value).toFixed(digits).split('.');
  const [group, point] = current === 'da' ? ['.', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const decimals = fraction.replace(/0+$/, '');
  const sign = value < 0 && (Number(whole) > 0 || decimals) ? '-' : '';
  return sign + grouped + (decimals ? point + decimals : '');
}

document.documentElement.lang = current;
