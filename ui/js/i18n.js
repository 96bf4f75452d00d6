// Language choice for the whole UI: Danish by default, English on request,
// remembered between sessions. Screens ask t() for every visible text.

import da from './texts.da.js';
import en from './texts.en.js';

const TABLES = { da, en };
const STORAGE_KEY = 'hvemved.lang';
const listeners = new Set();

function initialLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && TABLES[saved]) return saved;
  } catch {
    // Storage can be unavailable (privacy settings); Danish is the default anyway.
  }
  return 'da';
}

let current = initialLang();

export function lang() {
  return current;
}

export function setLang(next) {
  if (!TABLES[next] || next === current) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* see initialLang */ }
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

// Dates come as YYYY-MM-DD; show them the way Danes write them (12.3.2024).
export function formatDate(iso) {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return d.toLocaleDateString(current === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

// Moments come as UTC (2026-11-30T02:07:29Z); show them in local time, the
// way Danes write them (30.11.2026 kl. 03.07), to the minute.
export function formatDateTime(iso) {
  if (!iso) return '';
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const locale = current === 'da' ? 'da-DK' : 'en-GB';
  const day = moment.toLocaleDateString(locale, { day: 'numeric', month: 'numeric', year: 'numeric' });
  const time = moment.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return current === 'da' ? `${day} kl. ${time}` : `${day}, ${time}`;
}

export function formatNumber(n) {
  return Number(n).toLocaleString(current === 'da' ? 'da-DK' : 'en-GB');
}

document.documentElement.lang = current;
