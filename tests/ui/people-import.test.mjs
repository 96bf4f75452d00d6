// People from an HR system's CSV or an AD export: the dry run preview shows how
// the file was read (Windows-1252, æøå), what changes, refused rows and
// conflicts with what people corrected themselves; nothing is written before
// "Importér medarbejdere". Export: a CSV for Excel and vCards for Outlook.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, readFile } from 'node:fs/promises';
import {
  useServerAndBrowser, cliSearch, cliStats, waitFor,
  activeElementInfo, checkA11y, screenshot, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage, tempPath } = useServerAndBrowser({ tempDirPrefix: 'hvemved-ui-people-' });

const FILE_LABEL = 'Fil fra HR-system eller AD (CSV eller LDIF)';
const PREVIEW_HEADING = 'Det vil ske ved import af medarbejderne';
const IMPORT_BUTTON = { name: 'Importér medarbejdere', exact: true };

async function peopleFile(name, bytes) {
  const file = tempPath(name);
  await writeFile(file, bytes);
  return file;
}

/** A UTF-8 CSV (with CRLF line ends, as Excel writes them). */
function utf8Csv(lines) {
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/** The counts that must not move while nothing is imported. */
function counts(stats) {
  const { people, active_people, units, skills, person_skills, courses, attendances, change_seq } = stats;
  return { people, active_people, units, skills, person_skills, courses, attendances, change_seq };
}

async function notFound(id) {
  return srv.api('person_show', { id }).then(() => false, (err) => err.body?.kind === 'not_found');
}

/** The rows of a preview table as text cells (th and td). */
function tableRows(page, selector) {
  return page.locator(selector + ' tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
}

async function waitForPreview(page) {
  const heading = page.locator('.people-preview h3', { hasText: PREVIEW_HEADING });
  await heading.waitFor();
  return heading;
}

// Windows-1252, written byte for byte: æ=E6 ø=F8 å=E5 Æ=C6 Ø=D8 Å=C5.
function cp1252(text) {
  const map = { æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5 };
  return Buffer.from([...text].map((ch) => {
    if (map[ch] !== undefined) return map[ch];
    const code = ch.charCodeAt(0);
    assert.ok(code < 0x80, `only ASCII and æøå in this file, not ${ch}`);
    return code;
  }));
}

test('a Windows-1252 CSV from HR is previewed with æøå right, then imported', { timeout: TEST_TIMEOUT }, async () => {
  const lines = [
    'Medarbejdernummer;Navn;Stilling;Forvaltning;Afdeling;E-mail',
    'UI-9001;Søren Æbeløe;Konsulent;Kultur og Fritid;Biblioteket Øst;soeren.aebeloe@example.dk',
    'UI-9002;Åse Blåbærgård;Pædagog;Børn og Familie;Dagtilbud Ådalen;aase.blaabaergaard@example.dk',
  ];
  const bytes = cp1252(lines.join('\r\n') + '\r\n');
  assert.ok(bytes.includes(0xe6) && bytes.includes(0xc5) && !bytes.includes(0xc3), 'the file really is Windows-1252, not UTF-8');
  const file = await peopleFile('hr-udtraek.csv', bytes);

  // The core's own dry run is the oracle for what the preview must show.
  const oracle = await srv.api('import_people', { content_base64: bytes.toString('base64'), file_name: 'hr-udtraek.csv', dry_run: true });
  assert.equal(oracle.encoding, 'Windows-1252');
  assert.deepEqual(oracle.sample_names, ['Søren Æbeløe', 'Åse Blåbærgård']);
  assert.equal(oracle.created, 2);
  const newIds = oracle.outcomes.map((o) => o.person);
  assert.deepEqual(newIds, ['UI-9001', 'UI-9002']);

  const before = counts(await cliStats(srv.dataDir));
  assert.ok(await notFound('UI-9001'), 'not in the directory before');

  await withPage('#/import', async (page) => {
    await page.locator('h2', { hasText: 'Importér medarbejdere fra HR-system eller AD (CSV, LDIF)' }).waitFor();
    await page.getByLabel(FILE_LABEL).setInputFiles(file);
    const heading = await waitForPreview(page);
    assert.equal((await activeElementInfo(page)).text, PREVIEW_HEADING, 'focus moves to the preview');
    assert.match(await page.locator('.people-outcome').evaluate((el) => el.closest('section').querySelector('p[aria-live]').textContent),
      /Valgt fil: hr-udtraek\.csv/);

    const readAs = await page.locator('.people-readas dl .dl__row').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent]));
    assert.deepEqual(readAs, [
      ['Format', 'CSV'],
      ['Tegnkodning', 'Windows-1252'],
      ['Skilletegn i CSV', 'Semikolon (;)'],
      ['De første navne i filen', 'Søren Æbeløe, Åse Blåbærgård'],
    ]);
    assert.match(await page.locator('.people-readas').textContent(), /Står æ, ø og å rigtigt\? Ellers vælg en anden tegnkodning\./);

    assert.deepEqual(await tableRows(page, '.table--columns'), [
      ['Medarbejdernummer', 'Medarbejdernummer'], ['Navn', 'Navn'], ['Stilling', 'Stilling'],
      ['Forvaltning', 'Forvaltning'], ['Afdeling', 'Afdeling'], ['E-mail', 'E-mail'],
    ]);
    assert.deepEqual(await tableRows(page, '.people-counts'), [
      ['Nye medarbejdere', '2'], ['Ændrede medarbejdere', '0'], ['Uændrede medarbejdere', '0'],
      ['Nye enheder', String(oracle.units_created)], ['Rækker, der ikke kan bruges', '0'],
    ]);
    assert.deepEqual(await tableRows(page, '.table--changes'), [
      ['2', 'Søren Æbeløe', 'Oprettes'], ['3', 'Åse Blåbærgård', 'Oprettes'],
    ]);
    assert.match(await page.locator('.people-preview .alert--ok').textContent(), /Intet er gemt endnu/);

    // A wrong encoding is refused by the core and said so; focus stays on the select.
    const encoding = page.getByLabel('Tegnkodning');
    await encoding.focus();
    await encoding.selectOption('utf-8');
    await page.locator('.people-outcome .alert--error h3', { hasText: 'Filen kan ikke læses som en liste over medarbejdere' }).waitFor();
    assert.match(await page.locator('.people-outcome .alert--error').textContent(), /not valid UTF-8/);
    assert.equal((await activeElementInfo(page)).tag, 'SELECT', 'a new encoding does not move focus');
    await encoding.selectOption('');
    await waitForPreview(page);
    assert.equal(await page.locator('.people-samples').textContent(), 'Søren Æbeløe, Åse Blåbærgård');

    // The dry runs wrote nothing.
    assert.deepEqual(counts(await cliStats(srv.dataDir)), before, 'the preview writes nothing');
    assert.ok(await notFound('UI-9001'));

    // The file, the encoding and the start of the preview in one view.
    await page.evaluate(() => {
      const label = document.querySelector('#people-import-h').closest('section').querySelector('.field__label');
      window.scrollTo(0, label.getBoundingClientRect().top + window.scrollY - 16);
    });
    await screenshot(page, 'browser-people-import.png');
    assert.ok(await heading.isVisible());

    const importBtn = page.getByRole('button', IMPORT_BUTTON);
    assert.equal(await importBtn.isEnabled(), true);
    await importBtn.click();
    await page.locator('.people-done h3', { hasText: 'Medarbejderne er importeret' }).waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Medarbejderne er importeret');
    assert.match(await page.locator('.people-done .alert--ok').textContent(), /2 nye og 0 ændrede medarbejdere/);
    await waitFor(async () => (await page.locator('#live-polite').textContent()).startsWith('Medarbejderne er importeret'),
      { message: 'the result is announced' });
    await waitFor(async () => (await page.locator('#footer-stats').textContent()).startsWith(`${before.people + 2} kolleger`),
      { message: 'the footer counts the new colleagues' });
  });

  const after = await cliStats(srv.dataDir);
  assert.equal(after.people, before.people + 2);
  const soeren = await srv.api('person_show', { id: 'UI-9001' });
  assert.equal(soeren.name, 'Søren Æbeløe');
  assert.equal(soeren.title, 'Konsulent');
  assert.equal(soeren.email, 'soeren.aebeloe@example.dk');
  assert.equal(soeren.department, 'Kultur og Fritid / Biblioteket Øst');
  const aase = await srv.api('person_show', { id: 'UI-9002' });
  assert.equal(aase.name, 'Åse Blåbærgård');
  assert.equal(aase.title, 'Pædagog');
});

