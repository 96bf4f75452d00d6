// What the import screen's sections share: choosing the file to import,
// showing the core's progress, reading a picked file as bytes,
// saving a file the core made, the encoding and delimiter choices, and the
// small tables every dry-run preview shows.

import { inDesktopApp, pickImportFile, saveBlobFile } from '../api.js';
import { t, formatNumber, formatDecimal } from '../i18n.js';
import { h, clear, busyIndicator, field } from '../dom.js';

export function fileSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, 0)} kB`;
  return `${formatDecimal(bytes / 1024 / 1024, 1)} MB`;
}

/** A picked file's bytes as base64, so the core can tell the encoding itself. */
export function readAsBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      const comma = url.indexOf(',');
      resolve(comma < 0 ? '' : url.slice(comma + 1));
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function base64Size(b64) {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((b64.length * 3) / 4) - padding);
}

export function base64ToBlob(b64, type) {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * Saves a file the core made: a native dialog in the desktop app, a download
 * in the browser. Resolves to { path } or { name }, or null when cancelled.
 */
export async function saveOrDownload(fileName, blob) {
  if (inDesktopApp()) {
    const path = await saveBlobFile(fileName, blob);
    return path ? { path } : null;
  }
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: fileName, class: 'visually-hidden', tabindex: '-1' }, fileName);
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10000);
  return { name: fileName };
}

/** A field of the directory by its Danish (or English) label. */
export function fieldName(name) {
  const key = 'peopleField.' + name;
  const text = t(key);
  return text === key ? name : text;
}

export function delimiterName(d) {
  if (d === ';') return t('peopleImport.delim.semicolon');
  if (d === ',') return t('peopleImport.delim.comma');
  if (d === 'tab' || d === '\t') return t('peopleImport.delim.tab');
  return d ?? '–';
}

/** The encoding choice of a CSV import; '' lets the core find out. */
export function encodingSelect() {
  return h('select', { class: 'select' },
    h('option', { value: '' }, t('peopleImport.auto')),
    h('option', { value: 'utf-8' }, 'UTF-8'),
    h('option', { value: 'windows-1252' }, 'Windows-1252'),
    h('option', { value: 'utf-16' }, 'UTF-16'));
}

/** The delimiter choice of a CSV import; '' lets the core find out. */
export function delimiterSelect() {
  return h('select', { class: 'select' },
    h('option', { value: '' }, t('peopleImport.auto')),
    h('option', { value: ';' }, t('peopleImport.delim.semicolon')),
    h('option', { value: ',' }, t('peopleImport.delim.comma')),
    h('option', { value: 'tab' }, t('peopleImport.delim.tab')));
}

/** A scrollable, labelled table whose columns have headers with scope. */
export function simpleTable(className, label, headers, rows) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label },
    h('table', { class: ['table', className] },
      h('thead', {}, h('tr', {}, headers.map((head) => h('th', { scope: 'col' }, head)))),
      h('tbody', {}, rows)));
}

/** Rows the core cannot use, by line number; nothing is imported while there are any. */
export function refusedSection(report) {
  if (!report.refused?.length) return null;
  const title = t('peopleImport.refusedHeading', report.refused.length);
  return h('div', {},
    h('h4', {}, title),
    h('p', {}, t('peopleImport.refusedIntro')),
    simpleTable('table--errors table--refused', title,
      [t('peopleImport.line'), t('peopleImport.problem')],
      report.refused.map((r) => h('tr', {},
        h('td', {}, r.line ? formatNumber(r.line) : '–'),
        h('td', { lang: 'en' }, r.message)))));
}

/** A two-column table of counts ("what" and "how many"), each row a th. */
export function countsTable(className, caption, rows) {
  return h('table', { class: ['table', 'table--numbers', className] },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('import.what')),
      h('th', { scope: 'col' }, t('peopleImport.count')))),
    h('tbody', {}, rows.filter(Boolean).map(([label, n, cls]) =>
      h('tr', { class: cls }, h('th', { scope: 'row' }, label), h('td', {}, formatNumber(n ?? 0))))));
}

/**
 * Choosing the file to import: a native dialog in the desktop app (Rust keeps
 * the path and streams the file from disk), a file input in the browser (the
 * bytes go to the core as base64, so it can tell the encoding itself).
 * `info` shows the name and size. `onReading()` runs while the browser reads
 * the file, `onChosen()` after a choice, `onFailed(err)` when picking or
 * reading failed (err null: the browser could not read the file).
 * Returns { element, chosen(), args(), reset() }; args() is what the import
 * command needs to find the file.
 */
export function importFileChooser({ accept, label, buttonLabel, info, onReading, onChosen, onFailed }) {
  let chosen = null;
  const input = h('input', { type: 'file', accept, class: 'file-input' });
  const button = h('button', { type: 'button', class: 'btn' }, buttonLabel);

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    chosen = null;
    if (!file) { info.textContent = ''; onChosen(null); return; }
    info.textContent = t('import.fileChosen', file.name, fileSize(file.size));
    onReading();
    let base64;
    try {
      base64 = await readAsBase64(file);
    } catch {
      onFailed(null);
      return;
    }
    chosen = { name: file.name, base64 };
    onChosen(chosen);
  });

  button.addEventListener('click', async () => {
    let picked;
    try {
      picked = await pickImportFile();
    } catch (err) {
      onFailed(err);
      return;
    }
    if (!picked) return;
    chosen = { name: picked.name, picked: true };
    info.textContent = t('import.fileChosen', picked.name, fileSize(picked.size));
    onChosen(chosen);
  });

  return {
    element: inDesktopApp() ? h('div', { class: 'field' }, button) : field({ label, control: input }),
    chosen: () => chosen,
    args: () => (chosen.picked
      ? { file_name: chosen.name }
      : { content_base64: chosen.base64, file_name: chosen.name }),
    reset() {
      chosen = null;
      input.value = '';
      clear(info);
    },
  };
}

/**
 * A busy indicator that fills as the core reports its progress: rows read
 * of all rows, then the search index. Returns { element, update(step) }.
 */
export function importProgress(label) {
  const element = busyIndicator(label);
  const bar = element.querySelector('progress');
  const status = h('p', { class: 'busy__status muted' });
  element.append(status);
  return {
    element,
    update(step) {
      if (step?.stage === 'rows' && step.total > 0) {
        bar.max = step.total;
        bar.value = step.done;
        status.textContent = t('import.progressRows', formatNumber(step.done), formatNumber(step.total));
      } else if (step?.stage === 'indexing') {
        bar.removeAttribute('value');
        status.textContent = t('import.progressIndexing');
      }
    },
  };
}
