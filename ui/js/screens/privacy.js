// Persondata, for HR and administrators: how long people who left and old
// course reports are kept (the retention rules, and what they would erase
// today, shown before anyone applies them), and the audit log of who looked
// up, exported, edited, imported or erased whom. The core refuses both to
// anyone else; such a viewer gets the refusal, not a screen that fails
// piece by piece.

import { call } from '../api.js';
import { t, formatDate, formatDateTime, formatNumber } from '../i18n.js';
import { h, clear, announce, uid, field, errorBox, errorSummary, showRefusal, busyIndicator } from '../dom.js';
import { createCombobox } from '../components/combobox.js';
import { suggestPeople } from '../components/people.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import { saveOrDownload } from '../components/import-files.js';
import { excelCsv } from '../components/excel-csv.js';
import { ROLES } from '../session.js';

// The core's limits (store/retention.rs): longer is as good as "never".
const MAX_DAYS = 36_500;
const MAX_YEARS = 100;
const AUDIT_LIMITS = [50, 100, 500, 1000];
const DEFAULT_AUDIT_LIMIT = 100;
// Lists longer than this show the rest on request, so the button stays in view.
const LIST_PREVIEW = 10;

// Who the core names as acting besides the roles (store/retention.rs, personal_data.rs).
const NAMED_ACTORS = ['opbevaringsregel', 'lokal bruger'];
const ACTIONS = ['viewed_profile', 'searched', 'exported', 'edited', 'imported', 'erased'];

export async function render(main, ctx) {
  main.append(
    h('h1', { tabindex: '-1' }, t('privacy.title')),
    h('p', { class: 'lead' }, t('privacy.intro')));
  const loading = busyIndicator(t('common.loading'));
  main.append(loading);

  let entries;
  let report;
  try {
    [entries, report] = await Promise.all([
      call('audit_log', { limit: DEFAULT_AUDIT_LIMIT }),
      call('retention', {}),
    ]);
  } catch (err) {
    loading.remove();
    if (!showRefusal(main, err)) main.append(errorBox(err));
    const box = main.querySelector('.alert');
    box?.setAttribute('tabindex', '-1');
    return { title: t('privacy.title'), focus: () => box };
  }
  loading.remove();

  const audit = auditSection(entries);
  const retention = retentionSection(ctx, report, { onApplied: () => audit.reload() });
  main.append(h('div', { class: 'stack' }, retention, audit.element));
  return { title: t('privacy.title') };
}

// ---- Retention -------------------------------------------------------------

function keptText(rules, rule) {
  const value = rules?.[rule];
  if (value === null || value === undefined) return t('retention.keptAlways');
  return rule === 'left_people_days' ? t('retention.keptDays', value) : t('retention.keptYears', value);
}

/** People and course reports a retention report names, as lists under their counts. */
function removalLists(report) {
  const list = (items, render) => {
    const shown = items.slice(0, LIST_PREVIEW).map((item) => h('li', {}, render(item)));
    const rest = items.slice(LIST_PREVIEW);
    return [
      h('ul', { class: 'plain-list' }, shown),
      rest.length ? h('details', {},
        h('summary', {}, t('retention.showRest', rest.length)),
        h('ul', { class: 'plain-list' }, rest.map((item) => h('li', {}, render(item))))) : null,
    ];
  };
  const people = report.people || [];
  const courses = report.courses || [];
  return [
    people.length ? [h('h4', {}, t('retention.peopleCount', people.length)),
      list(people, (p) => [p.name, h('span', { class: 'muted' }, ` · ${t('retention.leftOn', formatDate(p.left_at))}`)])] : null,
    courses.length ? [h('h4', {}, t('retention.coursesCount', courses.length)),
      list(courses, (c) => [c.title, h('span', { class: 'muted' }, ` · ${t('retention.courseOn', formatDate(c.date))}`)])] : null,
  ];
}

function ruleFieldset({ legend, label, hint, value }) {
  const input = h('input', { type: 'number', class: 'input input--short', min: '1', step: '1', inputmode: 'numeric' });
  const numberField = field({ label, hint, control: input });
  const neverId = uid('never');
  const never = h('input', { type: 'checkbox', id: neverId });
  const show = (rule) => {
    never.checked = rule === null || rule === undefined;
    input.value = never.checked ? '' : String(rule);
    input.disabled = never.checked;
  };
  never.addEventListener('change', () => {
    input.disabled = never.checked;
    numberField.setError(null);
    if (!never.checked) input.focus();
  });
  show(value);
  const element = h('fieldset', { class: 'form__section' },
    h('legend', {}, legend),
    numberField,
    h('div', { class: 'checkbox' }, never, h('label', { for: neverId }, t('retention.never'))));
  return { element, input, never, field: numberField, show };
}

