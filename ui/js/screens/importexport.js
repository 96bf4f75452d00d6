// Getting the real staff directory in and a copy out. An import is previewed
// with a dry run first, so HR sees every problem in the file and what would
// change before anything is written.

import { call, inDesktopApp, pickBundleFile, saveExportFile } from '../api.js';
import { t, formatNumber } from '../i18n.js';
import { h, clear, announce, uid, errorBox, busyIndicator } from '../dom.js';
import { fileSize } from '../components/import-files.js';
import { peopleSections } from './import-people.js';
import { recordsSection } from './import-records.js';
import { backupSection } from './import-backup.js';
import { confirmDialog } from '../components/confirm-dialog.js';

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
  const records = recordsSection(ctx);
  const backup = backupSection(ctx, renderDemo);
  main.append(h('div', { class: 'stack' }, importSection, people.importSection, records, exportSection, people.exportSection,
    backup, demoSection));
  return { title: t('import.title') };
}
