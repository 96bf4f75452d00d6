// Skills and course attendance from a CSV (from HR or the course system). As
// with people, the file goes to the core as bytes and every choice runs a dry
// run first: how the file was read, what changes, the rows that cannot be used
// (with their line numbers) and, for skills, the levels people set themselves,
// which are kept. Nothing is written before "Importér …", and that button only
// works when every row can be used and something changes.

import { callWithProgress } from '../api.js';
import { t, formatNumber } from '../i18n.js';
import { h, clear, announce, uid, errorBox, errorMessage, field, showRefusal } from '../dom.js';
import {
  delimiterName, encodingSelect as makeEncodingSelect, delimiterSelect as makeDelimiterSelect,
  simpleTable, refusedSection, countsTable, importFileChooser, importProgress,
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

  const encodingSelect = makeEncodingSelect();
  const delimiterSelect = makeDelimiterSelect();
  const fileInfo = h('p', { class: 'muted', 'aria-live': 'polite' });
  const outcome = h('div', { class: 'records-outcome' });
  const file = importFileChooser({
    accept: '.csv,.txt,.tsv',
    label: t('records.file'),
    buttonLabel: t('records.chooseFile'),
    info: fileInfo,
    onReading: () => { runSeq += 1; setBusy(t('import.reading')); },
    onChosen: (chosen) => {
      if (!chosen) runSeq += 1;
      done();
      if (chosen) preview();
    },
    onFailed: (err) => {
      done();
      outcome.append(err ? errorBox(err) : h('div', { class: 'alert alert--error', role: 'alert' }, t('import.readFailed')));
    },
  });

  const section = h('section', { class: 'panel', 'aria-labelledby': 'records-import-h' },
    h('h2', { id: 'records-import-h' }, t('records.heading')),
    h('p', {}, t('records.intro')),
    kindSet,
    file.element,
    fileInfo,
    h('div', { class: 'form--inline people-options' },
      field({ label: t('records.encoding'), control: encodingSelect, hint: t('records.optionHint') }),
      field({ label: t('records.delimiter'), control: delimiterSelect, hint: t('records.optionHint') })),
    outcome);

  function setBusy(label) {
    clear(outcome);
    outcome.setAttribute('aria-busy', 'true');
    const progress = importProgress(label);
    outcome.append(progress.element);
    return progress;
  }
  function done() { outcome.removeAttribute('aria-busy'); clear(outcome); }

  function requestArgs(dryRun) {
    const args = { ...file.args(), dry_run: dryRun };
    if (encodingSelect.value) args.encoding = encodingSelect.value;
    if (delimiterSelect.value) args.delimiter = delimiterSelect.value;
    return args;
  }

  function showReadError(err, { moveFocus, k }) {
    done();
    // Not a problem with the file: the role may not import.
    if (showRefusal(outcome, err, moveFocus)) return;
    const heading = h('h3', { tabindex: '-1' }, t(`records.${k}.cannotRead`));
    outcome.append(h('div', { class: 'alert alert--error' },
      heading,
      h('p', { lang: 'en' }, errorMessage(err)),
      h('p', {}, t('records.cannotReadHint'))));
    announce(t(`records.${k}.cannotRead`), { assertive: true });
    if (moveFocus) heading.focus();
  }

  async function preview({ moveFocus = true } = {}) {
    if (!file.chosen()) return;
    const k = kind();
    const seq = ++runSeq;
    const progress = setBusy(t('import.checking'));
    let report;
    try {
      report = await callWithProgress(KINDS[k].command, requestArgs(true), progress.update);
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
    if (!file.chosen()) return;
    const seq = ++runSeq;
    const progress = setBusy(t('import.importing'));
    let report;
    try {
      report = await callWithProgress(KINDS[k].command, requestArgs(false), progress.update);
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
    file.reset();
    const heading = h('h3', { tabindex: '-1' }, t(`records.${k}.doneHeading`));
    const body = KINDS[k].done(report);
    outcome.append(h('div', { class: 'records-done' },
      h('div', { class: 'alert alert--ok' }, heading, h('p', {}, body)),
      counts(k, report),
      k === 'skills' ? conflicts(report) : null));
    heading.focus();
    announce(`${t(`records.${k}.doneHeading`)}. ${body}`);
  }

  // Another kind, encoding or delimiter shows the preview again; focus stays put.
  const again = () => { if (file.chosen()) preview({ moveFocus: false }); };
  kindSet.addEventListener('change', again);
  encodingSelect.addEventListener('change', again);
  delimiterSelect.addEventListener('change', again);

  return section;
}
