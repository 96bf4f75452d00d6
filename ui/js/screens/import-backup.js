// Sikkerhedskopi: the whole directory as one file (the core's SQLite backup),
// and restoring one. Restoring replaces everything, so it takes a second,
// explicit step in the page ("Ja, erstat hele kataloget") before the core is
// asked; the safe choice is the one focused.

import { call, inDesktopApp, pickBackupFile } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, announce, uid, errorBox, busyIndicator, field } from '../dom.js';
import { fileSize, readAsBase64, base64Size, base64ToBlob, saveOrDownload } from '../components/import-files.js';

export function backupSection(ctx, renderDemo) {
  const desktop = inDesktopApp();

  // ---- Take a backup ----
  const takeBtn = h('button', { type: 'button', class: 'btn btn--primary' }, t('backup.take'));
  const takeStatus = h('div', { class: 'backup-status' });
  takeBtn.addEventListener('click', async () => {
    takeBtn.disabled = true;
    clear(takeStatus);
    takeStatus.setAttribute('aria-busy', 'true');
    takeStatus.append(busyIndicator(t('backup.taking')));
    try {
      const file = await call('backup_download', {});
      const blob = base64ToBlob(file.content_base64, file.media_type || 'application/octet-stream');
      const saved = await saveOrDownload(file.file_name, blob);
      clear(takeStatus);
      if (saved) {
        const message = saved.path ? t('backup.savedAt', saved.path, file.people) : t('backup.downloaded', file.file_name, file.people);
        takeStatus.append(h('p', { class: 'alert alert--ok' }, message));
        announce(message);
      }
    } catch (err) {
      clear(takeStatus);
      takeStatus.append(errorBox(err));
    } finally {
      takeStatus.removeAttribute('aria-busy');
      takeBtn.disabled = false;
    }
  });

  // ---- Restore ----
  let chosen = null; // { name, base64 }
  const fileInput = h('input', { type: 'file', accept: '.backup,.sqlite,.sqlite3,.db', class: 'file-input' });
  const pickButton = h('button', { type: 'button', class: 'btn' }, t('backup.chooseFile'));
  const fileInfo = h('p', { class: 'muted', 'aria-live': 'polite' });
  const restoreStatus = h('div', { class: 'backup-restore' });
  const returnFocusTo = () => (desktop ? pickButton : fileInput);

  function forget() {
    chosen = null;
    fileInput.value = '';
    clear(fileInfo);
  }

  function cancel() {
    forget();
    clear(restoreStatus);
    const msg = h('p', { class: 'backup-cancelled' }, t('backup.cancelled'));
    restoreStatus.append(msg);
    announce(t('backup.cancelled'));
    returnFocusTo().focus();
  }

  function askToConfirm() {
    clear(restoreStatus);
    const headingId = uid('backup-confirm-h');
    const heading = h('h4', { id: headingId, tabindex: '-1' }, t('backup.confirmHeading'));
    const yesBtn = h('button', { type: 'button', class: 'btn btn--danger-solid', onclick: () => restore() }, t('backup.confirm'));
    const noBtn = h('button', { type: 'button', class: 'btn', onclick: cancel }, t('common.cancel'));
    restoreStatus.append(h('div', { class: 'alert alert--warn backup-confirm', role: 'group', 'aria-labelledby': headingId },
      heading,
      h('p', {}, t('backup.confirmBody', chosen.name)),
      h('p', {}, t('backup.confirmTip')),
      h('div', { class: 'form__actions' }, noBtn, yesBtn)));
    heading.focus();
    announce(t('backup.confirmHeading'), { assertive: true });
  }

  async function restore() {
    if (!chosen) return;
    const name = chosen.name;
    clear(restoreStatus);
    restoreStatus.setAttribute('aria-busy', 'true');
    restoreStatus.append(busyIndicator(t('backup.restoring')));
    fileInput.disabled = true;
    pickButton.disabled = true;
    let result;
    try {
      result = await call('restore_upload', { content_base64: chosen.base64 });
    } catch (err) {
      if (!ctx.isCurrent()) return;
      clear(restoreStatus);
      restoreStatus.removeAttribute('aria-busy');
      fileInput.disabled = false;
      pickButton.disabled = false;
      forget();
      const box = errorBox(err, { title: t('backup.restoreFailed') });
      box.setAttribute('tabindex', '-1');
      restoreStatus.append(box);
      box.focus();
      return;
    }
    await ctx.refreshStats();
    if (!ctx.isCurrent()) return;
    clear(restoreStatus);
    restoreStatus.removeAttribute('aria-busy');
    fileInput.disabled = false;
    pickButton.disabled = false;
    forget();
    const heading = h('h4', { tabindex: '-1' }, t('backup.restoredHeading'));
    const erasedAgain = result.erased_again ?? [];
    const body = [
      t('backup.restoredBody', name, result.people_indexed ?? 0),
      ...(erasedAgain.length ? [t('backup.erasedAgain', erasedAgain.length)] : []),
    ].join(' ');
    restoreStatus.append(h('div', { class: 'alert alert--ok' }, heading, h('p', {}, body)));
    heading.focus();
    announce(`${t('backup.restoredHeading')}. ${body}`);
    renderDemo();
  }

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    chosen = null;
    clear(restoreStatus);
    if (!file) { fileInfo.textContent = ''; return; }
    fileInfo.textContent = t('import.fileChosen', file.name, fileSize(file.size));
    try {
      chosen = { name: file.name, base64: await readAsBase64(file) };
    } catch {
      restoreStatus.append(h('div', { class: 'alert alert--error', role: 'alert' }, t('import.readFailed')));
      return;
    }
    askToConfirm();
  });

  pickButton.addEventListener('click', async () => {
    let picked;
    try {
      picked = await pickBackupFile();
    } catch (err) {
      clear(restoreStatus);
      restoreStatus.append(errorBox(err));
      return;
    }
    if (!picked) return;
    chosen = { name: picked.name, base64: picked.content_base64 };
    fileInfo.textContent = t('import.fileChosen', picked.name, fileSize(base64Size(picked.content_base64)));
    askToConfirm();
  });

  return h('section', { class: 'panel', 'aria-labelledby': 'backup-h' },
    h('h2', { id: 'backup-h' }, t('backup.heading')),
    h('p', {}, t('backup.intro')),
    h('div', { class: 'form__actions' }, takeBtn),
    takeStatus,
    h('h3', { class: 'backup-restore__heading' }, t('backup.restoreHeading')),
    h('p', {}, t('backup.restoreIntro')),
    desktop ? h('div', { class: 'field' }, pickButton) : field({ label: t('backup.file'), control: fileInput }),
    fileInfo,
    restoreStatus);
}
