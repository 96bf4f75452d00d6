// The newsletter (nyhedsbrev) panel of the Videndeling screen: pick a period
// and optionally a unit, see what it holds, and save it as one HTML file for
// the intranet or an e-mail, or as Markdown.

import { call, inDesktopApp, saveTextFile } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, announce, field, errorBox } from '../dom.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date) => date.toISOString().slice(0, 10);

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, class: 'visually-hidden', tabindex: '-1' }, name);
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function digestSection() {
  const today = new Date();
  const from = h('input', { type: 'date', class: 'input', value: isoDay(new Date(today.getTime() - 30 * DAY_MS)) });
  const to = h('input', { type: 'date', class: 'input', value: isoDay(today) });
  const unit = h('input', { type: 'text', class: 'input', autocomplete: 'off' });
  const summary = h('div', { 'aria-live': 'polite' });
  const status = h('div', {});

  async function fetchDigest() {
    return call('digest', { from: from.value, to: to.value, unit: unit.value.trim() || null });
  }

  async function show() {
    clear(summary);
    try {
      const { digest } = await fetchDigest();
      summary.append(h('ul', { class: 'plain-list digest-summary' },
        h('li', {}, t('digest.courses', digest.courses.length)),
        h('li', {}, t('digest.shareBacks', digest.share_backs.length)),
        h('li', {}, t('digest.competences', digest.competences.length)),
        h('li', {}, t('digest.initiatives', digest.initiatives.length))));
    } catch (err) {
      summary.append(errorBox(err));
    }
  }

  async function save(kind) {
    clear(status);
    try {
      const output = await fetchDigest();
      const name = `nyhedsbrev-${output.digest.from}-${output.digest.to}.${kind === 'html' ? 'html' : 'md'}`;
      const text = kind === 'html' ? output.html : output.markdown;
      if (inDesktopApp()) {
        const path = await saveTextFile(name, text);
        if (!path) return;
        status.append(h('p', { class: 'alert alert--ok' }, t('digest.saved', path)));
        announce(t('digest.saved', path));
        return;
      }
      download(name, text, kind === 'html' ? 'text/html' : 'text/markdown');
      status.append(h('p', { class: 'alert alert--ok' }, t('digest.saved', name)));
      announce(t('digest.saved', name));
    } catch (err) {
      status.append(errorBox(err));
    }
  }

  for (const input of [from, to]) input.addEventListener('change', show);
  unit.addEventListener('change', show);
  const form = h('form', { class: 'form form--inline', novalidate: true, onsubmit: (e) => { e.preventDefault(); show(); } },
    field({ label: t('digest.from'), control: from }),
    field({ label: t('digest.to'), control: to }),
    field({ label: t('digest.unit'), control: unit, optional: true, hint: t('digest.unitHint') }),
    h('div', { class: 'form__actions' },
      h('button', { type: 'button', class: 'btn btn--primary', onclick: () => save('html') }, t('digest.saveHtml')),
      ' ',
      h('button', { type: 'button', class: 'btn', onclick: () => save('markdown') }, t('digest.saveMarkdown'))));
  show();
  return h('section', { class: 'panel', 'aria-labelledby': 'digest-h' },
    h('h2', { id: 'digest-h' }, t('digest.title')),
    h('p', {}, t('digest.intro')),
    form, summary, status);
}
