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
 * The file's columns as the core lists them when it could not tell which one
 * holds a value it needs, or null when the error is about something else.
 */
export function headersFromError(err) {
  return err?.kind === 'columns_not_understood' && err.columns?.length ? err.columns : null;
}

/** True when the core refused the file because a column it needs was not found. */
export function isMissingColumn(err) {
  return err?.kind === 'columns_not_understood';
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
