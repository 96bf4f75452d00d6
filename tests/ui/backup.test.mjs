// Sikkerhedskopi: the whole directory downloaded as one SQLite file, and
// restored from it through the page, only after a second, explicit "Ja,
// erstat hele kataloget". A file that is not a backup changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, readFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import {
  useServerAndBrowser, waitFor, activeElementInfo, checkA11y, screenshot, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage, tempPath } = useServerAndBrowser({ tempDirPrefix: 'hvemved-ui-backup-' });

const RESTORE_FILE = 'Sikkerhedskopi at gendanne fra';
const CONFIRM = { name: 'Ja, erstat hele kataloget', exact: true };

function counts(stats) {
  const { people, active_people, units, skills, person_skills, courses, attendances } = stats;
  return { people, active_people, units, skills, person_skills, courses, attendances };
}

async function notFound(id) {
  return srv.api('person_show', { id }).then(() => false, (err) => err.body?.kind === 'not_found');
}

test('a file that is not a backup is refused after the confirmation, and nothing changes', { timeout: TEST_TIMEOUT }, async () => {
  const file = tempPath('ikke-en-kopi.backup');
  await writeFile(file, 'Dette er ikke en sikkerhedskopi.\n');
  const before = await srv.api('stats', {});
  await withPage('#/import', async (page) => {
    await page.locator('h2', { hasText: 'Sikkerhedskopi' }).waitFor();
    await page.getByLabel(RESTORE_FILE).setInputFiles(file);
    await page.getByRole('button', CONFIRM).click();
    const box = page.locator('.backup-restore .alert--error');
    await box.waitFor();
    assert.match(await box.textContent(), /^Kataloget er ikke ændret/);
    assert.match(await box.textContent(), /is not a Hvem ved\? backup/);
    assert.equal((await activeElementInfo(page)).cls, 'alert alert--error', 'focus moves to the error');
  });
  assert.deepEqual(await srv.api('stats', {}), before, 'the directory is untouched');
});

test('take a backup, add a colleague, restore the backup through the page: the colleague is gone', { timeout: TEST_TIMEOUT }, async () => {
  const before = counts(await srv.api('stats', {}));
  let backupFile;

  await withPage('#/import', async (page) => {
    await page.locator('h2', { hasText: 'Sikkerhedskopi' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tag sikkerhedskopi', exact: true }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^hvemved-\d{4}-\d{2}-\d{2}\.backup$/);
    backupFile = tempPath(download.suggestedFilename());
    await copyFile(await download.path(), backupFile);
    await page.locator('.backup-status .alert--ok',
      { hasText: `Sikkerhedskopien ${download.suggestedFilename()} med ${before.people} medarbejdere er gemt` }).waitFor();
  });
  const bytes = await readFile(backupFile);
  assert.equal(bytes.subarray(0, 16).toString('latin1'), 'SQLite format 3\0', 'the backup is an SQLite database');

  // A new colleague arrives after the backup was taken.
  const csv = Buffer.from('Medarbejdernummer;Navn;Stilling\r\nUI-9801;Bettina Backupsen;Konsulent\r\n', 'utf8');
  const imported = await srv.api('import_people', { content_base64: csv.toString('base64'), file_name: 'ny.csv', dry_run: false });
  assert.equal(imported.created, 1);
  assert.equal((await srv.api('person_show', { id: 'UI-9801' })).name, 'Bettina Backupsen');
  assert.equal((await srv.api('stats', {})).people, before.people + 1);

  await withPage('#/import', async (page) => {
    const input = page.getByLabel(RESTORE_FILE);
    // First thoughts: cancel. Nothing happens, focus returns to the file field.
    await input.setInputFiles(backupFile);
    const question = page.locator('.backup-confirm h4', { hasText: 'Vil du erstatte hele kataloget?' });
    await question.waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Vil du erstatte hele kataloget?', 'focus moves to the question');
    assert.match(await page.locator('.backup-confirm').textContent(),
      new RegExp(`Hele kataloget bliver erstattet med sikkerhedskopien ${path.basename(backupFile).replace(/\./g, '\\.')}\\. Alle medarbejdere, kompetencer og kurser, som er i kataloget nu, bliver slettet`));
    const summary = await checkA11y(page, 'backup restore, asking for confirmation');
    assert.equal(summary.serious, 0);
    await screenshot(page, 'browser-backup-restore.png');
    await page.locator('.backup-confirm').getByRole('button', { name: 'Annullér' }).click();
    await page.locator('.backup-cancelled', { hasText: 'Gendannelsen er annulleret. Kataloget er ikke ændret.' }).waitFor();
    assert.equal((await activeElementInfo(page)).type, 'file');
    assert.equal((await srv.api('stats', {})).people, before.people + 1, 'cancelling changes nothing');

    // Then for real.
    await input.setInputFiles(backupFile);
    await question.waitFor();
    assert.equal((await srv.api('stats', {})).people, before.people + 1, 'choosing the file changes nothing');
    await page.getByRole('button', CONFIRM).click();
    const done = page.locator('.backup-restore .alert--ok h4', { hasText: 'Kataloget er gendannet' });
    await done.waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Kataloget er gendannet');
    assert.match(await page.locator('.backup-restore .alert--ok').textContent(), new RegExp(`${before.people} medarbejdere kan findes i søgningen`));
    await waitFor(async () => (await page.locator('#live-polite').textContent()).startsWith('Kataloget er gendannet'),
      { message: 'the restore is announced' });
    await waitFor(async () => (await page.locator('#footer-stats').textContent()).startsWith(`${before.people} kolleger`),
      { message: 'the footer counts the restored directory' });
  });

  assert.deepEqual(counts(await srv.api('stats', {})), before, 'the directory is as it was when the backup was taken');
  assert.ok(await notFound('UI-9801'), 'the colleague added after the backup is gone');
  assert.equal((await srv.api('search', { query: 'Backupsen' })).results.length, 0, 'and not found by search');
});

test('restoring a backup made before an erasure erases the colleague again, and says so', { timeout: TEST_TIMEOUT }, async () => {
  const file = tempPath('foer-sletning.backup');
  const backup = await srv.api('backup_download', {});
  await writeFile(file, Buffer.from(backup.content_base64, 'base64'));
  const erased = (await srv.api('search', { query: 'mentalisering' })).results[0];
  await srv.api('person_erase', { id: erased.id });
  const before = await srv.api('stats', {});

  await withPage('#/import', async (page) => {
    await page.locator('h2', { hasText: 'Sikkerhedskopi' }).waitFor();
    await page.getByLabel(RESTORE_FILE).setInputFiles(file);
    await page.getByRole('button', CONFIRM).click();
    const done = page.locator('.backup-restore .alert--ok', { hasText: 'Kataloget er gendannet' });
    await done.waitFor();
    assert.match(await done.textContent(), /1 person, der blev slettet efter sikkerhedskopien, er slettet igen\./);
  });

  assert.ok(await notFound(erased.id), `${erased.name} stays erased`);
  assert.equal((await srv.api('stats', {})).people, before.people, 'no one else is lost or brought back');
  const log = await srv.api('audit_log', { person: erased.id });
  assert.deepEqual(log.filter((e) => e.action === 'erased').map((e) => e.detail === null), [false, true],
    'the erasure and its repetition after the restore, newest first');
});