/** The rule a fieldset holds: { value } (null for never) or { error }. */
function readRule(rule, max, message) {
  if (rule.never.checked) {
    rule.field.setError(null);
    return { value: null };
  }
  const text = rule.input.value.trim();
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < 1 || number > max) {
    rule.field.setError(message);
    return { error: { control: rule.input, message } };
  }
  rule.field.setError(null);
  return { value: number };
}

function retentionSection(ctx, initial, { onApplied }) {
  let report = initial;
  const current = h('dl', { class: 'dl' });
  const preview = h('div', { class: 'retention-preview' });
  const applyStatus = h('div', {});
  const formStatus = h('div', { class: 'form-status' });

  const days = ruleFieldset({
    legend: t('retention.leftPeople'), label: t('retention.days'), hint: t('retention.daysHint'),
    value: report.rules?.left_people_days,
  });
  const years = ruleFieldset({
    legend: t('retention.courseReports'), label: t('retention.years'), hint: t('retention.yearsHint'),
    value: report.rules?.course_report_years,
  });
  days.input.max = String(MAX_DAYS);
  years.input.max = String(MAX_YEARS);
  const saveBtn = h('button', { type: 'submit', class: 'btn btn--primary' }, t('retention.save'));
  const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'retention-form-h' },
    h('h3', { id: 'retention-form-h' }, t('retention.formHeading')),
    formStatus,
    h('div', { class: 'form__grid' }, days.element, years.element),
    h('div', { class: 'form__actions' }, saveBtn));

  function renderCurrent() {
    clear(current);
    current.append(
      h('div', { class: 'dl__row' }, h('dt', {}, t('retention.leftPeople')), h('dd', {}, keptText(report.rules, 'left_people_days'))),
      h('div', { class: 'dl__row' }, h('dt', {}, t('retention.courseReports')), h('dd', {}, keptText(report.rules, 'course_report_years'))));
  }

  function renderPreview() {
    clear(preview);
    preview.append(h('h3', {}, t('retention.previewHeading')));
    const people = report.people || [];
    const courses = report.courses || [];
    if (!people.length && !courses.length) {
      preview.append(h('p', {}, t('retention.previewNone')));
      return;
    }
    const applyBtn = h('button', { type: 'button', class: 'btn btn--danger' }, t('retention.apply'));
    applyBtn.addEventListener('click', () => apply(applyBtn, people.length, courses.length));
    preview.append(h('p', {}, t('retention.previewIntro')), h('div', {}, removalLists(report)),
      h('div', { class: 'form__actions' }, applyBtn));
  }

  async function apply(applyBtn, peopleCount, courseCount) {
    clear(applyStatus);
    const confirmed = await confirmDialog({
      title: t('retention.applyConfirmTitle'),
      body: [t('retention.applyConfirmBody', t('retention.peopleCount', peopleCount), t('retention.coursesCount', courseCount)),
        t('retention.applyConfirmUndo')],
      confirm: t('retention.applyConfirm'),
    });
    if (!confirmed) {
      applyBtn.focus();
      announce(t('common.nothingChanged'));
      return;
    }
    applyBtn.disabled = true;
    applyStatus.setAttribute('aria-busy', 'true');
    applyStatus.append(busyIndicator(t('retention.applying')));
    let done;
    try {
      done = await call('retention_apply', {});
      // What is left to remove now: nothing, unless time moved on meanwhile.
      report = await call('retention', {});
    } catch (err) {
      applyStatus.removeAttribute('aria-busy');
      clear(applyStatus);
      applyBtn.disabled = false;
      const box = errorBox(err);
      box.setAttribute('tabindex', '-1');
      applyStatus.append(box);
      box.focus();
      return;
    }
    applyStatus.removeAttribute('aria-busy');
    clear(applyStatus);
    renderPreview();
    const removed = (done.people || []).length + (done.courses || []).length > 0;
    const heading = h('h4', { tabindex: '-1' }, t('retention.appliedHeading'));
    const body = removed
      ? t('retention.appliedBody', t('retention.peopleCount', done.people.length), t('retention.coursesCount', done.courses.length))
      : t('retention.appliedNothing');
    applyStatus.append(h('div', { class: 'alert alert--ok retention-result' }, heading, h('p', {}, body), removed ? removalLists(done) : null));
    heading.focus();
    announce(`${t('retention.appliedHeading')}. ${body}`);
    ctx.refreshStats();
    onApplied();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(formStatus);
    const leftPeople = readRule(days, MAX_DAYS, t('retention.errDays'));
    const courseReports = readRule(years, MAX_YEARS, t('retention.errYears'));
    const errors = [leftPeople.error, courseReports.error].filter(Boolean);
    if (errors.length) {
      const summary = errorSummary(errors);
      formStatus.append(summary);
      summary.focus();
      return;
    }
    saveBtn.disabled = true;
    try {
      report = await call('retention_save', {
        left_people_days: leftPeople.value,
        course_report_years: courseReports.value,
      });
    } catch (err) {
      const box = errorBox(err, { title: err?.kind === 'forbidden' ? null : t('retention.saveFailed') });
      box.setAttribute('tabindex', '-1');
      formStatus.append(box);
      box.focus();
      return;
    } finally {
      saveBtn.disabled = false;
    }
    days.show(report.rules?.left_people_days);
    years.show(report.rules?.course_report_years);
    renderCurrent();
    renderPreview();
    clear(applyStatus);
    const done = h('p', { class: 'alert alert--ok', tabindex: '-1' }, t('retention.saved'));
    formStatus.append(done);
    done.focus();
    announce(t('retention.saved'));
  });

  renderCurrent();
  renderPreview();
  return h('section', { class: 'panel', 'aria-labelledby': 'retention-h' },
    h('h2', { id: 'retention-h' }, t('retention.heading')),
    h('p', {}, t('retention.intro')),
    h('div', { class: 'stack' },
      h('div', {}, h('h3', {}, t('retention.currentHeading')), current),
      form,
      preview,
      applyStatus));
}