test('a row with a bad e-mail is listed with its line, blocks the import and writes nothing', { timeout: TEST_TIMEOUT }, async () => {
  const bytes = utf8Csv([
    'Medarbejdernummer;Navn;Stilling;E-mail',
    'UI-9101;Gitte Gyldig;Sagsbehandler;gitte.gyldig@example.dk',
    'UI-9102;Bent Bøvlet;Sagsbehandler;bent.boevlet(at)example',
    'UI-9103;Kim Korrekt;Jurist;kim.korrekt@example.dk',
  ]);
  const file = await peopleFile('med-fejl.csv', bytes);
  const oracle = await srv.api('import_people', { content_base64: bytes.toString('base64'), file_name: 'med-fejl.csv', dry_run: true });
  assert.equal(oracle.refused.length, 1);
  assert.equal(oracle.refused[0].line, 3);
  assert.match(oracle.refused[0].message, /bent\.boevlet\(at\)example/);
  // The core refuses the real import as a whole.
  await assert.rejects(srv.api('import_people', { content_base64: bytes.toString('base64'), file_name: 'med-fejl.csv', dry_run: false }),
    (err) => err.body?.kind === 'invalid_input' && /nothing was imported/.test(err.body.message));

  const before = counts(await srv.api('stats', {}));
  await withPage('#/import', async (page) => {
    await page.getByLabel(FILE_LABEL).setInputFiles(file);
    await waitForPreview(page);
    assert.match(await page.locator('.people-preview > .alert--error').textContent(),
      /^1 række i filen kan ikke bruges\. Intet bliver importeret, så længe en række ikke kan bruges\./);
    assert.equal(await page.locator('.people-preview h4', { hasText: '1 række, der ikke kan bruges' }).count(), 1);
    assert.deepEqual(await tableRows(page, '.table--refused'), [['3', oracle.refused[0].message]]);
    assert.deepEqual(await tableRows(page, '.people-counts'), [
      ['Nye medarbejdere', '2'], ['Ændrede medarbejdere', '0'], ['Uændrede medarbejdere', '0'],
      ['Nye enheder', '0'], ['Rækker, der ikke kan bruges', '1'],
    ]);

    const importBtn = page.getByRole('button', IMPORT_BUTTON);
    assert.equal(await importBtn.isDisabled(), true, 'the import button is disabled');
    const why = await importBtn.getAttribute('aria-describedby');
    assert.equal(await page.locator('#' + why).textContent(), 'Kan ikke importeres, før alle rækker kan bruges.');
  });
  assert.deepEqual(counts(await srv.api('stats', {})), before, 'nothing was written');
  assert.ok(await notFound('UI-9101'), 'not even the valid rows');
});

