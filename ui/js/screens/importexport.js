// Getting the real staff directory in and a copy out. An import is previewed
// with a dry run first, so HR sees every problem in the file and what would
// change before anything is written.

import { call, inDesktopApp, pickBundleFile, pickPeopleFile, saveExportFile, saveBlobFile } from '../api.js';
import { t, formatNumber, lang } from '../i18n.js';
import { h, clear, announce, uid, errorBox, errorMessage, busyIndicator, field } from '../dom.js';

function fileSize(bytes) {
  const locale = lang() === 'da' ? 'da-DK' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 0 })} kB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

function readAsText(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

function reportTable(report) {
  const row = (label, prefix) => h('tr', {},
    h('th', { scope: 'row' }, label),
    h('td', {}, formatNumber(report[prefix + '_created'] ?? 0)),
    h('td', {}, formatNumber(report[prefix + '_updated'] ?? 0)),
    h('td', {}, formatNumber(report[prefix + '_unchanged'] ?? 0)));
  return h('div', {},
    h('table', { class: 'table table--numbers' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('import.what')),
        h('th', { scope: 'col' }, t('import.created')),
        h('th', { scope: 'col' }, t('import.updated')),
        h('th', { scope: 'col' }, t('import.unchanged')))),
      h('tbody', {}, row(t('import.people'), 'people'), row(t('import.courses'), 'courses'))),
    h('p', {}, t('import.skillsCreated', report.skills_created ?? 0), ' · ', t('import.unitsCreated', report.units_created ?? 0)));
}

function changesAnything(report) {
  return ['people_created', 'people_updated', 'courses_created', 'courses_updated', 'skills_created', 'units_created']
    .some((k) => (report[k] ?? 0) > 0);
}

function errorsTable(details) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('import.errorsIntro') },
    h('table', { class: 'table table--errors' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('import.errSection')),
        h('th', { scope: 'col' }, t('import.errPosition')),
        h('th', { scope: 'col' }, t('import.errId')),
        h('th', { scope: 'col' }, t('import.errProblem')))),
      h('tbody', {}, details.map((d) => h('tr', {},
        h('td', {}, t('import.section.' + d.section) === 'import.section.' + d.section ? d.section : t('import.section.' + d.section)),
        // Positions are 0-based in the file's arrays; people count from 1.
        h('td', {}, d.index === null || d.index === undefined ? '–' : formatNumber(d.index + 1)),
        h('td', {}, d.id ? h('code', {}, d.id) : '–'),
        h('td', { lang: 'en' }, d.problem))))));
}

