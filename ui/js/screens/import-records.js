// Skills and course attendance from a CSV (from HR or the course system). As
// with people, the file goes to the core as bytes and every choice runs a dry
// run first: how the file was read, what changes, the rows that cannot be used
// (with their line numbers) and, for skills, the levels people set themselves,
// which are kept. Nothing is written before "Importér …", and that button only
// works when every row can be used and something changes.

import { call, inDesktopApp, pickPeopleFile } from '../api.js';
import { t, formatNumber } from '../i18n.js';
import { h, clear, announce, uid, errorBox, errorMessage, busyIndicator, field } from '../dom.js';
import {
  fileSize, readAsBase64, base64Size, delimiterName, encodingSelect as makeEncodingSelect,
  delimiterSelect as makeDelimiterSelect, simpleTable, refusedSection, countsTable,
} from '../components/import-files.js';

const KINDS = {
  skills: {
    command: 'import_skills',
    changes: (r) => (r.added ?? 0) + (r.changed ?? 0) + (r.skills_created ?? 0) > 0,
    counts: (r) => [
      [t('records.skills.added'), r.added, 'records-counts__added'],
      [t('records.skills.changed'), r.changed, 'records-counts__changed'],
      [t('records.skills.unchanged'), r.unchanged, 'records-counts__unchanged'],
      [t('records.skills.created'), r.skills_created, 'records-counts__created'],
    ],
    updated: (r, refused) => t('records.skills.previewUpdated', r.added ?? 0, r.changed ?? 0, refused),
    done: (r) => t('records.skills.doneBody', r.added ?? 0, r.changed ?? 0, r.skills_created ?? 0),
  },
  attendance: {
    command: 'import_attendance',
    changes: (r) => (r.courses_created ?? 0) + (r.attendances_added ?? 0) > 0,
    counts: (r) => [
      [t('records.attendance.courses'), r.courses_created, 'records-counts__courses'],
      [t('records.attendance.added'), r.attendances_added, 'records-counts__attendances'],
      [t('records.attendance.unchanged'), r.unchanged, 'records-counts__unchanged'],
    ],
    updated: (r, refused) => t('records.attendance.previewUpdated', r.courses_created ?? 0, r.attendances_added ?? 0, refused),
    done: (r) => t('records.attendance.doneBody', r.courses_created ?? 0, r.attendances_added ?? 0),
  },
};

function counts(kind, report) {
  const refused = report.refused ? [t('peopleImport.refusedCount'), report.refused.length, 'records-counts__refused'] : null;
  return countsTable('records-counts', t(`records.${kind}.countsCaption`), [...KINDS[kind].counts(report), refused]);
}

function readAs(report) {
  const rows = [
    [t('peopleImport.encoding'), report.encoding ?? '–'],
    [t('peopleImport.delimiter'), delimiterName(report.delimiter)],
  ];
  return h('div', { class: 'records-readas' },
    h('h4', {}, t('peopleImport.readAs')),
    h('dl', { class: 'dl people-readas__list' },
      rows.map(([k, v]) => h('div', { class: 'dl__row' }, h('dt', {}, k), h('dd', {}, v)))));
}

/** Levels a person set themselves differ from the file's: theirs are kept. */
function conflicts(report) {
  if (!report.conflicts?.length) return null;
  const title = t('records.conflictsHeading', report.conflicts.length);
  return h('div', {},
    h('h4', {}, title),
    h('p', {}, t('records.conflictsIntro')),
    simpleTable('table--conflicts table--skill-conflicts', title,
      [t('peopleImport.line'), t('peopleImport.person'), t('records.skill'), t('records.kept'), t('records.imported')],
      report.conflicts.map((c) => h('tr', {},
        h('td', {}, c.line ? formatNumber(c.line) : '–'),
        h('td', {}, c.person || '–'),
        h('td', {}, c.skill || '–'),
        h('td', {}, c.kept ?? '–'),
        h('td', {}, c.imported ?? '–')))));
}

