// People from an HR system or Active Directory.
// A CSV from the HR/payroll system or an LDIF export from AD is sent as bytes,
// so the core can tell Windows-1252 from UTF-8. Every choice of file, encoding
// or delimiter runs a dry run first; nothing is written before "Importér".

import { call, callWithProgress } from '../api.js';
import { t, formatNumber } from '../i18n.js';
import { h, clear, announce, uid, errorBox, errorMessage, busyIndicator, field, showRefusal } from '../dom.js';
import {
  base64ToBlob, saveOrDownload, fieldName, delimiterName, encodingSelect as makeEncodingSelect,
  delimiterSelect as makeDelimiterSelect, simpleTable, refusedSection, importFileChooser, importProgress,
} from '../components/import-files.js';
import { columnMapping, headersFromError, isMissingColumn } from '../components/column-mapping.js';

const PREVIEW_ROWS = 50;

function peopleChangesAnything(report) {
  return (report.created ?? 0) + (report.updated ?? 0) + (report.units_created ?? 0) > 0;
}

function peopleCounts(report) {
  const row = (label, n, cls) => h('tr', { class: cls }, h('th', { scope: 'row' }, label), h('td', {}, formatNumber(n ?? 0)));
  return h('table', { class: 'table table--numbers people-counts' },
    h('caption', { class: 'visually-hidden' }, t('peopleImport.countsCaption')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('import.what')),
      h('th', { scope: 'col' }, t('peopleImport.count')))),
    h('tbody', {},
      row(t('peopleImport.created'), report.created, 'people-counts__created'),
      row(t('peopleImport.updated'), report.updated, 'people-counts__updated'),
      row(t('peopleImport.unchanged'), report.unchanged, 'people-counts__unchanged'),
      row(t('peopleImport.unitsCreated'), report.units_created, 'people-counts__units'),
      report.refused ? row(t('peopleImport.refusedCount'), report.refused.length, 'people-counts__refused') : null));
}

function actionText(outcome) {
  if (outcome.action === 'create') return t('peopleImport.action.create');
  if (outcome.action === 'update') {
    const fields = (outcome.fields ?? []).map(fieldName).join(', ');
    return fields ? t('peopleImport.action.updateFields', fields) : t('peopleImport.action.update');
  }
  return t('peopleImport.action.unchanged');
}