export async function render(main, ctx) {
  // The demo section depends on the counts, so make sure they are loaded.
  if (!ctx.stats()) await ctx.refreshStats();

  main.append(
    h('h1', { tabindex: '-1' }, t('import.title')),
    h('p', { class: 'lead' }, t('import.intro')));

  // ---- Import ------------------------------------------------------------
  const fileId = uid('file');
  const fileInput = h('input', { type: 'file', id: fileId, accept: '.json,application/json', class: 'file-input' });
  const fileInfo = h('p', { class: 'muted', 'aria-live': 'polite' });
  const outcome = h('div', { class: 'import-outcome' });
  let bundleText = null;
  // In the desktop app a native dialog picks the file and Rust reads it.
  const pickButton = h('button', { type: 'button', class: 'btn' }, t('import.chooseFile'));
  pickButton.addEventListener('click', async () => {
    let picked;
    try {
      picked = await pickBundleFile();
    } catch (err) {
      clear(outcome);
      outcome.append(errorBox(err));
      return;
    }
    if (!picked) return;
    bundleText = picked.text;
    fileInfo.textContent = t('import.fileChosen', picked.name, fileSize(new Blob([picked.text]).size));
    await preview();
  });

  const importSection = h('section', { class: 'panel', 'aria-labelledby': 'import-h' },
    h('h2', { id: 'import-h' }, t('import.importHeading')),
    h('p', {}, t('import.importIntro')),
    inDesktopApp()
      ? h('div', { class: 'field' }, pickButton)
      : h('div', { class: 'field' },
        h('label', { for: fileId, class: 'field__label' }, t('import.file')),
        fileInput),
    fileInfo,
    outcome);

  function setBusy(label) {
    clear(outcome);
    outcome.setAttribute('aria-busy', 'true');
    outcome.append(busyIndicator(label));
  }
  function done() { outcome.removeAttribute('aria-busy'); clear(outcome); }

  function showError(err) {
    done();
    if (err.kind === 'invalid_records' && err.details?.length) {
      const heading = h('h3', { tabindex: '-1' }, t('import.errorsHeading', err.details.length));
      outcome.append(h('div', { class: 'alert alert--error' }, heading, h('p', {}, t('import.errorsIntro'))), errorsTable(err.details));
      announce(t('import.errorsHeading', err.details.length), { assertive: true });
      heading.focus();
    } else if (err.kind === 'malformed_json') {
      const heading = h('h3', { tabindex: '-1' }, t('import.malformedHeading'));
      outcome.append(h('div', { class: 'alert alert--error' }, heading, h('p', { lang: 'en' }, err.message)));
      announce(t('import.malformedHeading'), { assertive: true });
      heading.focus();
    } else {
      const box = errorBox(err);
      box.setAttribute('tabindex', '-1');
      outcome.append(box);
      box.focus();
    }
  }

  async function preview() {
    setBusy(t('import.checking'));
    let report;
    try {
      report = await call('import_bundle', { bundle: bundleText, dry_run: true });
    } catch (err) {
      if (ctx.isCurrent()) showError(err);
      return;
    }
    if (!ctx.isCurrent()) return;
    done();
    const heading = h('h3', { tabindex: '-1' }, t('import.previewHeading'));
    const importBtn = h('button', { type: 'button', class: 'btn btn--primary', onclick: () => runImport() }, t('import.doImport'));
    const nothing = !changesAnything(report);
    outcome.append(h('div', { class: 'preview' },
      heading,
      h('p', { class: 'alert alert--ok' }, t('import.previewOk')),
      reportTable(report),
      nothing ? h('p', {}, t('import.nothingToDo')) : null,
      h('div', { class: 'form__actions' }, nothing ? null : importBtn)));
    heading.focus();
  }

  async function runImport() {
    setBusy(t('import.importing'));
    let report;
    try {
      report = await call('import_bundle', { bundle: bundleText, dry_run: false });
    } catch (err) {
      if (ctx.isCurrent()) showError(err);
      return;
    }
    await ctx.refreshStats();
    if (!ctx.isCurrent()) return;
    done();
    bundleText = null;
    fileInput.value = '';
    clear(fileInfo);
    const heading = h('h3', { tabindex: '-1' }, t('import.doneHeading'));
    outcome.append(h('div', { class: 'alert alert--ok' }, heading, h('p', {}, t('import.doneBody'))), reportTable(report));
    heading.focus();
    renderDemo();
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    bundleText = null;
    clear(outcome);
    if (!file) { fileInfo.textContent = ''; return; }
    fileInfo.textContent = t('import.fileChosen', file.name, fileSize(file.size));
    setBusy(t('import.reading'));
    try {
      bundleText = await readAsText(file);
    } catch {
      done();
      outcome.append(h('div', { class: 'alert alert--error', role: 'alert' }, t('import.readFailed')));
      return;
    }
    await preview();
  });

  // ---- Export ------------------------------------------------------------
  const exportStatus = h('div', {});
  const exportBtn = h('button', { type: 'button', class: 'btn btn--primary' }, t('import.doExport'));
  exportBtn.addEventListener('click', async () => {
    exportBtn.disabled = true;
    clear(exportStatus);
    exportStatus.setAttribute('aria-busy', 'true');
    exportStatus.append(busyIndicator(t('import.exporting')));
    try {
      if (inDesktopApp()) {
        const path = await saveExportFile();
        clear(exportStatus);
        if (path) {
          exportStatus.append(h('p', { class: 'alert alert--ok' }, t('import.exported', path)));
          announce(t('import.exported', path));
        }
        return;
      }
      const bundle = await call('export_bundle', {});
      const name = `hvemved-${new Date().toISOString().slice(0, 10)}.json`;
      const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: name, class: 'visually-hidden', tabindex: '-1' }, name);
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10000);
      clear(exportStatus);
      exportStatus.append(h('p', { class: 'alert alert--ok' }, t('import.exported', name)));
      announce(t('import.exported', name));
    } catch (err) {
      clear(exportStatus);
      exportStatus.append(errorBox(err));
    } finally {
      exportStatus.removeAttribute('aria-busy');
      exportBtn.disabled = false;
    }
  });
  const exportSection = h('section', { class: 'panel', 'aria-labelledby': 'export-h' },
    h('h2', { id: 'export-h' }, t('import.exportHeading')),
    h('p', {}, t('import.exportIntro')),
    h('div', { class: 'form__actions' }, exportBtn),
    exportStatus);

  // ---- Demo data ---------------------------------------------------------
  const demoSection = h('section', { class: 'panel panel--demo', 'aria-labelledby': 'demo-h' });

  function confirmDialog({ title, body, confirm }) {
    return new Promise((resolve) => {
      const titleId = uid('dlg-h');
      const bodyId = uid('dlg-b');
      const cancelBtn = h('button', { type: 'button', class: 'btn', value: 'cancel' }, t('common.cancel'));
      const okBtn = h('button', { type: 'button', class: 'btn btn--danger-solid', value: 'ok' }, confirm);
      const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': bodyId },
        h('h2', { id: titleId }, title),
        h('p', { id: bodyId }, body),
        h('div', { class: 'form__actions' }, cancelBtn, okBtn));
      const finish = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
      cancelBtn.addEventListener('click', () => finish(false));
      okBtn.addEventListener('click', () => finish(true));
      dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
      document.body.append(dialog);
      dialog.showModal();
      // The safe choice gets focus, so Enter does not delete by accident.
      cancelBtn.focus();
    });
  }

  function renderDemo() {
    const s = ctx.stats();
    clear(demoSection);
    demoSection.hidden = false;
    if (s?.demo) {
      const clearBtn = h('button', { type: 'button', class: 'btn btn--danger' }, t('import.clear'));
      const status = h('div', {});
      clearBtn.addEventListener('click', async () => {
        const ok = await confirmDialog({ title: t('import.clearConfirmTitle'), body: t('import.clearConfirmBody'), confirm: t('import.clearConfirm') });
        if (!ok) { clearBtn.focus(); return; }
        clearBtn.disabled = true;
        status.setAttribute('aria-busy', 'true');
        status.append(busyIndicator(t('common.working')));
        try {
          await call('clear_directory', {});
          await ctx.refreshStats();
          renderDemo();
          const msg = h('p', { class: 'alert alert--ok', tabindex: '-1' }, t('import.cleared'));
          demoSection.append(msg);
          msg.focus();
          announce(t('import.cleared'));
        } catch (err) {
          clear(status);
          status.removeAttribute('aria-busy');
          status.append(errorBox(err));
          clearBtn.disabled = false;
        }
      });
      demoSection.append(h('h2', { id: 'demo-h' }, t('import.demoHeading')), h('p', {}, t('import.demoIntro')),
        h('div', { class: 'form__actions' }, clearBtn), status);
    } else if (s && s.people === 0) {
      const loadBtn = h('button', { type: 'button', class: 'btn' }, t('import.loadDemo'));
      const status = h('div', {});
      loadBtn.addEventListener('click', async () => {
        loadBtn.disabled = true;
        status.setAttribute('aria-busy', 'true');
        status.append(busyIndicator(t('common.working')));
        try {
          await call('load_demo', { force: false });
          await ctx.refreshStats();
          renderDemo();
          const msg = h('p', { class: 'alert alert--ok', tabindex: '-1' }, t('import.demoLoaded'));
          demoSection.append(msg);
          msg.focus();
        } catch (err) {
          clear(status);
          status.removeAttribute('aria-busy');
          status.append(errorBox(err));
          loadBtn.disabled = false;
        }
      });
      demoSection.append(h('h2', { id: 'demo-h' }, t('import.emptyHeading')), h('p', {}, t('import.emptyIntro')),
        h('div', { class: 'form__actions' }, loadBtn), status);
    } else {
      demoSection.hidden = true;
    }
  }
  renderDemo();

  const people = peopleSections(ctx, renderDemo);
  main.append(h('div', { class: 'stack' }, importSection, people.importSection, exportSection, people.exportSection, demoSection));
  return { title: t('import.title') };
}