test('a long import shows its progress row by row, then the search index', { timeout: TEST_TIMEOUT }, async () => {
  const lines = ['Medarbejdernummer;Navn;E-mail'];
  for (let i = 0; i < 3000; i += 1) lines.push(`UI-P${i};Fremskridt Nummer${i};fremskridt${i}@example.dk`);
  const file = await peopleFile('mange.csv', utf8Csv(lines));
  await withPage('#/import', async (page) => {
    // Every text the progress line shows, however quickly it changes.
    await page.evaluate(() => {
      window.progressSeen = [];
      new MutationObserver((records) => {
        // A text replaced before this runs is no longer in the page, but its
        // record still names the element it was added to.
        for (const record of records) {
          if (!record.target.classList?.contains('busy__status')) continue;
          for (const node of record.addedNodes) window.progressSeen.push(node.textContent);
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByLabel(FILE_LABEL).setInputFiles(file);
    await waitForPreview(page);
    assert.deepEqual(await tableRows(page, '.people-counts'), [
      ['Nye medarbejdere', '3.000'], ['Ændrede medarbejdere', '0'], ['Uændrede medarbejdere', '0'], ['Nye enheder', '0'],
      ['Rækker, der ikke kan bruges', '0'],
    ]);
    const checked = await page.evaluate(() => window.progressSeen.splice(0));
    assert.deepEqual(checked, ['0 af 3.000 rækker behandlet', '1.000 af 3.000 rækker behandlet',
      '2.000 af 3.000 rækker behandlet', '3.000 af 3.000 rækker behandlet'], 'the dry run reports rows');

    await page.getByRole('button', IMPORT_BUTTON).click();
    await page.locator('.people-done').waitFor();
    const imported = await page.evaluate(() => window.progressSeen.splice(0));
    assert.deepEqual(imported.slice(0, 4), ['0 af 3.000 rækker behandlet', '1.000 af 3.000 rækker behandlet',
      '2.000 af 3.000 rækker behandlet', '3.000 af 3.000 rækker behandlet']);
    assert.equal(imported.at(-1), 'Opdaterer søgeindekset …', 'then the index');
  });
  assert.equal((await srv.api('person_show', { id: 'UI-P2999' })).name, 'Fremskridt Nummer2999');
});

test('a value the person corrected is listed as a conflict and kept after import', { timeout: TEST_TIMEOUT }, async () => {
  const top = (await cliSearch(srv.dataDir, 'mentalisering')).results[0];
  const person = await srv.api('person_show', { id: top.id });
  assert.ok(person.email, 'the demo person has an e-mail');
  const ownTitle = 'Souschef og mentaliseringsvejleder';
  await srv.api('person_update', { id: person.id, title: ownTitle });
  assert.equal((await srv.api('person_show', { id: person.id })).title, ownTitle);

  const bytes = utf8Csv([
    'Navn;Stilling;E-mail;Arbejdssted',
    `${person.name};Afdelingsleder;${person.email};Rådhuset, lokale 214`,
  ]);
  const file = await peopleFile('konflikt.csv', bytes);
  const oracle = await srv.api('import_people', { content_base64: bytes.toString('base64'), file_name: 'konflikt.csv', dry_run: true });
  assert.deepEqual(oracle.conflicts.map((c) => [c.line, c.person, c.field, c.kept, c.imported]),
    [[2, person.id, 'title', ownTitle, 'Afdelingsleder']]);
  assert.equal(oracle.updated, 1);

  await withPage('#/import', async (page) => {
    await page.getByLabel(FILE_LABEL).setInputFiles(file);
    await waitForPreview(page);
    assert.equal(await page.locator('.people-preview h4', { hasText: '1 oplysning, som medarbejderen selv har rettet' }).count(), 1);
    assert.deepEqual(await page.locator('.table--conflicts thead th').allTextContents(),
      ['Linje', 'Medarbejder', 'Felt', 'Medarbejderens værdi (beholdes)', 'Filens værdi']);
    assert.deepEqual(await tableRows(page, '.table--conflicts'), [['2', person.name, 'Stilling', ownTitle, 'Afdelingsleder']]);
    assert.deepEqual(await tableRows(page, '.table--changes'), [['2', person.name, 'Opdateres: Arbejdssted']]);

    await page.getByRole('button', IMPORT_BUTTON).click();
    await page.locator('.people-done h3', { hasText: 'Medarbejderne er importeret' }).waitFor();
    assert.match(await page.locator('.people-done .alert--ok').textContent(), /0 nye og 1 ændrede medarbejdere/);
  });

  const afterImport = await srv.api('person_show', { id: person.id });
  assert.equal(afterImport.title, ownTitle, 'the person\'s own title is kept');
  assert.equal(afterImport.location, 'Rådhuset, lokale 214', 'the rest of the row was imported');
});

test('export: a CSV for Excel with a BOM, and vCards 4.0 and 3.0', { timeout: TEST_TIMEOUT }, async () => {
  const someone = (await cliSearch(srv.dataDir, 'mentalisering')).results[0];
  const total = (await srv.api('stats', {})).people;
  await withPage('#/import', async (page) => {
    await page.locator('h2', { hasText: 'Eksportér medarbejdere' }).waitFor();

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent CSV til Excel' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), 'medarbejdere.csv');
    const csvBytes = await readFile(await csv.path());
    assert.deepEqual([...csvBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM for Excel');
    const csvText = csvBytes.toString('utf8');
    assert.ok(csvText.includes(someone.name), `the CSV holds ${someone.name}`);
    assert.ok(csvText.includes('Navn'), 'Danish headers');
    await page.locator('.people-export-status .alert--ok', { hasText: `Filen medarbejdere.csv med ${total} medarbejdere` }).waitFor();

    assert.equal(await page.getByLabel('4.0 (anbefalet)').isChecked(), true, '4.0 is the default');
    const [v4] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent vCards (Outlook)' }).click(),
    ]);
    const v4Text = await readFile(await v4.path(), 'utf8');
    assert.match(v4.suggestedFilename(), /\.vcf$/);
    assert.ok(v4Text.startsWith('BEGIN:VCARD'), 'a vCard file');
    assert.match(v4Text, /^VERSION:4\.0\r?$/m);
    assert.equal(v4Text.match(/^BEGIN:VCARD/gm).length, total, 'one card per person');
    assert.ok(v4Text.includes('FN:' + someone.name));

    await page.getByLabel('3.0 (til ældre Outlook)').check();
    const [v3] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Hent vCards (Outlook)' }).click(),
    ]);
    const v3Text = await readFile(await v3.path(), 'utf8');
    assert.ok(v3Text.includes('BEGIN:VCARD'));
    assert.match(v3Text, /^VERSION:3\.0\r?$/m);
    assert.doesNotMatch(v3Text, /^VERSION:4\.0/m);
  });
});

test('axe: the people import preview with refused rows, conflicts and changes, in Danish and English', { timeout: TEST_TIMEOUT }, async () => {
  const top = (await cliSearch(srv.dataDir, 'arabisk')).results[0];
  const person = await srv.api('person_show', { id: top.id });
  await srv.api('person_update', { id: person.id, title: 'Tolkekoordinator' });
  const bytes = utf8Csv([
    'Medarbejdernummer;Navn;Stilling;E-mail;Koststed',
    `${person.id};${person.name};Konsulent;${person.email};4711`,
    'UI-9201;Ny Nielsen;Konsulent;ny.nielsen@example.dk;4711',
    'UI-9202;Fejl Fejlsen;Konsulent;ikke-en-adresse;4711',
  ]);
  const file = await peopleFile('alt.csv', bytes);
  const before = counts(await srv.api('stats', {}));
  await withPage('#/import', async (page) => {
    await page.getByLabel(FILE_LABEL).setInputFiles(file);
    await waitForPreview(page);
    await page.locator('.table--refused').waitFor();
    await page.locator('.table--conflicts').waitFor();
    await page.locator('.table--changes').waitFor();
    // An unknown column is shown as not used.
    assert.deepEqual((await tableRows(page, '.table--columns')).at(-1), ['Koststed', 'bruges ikke']);
    const summary = await checkA11y(page, 'people import, preview with refused rows and conflicts');
    assert.equal(summary.serious, 0);

    await page.locator('#lang-switch').click();
    await page.locator('h1', { hasText: 'Import and export' }).waitFor();
    await page.getByLabel('File from HR system or AD (CSV or LDIF)').setInputFiles(file);
    await page.locator('.people-preview h3', { hasText: 'What importing the staff will do' }).waitFor();
    assert.deepEqual((await tableRows(page, '.table--columns')).at(-1), ['Koststed', 'not used']);
    assert.equal(await page.getByRole('button', { name: 'Import staff', exact: true }).isDisabled(), true);
    const summaryEn = await checkA11y(page, 'people import, preview in English');
    assert.equal(summaryEn.serious, 0);
  });
  assert.deepEqual(counts(await srv.api('stats', {})), before, 'nothing was written');
});