// ---- Audit log -------------------------------------------------------------

function actorText(actor) {
  const text = String(actor ?? '');
  const [role, person] = text.split(':');
  if (ROLES.includes(role)) return person ? t('audit.actorPerson', t('who.role.' + role), person) : t('who.role.' + role);
  return NAMED_ACTORS.includes(text) ? t('audit.actor.' + text) : text;
}

// The core writes a search's detail as "2 words, 7 found[, filters {…}]"
// (never the words searched); shown in the reader's language.
const SEARCH_DETAIL = /^(\d+) words?, (\d+) found(?:, filters (.*))?$/;

function detailText(entry) {
  const match = entry.action === 'searched' && SEARCH_DETAIL.exec(entry.detail || '');
  if (!match) return entry.detail || '';
  const [, words, found, filters] = match;
  let shown = filters;
  try {
    shown = filters && Object.entries(JSON.parse(filters)).map(([k, v]) => `${k}: ${v}`).join(', ');
  } catch { /* shown as stored */ }
  return t('audit.searchDetail', Number(words), Number(found), shown || null);
}

function actionText(action) {
  return ACTIONS.includes(action) ? t('audit.action.' + action) : action;
}

const today = () => new Date().toISOString().slice(0, 10);

function auditSection(initialEntries) {
  let entries = initialEntries;
  let shownFor = null; // { id, name } of the person the entries are about, when filtered
  let picked = null;

  const combo = createCombobox({
    label: t('audit.person'),
    hint: t('audit.personHint'),
    emptyText: t('suggest.noPeople'),
    load: (text) => suggestPeople(text),
    onPick: (item, c) => {
      picked = { id: item.person.id, name: item.person.name };
      c.input.value = item.person.name;
    },
    onType: () => { picked = null; },
  });
  const limit = h('select', { class: 'select' },
    AUDIT_LIMITS.map((n) => h('option', { value: String(n), selected: n === DEFAULT_AUDIT_LIMIT }, t('audit.limitOption', formatNumber(n)))));
  const showBtn = h('button', { type: 'submit', class: 'btn btn--primary' }, t('audit.show'));
  const allBtn = h('button', { type: 'button', class: 'btn', hidden: true }, t('audit.showAll'));
  const form = h('form', { class: 'form audit-filter', novalidate: true, 'aria-labelledby': 'audit-filter-h' },
    h('h3', { id: 'audit-filter-h', class: 'visually-hidden' }, t('audit.filterHeading')),
    combo.element,
    field({ label: t('audit.limit'), control: limit }),
    h('div', { class: 'form__actions' }, showBtn, allBtn));
  const tableArea = h('div', { class: 'audit-entries' });
  const exportStatus = h('div', {});

  function personCell(id) {
    if (!id) return '–';
    return shownFor && id === shownFor.id && shownFor.name !== id ? `${shownFor.name} (${id})` : id;
  }

  function captionText() {
    return shownFor ? t('audit.captionFor', entries.length, shownFor.name) : t('audit.caption', entries.length);
  }

  function renderTable() {
    clear(tableArea);
    allBtn.hidden = !shownFor;
    if (!entries.length) {
      tableArea.append(h('p', {}, shownFor ? t('audit.noneFor', shownFor.name) : t('audit.none')));
      return;
    }
    const captionId = uid('audit-caption');
    tableArea.append(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-labelledby': captionId },
      h('table', { class: 'table audit-table' },
        h('caption', { id: captionId }, captionText()),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('audit.colAt')),
          h('th', { scope: 'col' }, t('audit.colActor')),
          h('th', { scope: 'col' }, t('audit.colAction')),
          h('th', { scope: 'col' }, t('audit.colPerson')),
          h('th', { scope: 'col' }, t('audit.colDetail')))),
        h('tbody', {}, entries.map((entry) => h('tr', { dataset: { action: entry.action } },
          h('th', { scope: 'row' }, h('time', { datetime: entry.at }, formatDateTime(entry.at))),
          h('td', {}, actorText(entry.actor)),
          h('td', {}, actionText(entry.action)),
          h('td', {}, personCell(entry.person)),
          h('td', {}, detailText(entry))))))));
  }

  async function load() {
    const typed = combo.input.value.trim();
    // An erased person is no longer suggested; their id, typed, still finds their entries.
    const person = picked || (typed ? { id: typed, name: typed } : null);
    tableArea.setAttribute('aria-busy', 'true');
    try {
      entries = await call('audit_log', { person: person ? person.id : null, limit: Number(limit.value) });
      shownFor = person;
      renderTable();
      announce(entries.length ? captionText() : tableArea.textContent);
    } catch (err) {
      clear(tableArea);
      if (!showRefusal(tableArea, err, true)) tableArea.append(errorBox(err));
    } finally {
      tableArea.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clear(exportStatus);
    load();
  });
  allBtn.addEventListener('click', async () => {
    combo.reset();
    picked = null;
    clear(exportStatus);
    await load();
    combo.input.focus();
  });

  async function save(kind) {
    clear(exportStatus);
    const base = [t('audit.fileName'), shownFor?.id, today()].filter(Boolean).join('-').replace(/[^A-Za-z0-9._-]/g, '_');
    const fileName = `${base}.${kind}`;
    const blob = kind === 'csv'
      ? new Blob([excelCsv(
        [t('audit.colAt'), t('audit.colActor'), t('audit.colAction'), t('audit.colPerson'), t('audit.colDetail')],
        entries.map((e) => [e.at, actorText(e.actor), actionText(e.action), e.person || '', e.detail || '']))],
      { type: 'text/csv;charset=utf-8' })
      : new Blob([JSON.stringify(entries, null, 2)], { type: 'application/json' });
    try {
      const saved = await saveOrDownload(fileName, blob);
      if (!saved) return;
      const message = saved.path ? t('audit.savedAt', saved.path) : t('audit.saved', fileName);
      exportStatus.append(h('p', { class: 'alert alert--ok' }, message));
      announce(message);
    } catch (err) {
      exportStatus.append(errorBox(err));
    }
  }

  renderTable();
  const element = h('section', { class: 'panel', 'aria-labelledby': 'audit-h' },
    h('h2', { id: 'audit-h' }, t('audit.heading')),
    h('p', {}, t('audit.intro')),
    h('div', { class: 'stack' },
      form,
      tableArea,
      h('div', {},
        h('h3', {}, t('audit.exportHeading')),
        h('p', { class: 'muted' }, t('audit.exportHint')),
        h('div', { class: 'form__actions' },
          h('button', { type: 'button', class: 'btn', onclick: () => save('csv') }, t('audit.saveCsv')),
          h('button', { type: 'button', class: 'btn', onclick: () => save('json') }, t('audit.saveJson'))),
        exportStatus)));
  return { element, reload: load };
}
