// Small helpers for building the page without innerHTML, so nothing a user or
// an import typed can ever become markup, and for the accessibility plumbing
// (labels, hints, errors, announcements) every screen needs.

import { t } from './i18n.js';

// h('a', { href: '#', class: 'x', onclick: fn }, 'text', child, [more])
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden' || key === 'indeterminate') {
      el[key] = value;
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

let counter = 0;
export function uid(prefix = 'id') {
  counter += 1;
  return `${prefix}-${counter}`;
}

// Evidence snippets are HTML-escaped text whose only markup is <b>…</b> around
// matched words. Decode the few entities and mark the matches, as text nodes.
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };
function decode(text) {
  return text.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (m) => ENTITIES[m] ?? m);
}

export function highlighted(snippet) {
  const frag = document.createDocumentFragment();
  const parts = String(snippet ?? '').split(/(<b>|<\/b>)/);
  let bold = false;
  for (const part of parts) {
    if (part === '<b>') { bold = true; continue; }
    if (part === '</b>') { bold = false; continue; }
    if (!part) continue;
    const text = document.createTextNode(decode(part));
    frag.append(bold ? h('mark', {}, text) : text);
  }
  return frag;
}

// Screen readers hear the message once; clearing first makes a repeat of the
// same text ("Kopieret" twice) be announced again.
export function announce(message, { assertive = false } = {}) {
  const region = document.getElementById(assertive ? 'live-assertive' : 'live-polite');
  if (!region) return;
  region.textContent = '';
  window.setTimeout(() => { region.textContent = message; }, 60);
}

export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => window.clearTimeout(timer);
  return wrapped;
}

// A labelled form field with an optional hint and a slot for its error; the
// control is described by both so screen readers read them with the label.
export function field({ label, control, hint, required = false, optional = false, className }) {
  const id = control.id || (control.id = uid('f'));
  const hintEl = hint ? h('p', { class: 'field__hint', id: id + '-hint' }, hint) : null;
  const errorEl = h('p', { class: 'field__error', id: id + '-error', hidden: true });
  const describedBy = [hintEl && hintEl.id].filter(Boolean);
  if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  const labelEl = h('label', { for: id, class: 'field__label' }, label,
    required ? h('span', { class: 'field__req' }, ' ', t('common.required')) : null,
    optional ? h('span', { class: 'field__opt' }, ' ', t('common.optional')) : null);
  const wrapper = h('div', { class: ['field', className] }, labelEl, hintEl, control, errorEl);
  wrapper.control = control;
  wrapper.setError = (message) => setFieldError(control, errorEl, hintEl, message);
  // Once the person starts correcting the field, the old error no longer applies.
  control.addEventListener('input', () => { if (!errorEl.hidden) wrapper.setError(null); });
  return wrapper;
}

function setFieldError(control, errorEl, hintEl, message) {
  const ids = [hintEl && hintEl.id];
  if (message) {
    errorEl.textContent = '';
    errorEl.append(h('span', { class: 'field__error-icon', 'aria-hidden': 'true' }, '!'), ' ', message);
    errorEl.hidden = false;
    control.setAttribute('aria-invalid', 'true');
    ids.push(errorEl.id);
  } else {
    errorEl.textContent = '';
    errorEl.hidden = true;
    control.removeAttribute('aria-invalid');
  }
  const value = ids.filter(Boolean).join(' ');
  if (value) control.setAttribute('aria-describedby', value); else control.removeAttribute('aria-describedby');
}

// A summary of form errors at the top, with links that move focus to each field.
export function errorSummary(errors) {
  const box = h('div', { class: 'alert alert--error', role: 'alert', tabindex: '-1' },
    h('p', { class: 'alert__title' }, t('common.formErrors', errors.length)),
    h('ul', {}, errors.map(({ control, message }) =>
      h('li', {}, h('a', {
        href: '#' + control.id,
        onclick: (event) => { event.preventDefault(); control.focus(); },
      }, message)))));
  return box;
}

// The message a person can act on for an error from the core.
export function errorMessage(err) {
  if (err?.kind === 'unreachable') return t('common.errorUnreachable');
  if (err?.kind === 'not_found') return t('common.errorNotFound');
  // The core names what was refused and the role, e.g. "only HR or an
  // administrator may erase a person (you are employee:p-0003)".
  if (err?.kind === 'forbidden') return t('common.errorForbidden', err.message || '');
  return err?.message || t('common.error');
}

export function errorBox(err, { title } = {}) {
  const forbidden = err?.kind === 'forbidden';
  return h('div', { class: 'alert alert--error', role: 'alert' },
    h('p', { class: 'alert__title' }, title || (forbidden ? t('common.forbiddenTitle') : t('common.error'))),
    h('p', {}, errorMessage(err)),
    forbidden ? h('p', {}, t('common.forbiddenHint')) : null);
}

/** Shows a refusal of the viewer's role in `where` and answers true; answers
 *  false for any other error, which the caller explains itself. */
export function showRefusal(where, err, moveFocus) {
  if (err?.kind !== 'forbidden') return false;
  const box = errorBox(err);
  box.setAttribute('tabindex', '-1');
  where.append(box);
  if (moveFocus) box.focus();
  return true;
}

// An indeterminate progress bar with a visible label, for work of unknown length.
export function busyIndicator(label) {
  const id = uid('busy');
  return h('div', { class: 'busy' },
    h('label', { for: id, class: 'busy__label' }, label),
    h('progress', { id, class: 'busy__bar' }));
}

export async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Fall through: some webviews refuse the async API without a permission prompt.
    }
  }
  const area = h('textarea', { class: 'visually-hidden', readonly: true, 'aria-hidden': 'true', tabindex: '-1' });
  area.value = text;
  document.body.append(area);
  area.select();
  let ok = false;
  try { ok = document.execCommand('copy'); } catch { ok = false; }
  area.remove();
  return ok;
}