// ---- People from an HR system or Active Directory ----------------------------
// A CSV from the HR/payroll system or an LDIF export from AD is sent as bytes,
// so the core can tell Windows-1252 from UTF-8. Every choice of file, encoding
// or delimiter runs a dry run first; nothing is written before "Importér".

const PREVIEW_ROWS = 50;

function readAsBase64(file) {
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

function base64Size(b64) {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((b64.length * 3) / 4) - padding);
}

function base64ToBlob(b64, type) {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** A field of the directory by its Danish (or English) label. */
function fieldName(name) {
  const key = 'peopleField.' + name;
  const text = t(key);
  return text === key ? name : text;
}

function delimiterName(d) {
  if (d === ';') return t('peopleImport.delim.semicolon');
  if (d === ',') return t('peopleImport.delim.comma');
  if (d === 'tab' || d === '\t') return t('peopleImport.delim.tab');
  return d ?? '–';
}

function simpleTable(className, label, headers, rows) {
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': label },
    h('table', { class: ['table', className] },
      h('thead', {}, h('tr', {}, headers.map((head) => h('th', { scope: 'col' }, head)))),
      h('tbody', {}, rows)));
}

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

function peopleSections(ctx, renderDemo) {
  const desktop = inDesktopApp();
  let chosen = null; // { name, base64 }
  let runSeq = 0;

  // ---- Import ----
  const fileInput = h('input', { type: 'file', accept: '.csv,.txt,.tsv,.ldif,.ldf', class: 'file-input' });
  const pickButton = h('button', { type: 'button', class: 'btn' }, t('peopleImport.chooseFile'));
  const encodingSelect = h('select', { class: 'select' },
    h('option', { value: '' }, t('peopleImport.auto')),
    h('option', { value: 'utf-8' }, 'UTF-8'),
    h('option', { value: 'windows-1252' }, 'Windows-1252'),
    h('option', { value: 'utf-16' }, 'UTF-16'));
  const delimiterSelect = h('select', { class: 'select' },
    h('option', { value: '' }, t('peopleImport.auto')),
    h('option', { value: ';' }, t('peopleImport.delim.semicolon')),
    h('option', { value: ',' }, t('peopleImport.delim.comma')),
    h('option', { value: 'tab' }, t('peopleImport.delim.tab')));
  const fileInfo = h('p', { class: 'muted', 'aria-live': 'polite' });
  const outcome = h('div', { class: 'people-outcome' });

  const fileField = desktop
    ? h('div', { class: 'field' }, pickButton)
    : field({ label: t('peopleImport.file'), control: fileInput });
  const importSection = h('section', { class: 'panel', 'aria-labelledby': 'people-import-h' },
    h('h2', { id: 'people-import-h' }, t('peopleImport.heading')),
    h('p', {}, t('peopleImport.intro')),
    fileField,
    fileInfo,
    h('div', { class: 'form--inline people-options' },
      field({ label: t('peopleImport.encoding'), control: encodingSelect, hint: t('peopleImport.encodingHint') }),
      field({ label: t('peopleImport.delimiter'), control: delimiterSelect, hint: t('peopleImport.delimiterHint') })),
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

  function showReadError(err, { moveFocus }) {
    done();
    const heading = h('h3', { tabindex: '-1' }, t('peopleImport.cannotRead'));
    outcome.append(h('div', { class: 'alert alert--error' },
      heading,
      h('p', { lang: 'en' }, errorMessage(err)),
      h('p', {}, t('peopleImport.cannotReadHint'))));
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
    return h('div', {},
      h('h4', {}, t('peopleImport.columnsHeading')),
      simpleTable('table--columns', t('peopleImport.columnsHeading'),
        [t('peopleImport.column'), t('peopleImport.field')],
        report.columns.map((c) => h('tr', {},
          h('th', { scope: 'row' }, c.header || '–'),
          h('td', { class: c.field ? null : 'muted' }, c.field ? fieldName(c.field) : t('peopleImport.unused'))))));
  }

  function refusedSection(report) {
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
    if (!chosen) return;
    const seq = ++runSeq;
    setBusy(t('import.checking'));
    let report;
    try {
      report = await call('import_people', requestArgs(true));
    } catch (err) {
      if (ctx.isCurrent() && seq === runSeq) showReadError(err, { moveFocus });
      return;
    }
    if (!ctx.isCurrent() || seq !== runSeq) return;
    done();
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
    if (!chosen) return;
    const seq = ++runSeq;
    setBusy(t('import.importing'));
    let report;
    try {
      report = await call('import_people', requestArgs(false));
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

  // The hints say so: a new choice shows the preview again, focus stays put.
  encodingSelect.addEventListener('change', () => { if (chosen) preview({ moveFocus: false }); });
  delimiterSelect.addEventListener('change', () => { if (chosen) preview({ moveFocus: false }); });

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
      let message = null;
      if (desktop) {
        const path = await saveBlobFile(file.file_name, blob);
        if (path) message = t('peopleExport.savedAt', path, file.people);
      } else {
        const url = URL.createObjectURL(blob);
        const a = h('a', { href: url, download: file.file_name, class: 'visually-hidden', tabindex: '-1' }, file.file_name);
        document.body.append(a);
        a.click();
        a.remove();
        window.setTimeout(() => URL.revokeObjectURL(url), 10000);
        message = t('peopleExport.downloaded', file.file_name, file.people);
      }
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