export function peopleSections(ctx, renderDemo) {
  let runSeq = 0;

  // ---- Import ----
  const encodingSelect = makeEncodingSelect();
  const delimiterSelect = makeDelimiterSelect();
  // What each column is used for; a change shows the preview again, focus stays.
  const mapping = columnMapping({ onChange: () => { if (file.chosen()) preview({ moveFocus: false }); } });
  const fileInfo = h('p', { class: 'muted', 'aria-live': 'polite' });
  const outcome = h('div', { class: 'people-outcome' });
  const file = importFileChooser({
    accept: '.csv,.txt,.tsv,.ldif,.ldf',
    label: t('peopleImport.file'),
    buttonLabel: t('peopleImport.chooseFile'),
    info: fileInfo,
    onReading: () => { runSeq += 1; mapping.clear(); setBusy(t('import.reading')); },
    onChosen: (chosen) => {
      if (!chosen) runSeq += 1;
      mapping.clear();
      done();
      if (chosen) preview();
    },
    onFailed: (err) => {
      done();
      outcome.append(err ? errorBox(err) : h('div', { class: 'alert alert--error', role: 'alert' }, t('import.readFailed')));
    },
  });

  const fileField = file.element;
  const importSection = h('section', { class: 'panel', 'aria-labelledby': 'people-import-h' },
    h('h2', { id: 'people-import-h' }, t('peopleImport.heading')),
    h('p', {}, t('peopleImport.intro')),
    fileField,
    fileInfo,
    h('div', { class: 'form--inline people-options' },
      field({ label: t('peopleImport.encoding'), control: encodingSelect, hint: t('peopleImport.encodingHint') }),
      field({ label: t('peopleImport.delimiter'), control: delimiterSelect, hint: t('peopleImport.delimiterHint') })),
    mapping.element,
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
    const lines = mapping.mapping();
    if (lines) args.mapping = lines;
    return args;
  }

  function showReadError(err, { moveFocus }) {
    done();
    // Not a problem with the file: the role may not import.
    if (showRefusal(outcome, err, moveFocus)) return;
    // A column the core needs was not recognised: the columns get selects, so
    // HR can say which one holds the name without editing the file.
    let canMap = false;
    if (isMissingColumn(err)) {
      if (!mapping.hasColumns()) {
        const headers = headersFromError(err);
        if (headers) mapping.show(headers.map((header) => ({ header, field: undefined })));
      }
      canMap = mapping.hasColumns();
    }
    const heading = h('h3', { tabindex: '-1' }, t('peopleImport.cannotRead'));
    outcome.append(h('div', { class: 'alert alert--error' },
      heading,
      h('p', { lang: 'en' }, errorMessage(err)),
      h('p', {}, canMap ? t('peopleMapping.missingHint') : t('peopleImport.cannotReadHint'))));
    announce(t('peopleImport.cannotRead'), { assertive: true });
    if (moveFocus) heading.focus();
  }

  function readAsSection(report) {
    const rows = [[t('peopleImport.format'), report.format === 'ldif' ? t('peopleImport.formatLdif') : t('peopleImport.formatCsv')]];
    rows.push([t('peopleImport.encoding'), report.encoding ?? '–']);
    if (report.format !== 'ldif') rows.push([t('peopleImport.delimiter'), delimiterName(report.delimiter)]);
    const names = report.sample_names ?? [];
    return h('div', { class: 'people-readas' },
      h('h4', {}, t('peopleImport.readAs')),
      h('dl', { class: 'dl people-readas__list' },
        rows.map(([k, v]) => h('div', { class: 'dl__row' }, h('dt', {}, k), h('dd', {}, v))),
        h('div', { class: 'dl__row people-readas__names' },
          h('dt', {}, t('peopleImport.sampleNames')),
          h('dd', { class: 'people-samples' }, names.length ? names.join(', ') : '–'))),
      names.length ? h('p', { class: 'field__hint' }, t('peopleImport.sampleCheck')) : null,
      report.skipped ? h('p', {}, t('peopleImport.skipped', report.skipped)) : null);
  }

  function columnsSection(report) {
    if (!report.columns?.length) return null;
    const unused = (c) => !c.field || c.field === 'ignore';
    return h('div', {},
      h('h4', {}, t('peopleImport.columnsHeading')),
      simpleTable('table--columns', t('peopleImport.columnsHeading'),
        [t('peopleImport.column'), t('peopleImport.field')],
        report.columns.map((c) => h('tr', {},
          h('th', { scope: 'row' }, c.header || '–'),
          h('td', { class: unused(c) ? 'muted' : null }, unused(c) ? t('peopleImport.unused') : fieldName(c.field))))));
  }

  function conflictsSection(report) {
    if (!report.conflicts?.length) return null;
    const title = t('peopleImport.conflictsHeading', report.conflicts.length);
    return h('div', {},
      h('h4', {}, title),
      h('p', {}, t('peopleImport.conflictsIntro')),
      simpleTable('table--conflicts', title,
        [t('peopleImport.line'), t('peopleImport.person'), t('peopleImport.fieldShort'), t('peopleImport.kept'), t('peopleImport.imported')],
        report.conflicts.map((c) => h('tr', {},
          h('td', {}, c.line ? formatNumber(c.line) : '–'),
          h('td', {}, c.name || c.person || '–'),
          h('td', {}, fieldName(c.field)),
          h('td', {}, c.kept ?? '–'),
          h('td', {}, c.imported ?? '–')))));
  }

  function changesSection(report) {
    const changes = (report.outcomes ?? []).filter((o) => o.action === 'create' || o.action === 'update');
    if (!changes.length) return null;
    const shown = changes.slice(0, PREVIEW_ROWS);
    const title = t('peopleImport.changesHeading');
    return h('div', {},
      h('h4', {}, title),
      simpleTable('table--changes', title,
        [t('peopleImport.line'), t('peopleImport.person'), t('peopleImport.change')],
        shown.map((o) => h('tr', {},
          h('td', {}, o.line ? formatNumber(o.line) : '–'),
          h('td', {}, o.name || o.person || '–'),
          h('td', {}, actionText(o))))),
      changes.length > shown.length ? h('p', { class: 'people-more' }, t('peopleImport.more', changes.length - shown.length)) : null);
  }

  async function preview({ moveFocus = true } = {}) {
    if (!file.chosen()) return;
    const seq = ++runSeq;
    const progress = setBusy(t('import.checking'));
    let report;
    try {
      report = await callWithProgress('import_people', requestArgs(true), progress.update);
    } catch (err) {
      if (ctx.isCurrent() && seq === runSeq) showReadError(err, { moveFocus });
      return;
    }
    if (!ctx.isCurrent() || seq !== runSeq) return;
    done();
    if (report.format === 'ldif' || !report.columns?.length) mapping.clear();
    else mapping.show(report.columns.map((c) => ({ header: c.header, field: c.field ?? null })));
    const refused = report.refused?.length ?? 0;
    const changes = peopleChangesAnything(report);
    const heading = h('h3', { tabindex: '-1' }, t('peopleImport.previewHeading'));
    const reasonId = uid('people-why');
    const importBtn = h('button', {
      type: 'button', class: 'btn btn--primary', disabled: refused > 0 || !changes,
      'aria-describedby': refused > 0 || !changes ? reasonId : null,
      onclick: () => runImport(),
    }, t('peopleImport.doImport'));
    const reason = refused > 0
      ? h('p', { id: reasonId, class: 'people-blocked' }, t('peopleImport.blockedRefused'))
      : !changes ? h('p', { id: reasonId }, t('peopleImport.nothingToDo')) : null;
    const summary = refused > 0
      ? h('div', { class: 'alert alert--error' }, h('p', {}, t('peopleImport.refusedAlert', refused)))
      : h('p', { class: 'alert alert--ok' }, t('peopleImport.previewOk'));
    outcome.append(h('div', { class: 'people-preview' },
      heading,
      summary,
      readAsSection(report),
      columnsSection(report),
      h('h4', {}, t('peopleImport.countsHeading')),
      peopleCounts(report),
      refusedSection(report),
      conflictsSection(report),
      changesSection(report),
      h('div', { class: 'form__actions' }, importBtn, reason)));
    if (moveFocus) heading.focus();
    else announce(t('peopleImport.previewUpdated', report.created ?? 0, report.updated ?? 0, refused));
  }

  async function runImport() {
    if (!file.chosen()) return;
    const seq = ++runSeq;
    const progress = setBusy(t('import.importing'));
    let report;
    try {
      report = await callWithProgress('import_people', requestArgs(false), progress.update);
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
    mapping.clear();
    const heading = h('h3', { tabindex: '-1' }, t('peopleImport.doneHeading'));
    const body = t('peopleImport.doneBody', report.created ?? 0, report.updated ?? 0, report.units_created ?? 0);
    outcome.append(h('div', { class: 'people-done' },
      h('div', { class: 'alert alert--ok' }, heading, h('p', {}, body)),
      peopleCounts(report),
      conflictsSection(report)));
    heading.focus();
    announce(`${t('peopleImport.doneHeading')}. ${body}`);
    renderDemo();
  }

  // The hints say so: a new choice shows the preview again, focus stays put.
  // Another encoding or delimiter can give other headers, so the columns start over.
  const reread = () => { if (file.chosen()) { mapping.clear(); preview({ moveFocus: false }); } };
  encodingSelect.addEventListener('change', reread);
  delimiterSelect.addEventListener('change', reread);

  // ---- Export ----
  const versionName = uid('vcard-version');
  const versionRadio = (value, label) => {
    const id = uid('vcv');
    return h('div', { class: 'radio' },
      h('input', { type: 'radio', id, name: versionName, value, checked: value === '4' }),
      h('label', { for: id }, label));
  };
  const versionSet = h('fieldset', { class: 'people-vcard-version' },
    h('legend', { class: 'field__label' }, t('peopleExport.version')),
    versionRadio('4', t('peopleExport.v4')),
    versionRadio('3', t('peopleExport.v3')));
  const exportStatus = h('div', { class: 'people-export-status' });
  const csvBtn = h('button', { type: 'button', class: 'btn btn--primary' }, t('peopleExport.csv'));
  const vcardBtn = h('button', { type: 'button', class: 'btn' }, t('peopleExport.vcard'));

  async function download(args) {
    csvBtn.disabled = true;
    vcardBtn.disabled = true;
    clear(exportStatus);
    exportStatus.setAttribute('aria-busy', 'true');
    exportStatus.append(busyIndicator(t('import.exporting')));
    try {
      const file = await call('export_people', args);
      const blob = base64ToBlob(file.content_base64, file.media_type || 'application/octet-stream');
      const saved = await saveOrDownload(file.file_name, blob);
      let message = null;
      if (saved?.path) message = t('peopleExport.savedAt', saved.path, file.people);
      else if (saved) message = t('peopleExport.downloaded', file.file_name, file.people);
      clear(exportStatus);
      if (message) {
        exportStatus.append(h('p', { class: 'alert alert--ok' }, message));
        announce(message);
      }
    } catch (err) {
      clear(exportStatus);
      exportStatus.append(errorBox(err));
    } finally {
      exportStatus.removeAttribute('aria-busy');
      csvBtn.disabled = false;
      vcardBtn.disabled = false;
    }
  }
  csvBtn.addEventListener('click', () => download({ format: 'csv' }));
  vcardBtn.addEventListener('click', () => {
    const checked = versionSet.querySelector('input:checked');
    download({ format: 'vcard', vcard_version: checked?.value === '3' ? 3 : 4 });
  });

  const exportSection = h('section', { class: 'panel', 'aria-labelledby': 'people-export-h' },
    h('h2', { id: 'people-export-h' }, t('peopleExport.heading')),
    h('p', {}, t('peopleExport.intro')),
    h('div', { class: 'form__actions' }, csvBtn),
    versionSet,
    h('div', { class: 'form__actions' }, vcardBtn),
    exportStatus);

  return { importSection, exportSection };
}