export function recordsSection(ctx) {
  const desktop = inDesktopApp();
  let chosen = null; // { name, base64 }
  let runSeq = 0;

  const kindName = uid('records-kind');
  const kindRadio = (value, hintText) => {
    const id = uid('rk');
    const hintId = id + '-hint';
    return h('div', { class: 'radio records-kind__option' },
      h('input', { type: 'radio', id, name: kindName, value, checked: value === 'skills', 'aria-describedby': hintId }),
      h('div', {},
        h('label', { for: id }, t(`records.kind.${value}`)),
        h('p', { id: hintId, class: 'field__hint' }, hintText)));
  };
  const kindSet = h('fieldset', { class: 'records-kind' },
    h('legend', { class: 'field__label' }, t('records.kind')),
    kindRadio('skills', t('records.kind.skillsHint')),
    kindRadio('attendance', t('records.kind.attendanceHint')));
  const kind = () => kindSet.querySelector('input:checked')?.value === 'attendance' ? 'attendance' : 'skills';

  const fileInput = h('input', { type: 'file', accept: '.csv,.txt,.tsv', class: 'file-input' });
  const pickButton = h('button', { type: 'button', class: 'btn' }, t('records.chooseFile'));
  const encodingSelect = makeEncodingSelect();
  const delimiterSelect = makeDelimiterSelect();
  const fileInfo = h('p', { class: 'muted', 'aria-live': 'polite' });
  const outcome = h('div', { class: 'records-outcome' });

  const section = h('section', { class: 'panel', 'aria-labelledby': 'records-import-h' },
    h('h2', { id: 'records-import-h' }, t('records.heading')),
    h('p', {}, t('records.intro')),
    kindSet,
    desktop ? h('div', { class: 'field' }, pickButton) : field({ label: t('records.file'), control: fileInput }),
    fileInfo,
    h('div', { class: 'form--inline people-options' },
      field({ label: t('records.encoding'), control: encodingSelect, hint: t('records.optionHint') }),
      field({ label: t('records.delimiter'), control: delimiterSelect, hint: t('records.optionHint') })),
    outcome);

  function setBusy(label) {
    clear(outcome);
    outcome.setAttribute('aria-busy', 'true');
    outcome.append(busyIndicator(label));
  }
  function done() { outcome.removeAttribute('aria-busy'); clear(outcome); }

  function requestArgs(dryRun) {
    const args = { content_base64: chosen.base64, file_name: chosen.name, dry_run: dryRun };
    if (encodingSelect.value) args.encoding = encodingSelect.value;
    if (delimiterSelect.value) args.delimiter = delimiterSelect.value;
    return args;
  }

  function showReadError(err, { moveFocus, k }) {
    done();
    const heading = h('h3', { tabindex: '-1' }, t(`records.${k}.cannotRead`));
    outcome.append(h('div', { class: 'alert alert--error' },
      heading,
      h('p', { lang: 'en' }, errorMessage(err)),
      h('p', {}, t('records.cannotReadHint'))));
    announce(t(`records.${k}.cannotRead`), { assertive: true });
    if (moveFocus) heading.focus();
  }

  async function preview({ moveFocus = true } = {}) {
    if (!chosen) return;
    const k = kind();
    const seq = ++runSeq;
    setBusy(t('import.checking'));
    let report;
    try {
      report = await call(KINDS[k].command, requestArgs(true));
    } catch (err) {
      if (ctx.isCurrent() && seq === runSeq) showReadError(err, { moveFocus, k });
      return;
    }
    if (!ctx.isCurrent() || seq !== runSeq) return;
    done();
    const refused = report.refused?.length ?? 0;
    const changes = KINDS[k].changes(report);
    const heading = h('h3', { tabindex: '-1' }, t(`records.${k}.previewHeading`));
    const reasonId = uid('records-why');
    const blocked = refused > 0 || !changes;
    const importBtn = h('button', {
      type: 'button', class: 'btn btn--primary', disabled: blocked,
      'aria-describedby': blocked ? reasonId : null,
      onclick: () => runImport(k),
    }, t(`records.${k}.doImport`));
    const reason = refused > 0
      ? h('p', { id: reasonId, class: 'people-blocked' }, t('peopleImport.blockedRefused'))
      : !changes ? h('p', { id: reasonId }, t('peopleImport.nothingToDo')) : null;
    const summary = refused > 0
      ? h('div', { class: 'alert alert--error' }, h('p', {}, t('records.refusedAlert', refused)))
      : h('p', { class: 'alert alert--ok' }, t('peopleImport.previewOk'));
    outcome.append(h('div', { class: 'records-preview' },
      heading,
      summary,
      readAs(report),
      h('h4', {}, t('peopleImport.countsHeading')),
      counts(k, report),
      refusedSection(report),
      k === 'skills' ? conflicts(report) : null,
      h('div', { class: 'form__actions' }, importBtn, reason)));
    if (moveFocus) heading.focus();
    else announce(KINDS[k].updated(report, refused));
  }

  async function runImport(k) {
    if (!chosen) return;
    const seq = ++runSeq;
    setBusy(t('import.importing'));
    let report;
    try {
      report = await call(KINDS[k].command, requestArgs(false));
    } catch (err) {
      if (!ctx.isCurrent() || seq !== runSeq) return;
      done();
      const box = errorBox(err, { title: t('peopleImport.importFailed') });
      box.setAttribute('tabindex', '-1');
      outcome.append(box);
      box.focus();
      return;
    }
    await ctx.refreshStats();
    if (!ctx.isCurrent() || seq !== runSeq) return;
    done();
    chosen = null;
    fileInput.value = '';
    clear(fileInfo);
    const heading = h('h3', { tabindex: '-1' }, t(`records.${k}.doneHeading`));
    const body = KINDS[k].done(report);
    outcome.append(h('div', { class: 'records-done' },
      h('div', { class: 'alert alert--ok' }, heading, h('p', {}, body)),
      counts(k, report),
      k === 'skills' ? conflicts(report) : null));
    heading.focus();
    announce(`${t(`records.${k}.doneHeading`)}. ${body}`);
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    chosen = null;
    runSeq += 1;
    done();
    if (!file) { fileInfo.textContent = ''; return; }
    fileInfo.textContent = t('import.fileChosen', file.name, fileSize(file.size));
    setBusy(t('import.reading'));
    try {
      chosen = { name: file.name, base64: await readAsBase64(file) };
    } catch {
      done();
      outcome.append(h('div', { class: 'alert alert--error', role: 'alert' }, t('import.readFailed')));
      return;
    }
    await preview();
  });

  pickButton.addEventListener('click', async () => {
    let picked;
    try {
      picked = await pickPeopleFile();
    } catch (err) {
      done();
      outcome.append(errorBox(err));
      return;
    }
    if (!picked) return;
    chosen = { name: picked.name, base64: picked.content_base64 };
    fileInfo.textContent = t('import.fileChosen', picked.name, fileSize(base64Size(picked.content_base64)));
    await preview();
  });

  // Another kind, encoding or delimiter shows the preview again; focus stays put.
  const again = () => { if (chosen) preview({ moveFocus: false }); };
  kindSet.addEventListener('change', again);
  encodingSelect.addEventListener('change', again);
  delimiterSelect.addEventListener('change', again);

  return section;
}
