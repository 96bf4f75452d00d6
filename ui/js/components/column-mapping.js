// "Kolonner i filen": what each column of a people CSV is used for, one
// labelled select per column. The selects start at what the core chose (or at
// "Registrér selv" when the core could not read the file yet), and the whole
// set becomes the `mapping` the core takes: one `column header = field` line
// per column whose field is chosen.

import { t } from '../i18n.js';
import { h, uid } from '../dom.js';
import { fieldName } from './import-files.js';

export const MAPPING_FIELDS = ['employee_id', 'name', 'first_name', 'last_name', 'title', 'department',
  'forvaltning', 'team', 'profession', 'email', 'phone', 'location'];

/**
 * The headers the core names in an error about a missing column ("… the file's
 * columns are 'A', 'B'"), or null when the error is about something else.
 */
export function headersFromError(err) {
  const message = String(err?.message ?? '');
  if (!/no column holds/.test(message)) return null;
  const at = message.indexOf("the file's columns are ");
  if (at < 0) return null;
  const list = message.slice(at + "the file's columns are ".length).trim();
  if (list.length < 2 || !list.startsWith("'") || !list.endsWith("'")) return null;
  return list.slice(1, -1).split("', '");
}

/** True when the core refused the file because a column it needs was not found. */
export function isMissingColumn(err) {
  return /no column holds/.test(String(err?.message ?? ''));
}

/**
 * The header line of a CSV read here, for when the core's message does not
 * list the columns. Only for UTF-8 (the core decides other encodings).
 */
export function headersFromBytes(base64, delimiter) {
  let text;
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(Math.min(binary.length, 64 * 1024));
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = binary.charCodeAt(i);
    text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return null;
  }
  if (text.includes('\uFFFD')) return null;
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '');
  if (!first) return null;
  const sep = delimiter === 'tab' ? '\t' : delimiter
    || [';', '\t', ','].reduce((best, d) => (first.split(d).length > first.split(best).length ? d : best), ';');
  const headers = first.split(sep).map((s) => s.trim().replace(/^"(.*)"$/, '$1').trim());
  return headers.length > 1 || headers[0] ? headers : null;
}

/**
 * The editor: `onChange(select)` runs after a select changed. Returns
 * { element, show(columns), clear(), mapping(), hasColumns() }, where
 * `columns` is [{ header, field|null }] (field undefined: not known yet).
 */
export function columnMapping({ onChange }) {
  const tbody = h('tbody', {});
  const headingId = uid('mapping-h');
  const hintId = uid('mapping-hint');
  const element = h('div', { class: 'people-mapping', hidden: true },
    h('h3', { id: headingId, class: 'people-mapping__heading' }, t('peopleMapping.heading')),
    h('p', { id: hintId, class: 'field__hint' }, t('peopleMapping.hint')),
    h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': headingId },
      h('table', { class: 'table table--mapping' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('peopleImport.column')),
          h('th', { scope: 'col' }, t('peopleImport.field')))),
        tbody)));
  let selects = [];

  function fieldSelect(header, field) {
    const id = uid('map');
    const select = h('select', { id, class: 'select', 'aria-describedby': hintId },
      h('option', { value: '' }, t('peopleMapping.auto')),
      MAPPING_FIELDS.map((f) => h('option', { value: f }, fieldName(f))),
      h('option', { value: 'ignore' }, t('peopleImport.unused')));
    select.value = field === undefined ? '' : field === null ? 'ignore' : field;
    select.dataset.header = header;
    select.addEventListener('change', () => onChange(select));
    return h('td', {},
      h('label', { for: id, class: 'visually-hidden' }, t('peopleMapping.selectLabel', header)),
      select);
  }

  /** Shows the columns; keeps the selects (and focus) when the headers are the same. */
  function show(columns) {
    const headers = columns.map((c) => c.header);
    const same = selects.length === headers.length && selects.every((s, i) => s.dataset.header === headers[i]);
    if (same) {
      columns.forEach((c, i) => {
        if (c.field !== undefined) selects[i].value = c.field === null ? 'ignore' : c.field;
      });
    } else {
      tbody.replaceChildren(...columns.map((c) => {
        const cell = fieldSelect(c.header, c.field);
        return h('tr', {}, h('th', { scope: 'row' }, c.header || '–'), cell);
      }));
      selects = [...tbody.querySelectorAll('select')];
    }
    element.hidden = columns.length === 0;
  }

  function clear() {
    tbody.replaceChildren();
    selects = [];
    element.hidden = true;
  }

  /** `header = field` lines for every column whose field is chosen, or undefined. */
  function mapping() {
    const lines = selects.filter((s) => s.value && s.dataset.header).map((s) => `${s.dataset.header} = ${s.value}`);
    return lines.length ? lines.join('\n') : undefined;
  }

  return { element, show, clear, mapping, hasColumns: () => selects.length > 0, first: () => selects[0] ?? null };
}
