// Skills and course attendance from a CSV, and the people import's column
// mapping: the dry run preview shows what changes, the rows that cannot be used
// (by line), the levels people set themselves (kept), and nothing is written
// before the import button. The core's own dry run is the oracle.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import {
  useServerAndBrowser, waitFor, activeElementInfo, checkA11y, screenshot, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage, tempPath } = useServerAndBrowser({ tempDirPrefix: 'hvemved-ui-records-' });

const RECORDS_FILE = 'CSV-fil med kompetencer eller kursusdeltagelse';
const PEOPLE_FILE = 'Fil fra HR-system eller AD (CSV eller LDIF)';
const SKILLS_PREVIEW = 'Det vil ske ved import af kompetencerne';
const ATTENDANCE_PREVIEW = 'Det vil ske ved import af kursusdeltagelsen';

async function csvFile(name, lines) {
  const file = tempPath(name);
  const bytes = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
  await writeFile(file, bytes);
  return { file, base64: bytes.toString('base64') };
}

/** The counts that must not move while nothing is imported. */
function counts(stats) {
  const { people, active_people, units, skills, person_skills, courses, attendances, change_seq } = stats;
  return { people, active_people, units, skills, person_skills, courses, attendances, change_seq };
}

function tableRows(page, selector) {
  return page.locator(selector + ' tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent)));
}

async function waitForRecordsPreview(page, heading) {
  const h3 = page.locator('.records-preview h3', { hasText: heading });
  await h3.waitFor();
  return h3;
}

const levelOf = (person, skill) => person.skills.find((s) => s.name === skill)?.level ?? null;

test('skills for two colleagues: a new skill is previewed, imported and found by search', { timeout: TEST_TIMEOUT }, async () => {
  const [a, b] = await Promise.all([srv.api('person_show', { id: 'p-0001' }), srv.api('person_show', { id: 'p-0002' })]);
  const skill = 'Droneinspektion';
  assert.equal((await srv.api('search', { query: skill })).results.length, 0, 'nobody knows it yet');
  const { file, base64 } = await csvFile('kompetencer.csv', [
    'Medarbejder;Kompetence;Niveau',
    `${a.id};${skill};3`,
    `${b.email};${skill};`,
  ]);
  const oracle = await srv.api('import_skills', { content_base64: base64, file_name: 'kompetencer.csv', dry_run: true });
  assert.equal(oracle.added, 2);
  assert.equal(oracle.skills_created, 1);
  assert.deepEqual(oracle.refused, []);
  const before = counts(await srv.api('stats', {}));

  await withPage('#/import', async (page) => {
    await page.locator('h2', { hasText: 'Importér kompetencer og kursusdeltagelse (CSV)' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Kompetencer', exact: true }).isChecked(), true, 'skills is the default kind');
    await page.getByLabel(RECORDS_FILE).setInputFiles(file);
    await waitForRecordsPreview(page, SKILLS_PREVIEW);
    assert.equal((await activeElementInfo(page)).text, SKILLS_PREVIEW, 'focus moves to the preview');
    assert.match(await page.locator('.records-preview .alert--ok').textContent(), /Alle rækker kan bruges\. Intet er gemt endnu\./);
    const readAs = await page.locator('.records-readas dl .dl__row').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('dt').textContent, r.querySelector('dd').textContent]));
    assert.deepEqual(readAs, [['Tegnkodning', 'UTF-8'], ['Skilletegn i CSV', 'Semikolon (;)']]);
    assert.deepEqual(await tableRows(page, '.records-counts'), [
      ['Nye kompetencer hos medarbejdere', '2'], ['Ændrede niveauer', '0'], ['Uændrede', '0'],
      ['Nye kompetencer i kataloget', '1'], ['Rækker, der ikke kan bruges', '0'],
    ]);
    assert.deepEqual(counts(await srv.api('stats', {})), before, 'the preview writes nothing');
    await page.evaluate(() => window.scrollTo(0, document.querySelector('#records-import-h').getBoundingClientRect().top + window.scrollY - 16));
    await screenshot(page, 'browser-records-import.png');

    const importBtn = page.getByRole('button', { name: 'Importér kompetencer', exact: true });
    assert.equal(await importBtn.isEnabled(), true);
    await importBtn.click();
    await page.locator('.records-done h3', { hasText: 'Kompetencerne er importeret' }).waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Kompetencerne er importeret');
    assert.match(await page.locator('.records-done .alert--ok').textContent(),
      /2 nye og 0 ændrede kompetencer hos medarbejderne, 1 ny kompetence i kataloget/);
    await waitFor(async () => (await page.locator('#live-polite').textContent()).startsWith('Kompetencerne er importeret'),
      { message: 'the result is announced' });
  });

  const after = await srv.api('stats', {});
  assert.equal(after.skills, before.skills + 1);
  assert.equal(after.person_skills, before.person_skills + 2);
  // Imported skills wait for each colleague to confirm them: until then the
  // search does not find them by it, and the profile marks them as from HR.
  assert.deepEqual((await srv.api('search', { query: skill })).results, [], 'nobody is found before confirming');
  const imported = (await srv.api('person_show', { id: a.id })).skills.find((s) => s.name === skill);
  assert.equal(imported.level, 3);
  assert.equal(imported.source, 'hr');
  assert.equal(imported.shown, false, 'the imported skill awaits confirmation');
  await srv.api('person_skill_visibility', { id: a.id, skill, shown: true });
  const found = (await srv.api('search', { query: skill })).results.map((r) => r.id);
  assert.deepEqual(found, [a.id], 'search finds the colleague who confirmed it');
});

test('an unknown colleague and a level 7 are refused by line, the button is disabled and nothing is written', { timeout: TEST_TIMEOUT }, async () => {
  const b = await srv.api('person_show', { id: 'p-0002' });
  const { file, base64 } = await csvFile('fejl.csv', [
    'E-mail;Kompetence;Niveau',
    `${b.email};Borgerkontakt på tegnsprog;2`,
    'ukendt.person@example.dk;Borgerkontakt på tegnsprog;3',
    `${b.email};Journalisering;7`,
  ]);
  const oracle = await srv.api('import_skills', { content_base64: base64, file_name: 'fejl.csv', dry_run: true });
  assert.deepEqual(oracle.refused.map((r) => r.line), [3, 4]);
  assert.match(oracle.refused[0].message, /ukendt\.person@example\.dk/);
  assert.match(oracle.refused[1].message, /'7'/);
  const before = counts(await srv.api('stats', {}));

  await withPage('#/import', async (page) => {
    await page.getByLabel(RECORDS_FILE).setInputFiles(file);
    await waitForRecordsPreview(page, SKILLS_PREVIEW);
    assert.match(await page.locator('.records-preview > .alert--error').textContent(),
      /^2 rækker i filen kan ikke bruges\. Intet importeres, så længe en række ikke kan bruges\./);
    assert.equal(await page.locator('.records-preview h4', { hasText: '2 rækker, der ikke kan bruges' }).count(), 1);
    assert.deepEqual(await tableRows(page, '.records-preview .table--refused'),
      [['3', oracle.refused[0].message], ['4', oracle.refused[1].message]]);
    assert.deepEqual((await tableRows(page, '.records-counts')).at(-1), ['Rækker, der ikke kan bruges', '2']);
    const importBtn = page.getByRole('button', { name: 'Importér kompetencer', exact: true });
    assert.equal(await importBtn.isDisabled(), true, 'the import button is disabled');
    const why = await importBtn.getAttribute('aria-describedby');
    assert.equal(await page.locator('#' + why).textContent(), 'Kan ikke importeres, før alle rækker kan bruges.');
    const summary = await checkA11y(page, 'skills import preview with refused rows');
    assert.equal(summary.serious, 0);
  });
  assert.deepEqual(counts(await srv.api('stats', {})), before, 'nothing was written');
  assert.equal(levelOf(await srv.api('person_show', { id: b.id }), 'Borgerkontakt på tegnsprog'), null, 'not even the valid row');
});

test('a level the colleague set is a conflict: listed, and kept after the import', { timeout: TEST_TIMEOUT }, async () => {
  const [c, d] = await Promise.all([srv.api('person_show', { id: 'p-0003' }), srv.api('person_show', { id: 'p-0004' })]);
  const skill = 'Kvantekommunikation';
  await srv.api('person_skill_set', { id: c.id, skill, level: 5 });
  assert.equal(levelOf(await srv.api('person_show', { id: c.id }), skill), 5);
  const { file, base64 } = await csvFile('konflikt.csv', [
    'E-mail;Kompetence;Niveau',
    `${c.email};${skill};2`,
    `${d.email};${skill};3`,
  ]);
  const oracle = await srv.api('import_skills', { content_base64: base64, file_name: 'konflikt.csv', dry_run: true });
  assert.deepEqual(oracle.conflicts.map((x) => [x.line, x.person, x.skill, x.kept, x.imported]), [[2, c.email, skill, 5, 2]]);
  assert.equal(oracle.added, 1);

  await withPage('#/import', async (page) => {
    await page.getByLabel(RECORDS_FILE).setInputFiles(file);
    await waitForRecordsPreview(page, SKILLS_PREVIEW);
    assert.equal(await page.locator('.records-preview h4', { hasText: '1 niveau, som medarbejderen selv har sat' }).count(), 1);
    assert.match(await page.locator('.records-preview').textContent(), /Medarbejderens eget niveau beholdes/);
    assert.deepEqual(await page.locator('.table--skill-conflicts thead th').allTextContents(),
      ['Linje', 'Medarbejder', 'Kompetence', 'Medarbejderens niveau (beholdes)', 'Filens niveau']);
    assert.deepEqual(await tableRows(page, '.table--skill-conflicts'), [['2', c.email, skill, '5', '2']]);
    const summary = await checkA11y(page, 'skills import preview with a conflict');
    assert.equal(summary.serious, 0);

    await page.getByRole('button', { name: 'Importér kompetencer', exact: true }).click();
    await page.locator('.records-done h3', { hasText: 'Kompetencerne er importeret' }).waitFor();
    assert.deepEqual(await tableRows(page, '.records-done .table--skill-conflicts'), [['2', c.email, skill, '5', '2']]);
  });
  assert.equal(levelOf(await srv.api('person_show', { id: c.id }), skill), 5, 'the colleague\'s own level is kept');
  assert.equal(levelOf(await srv.api('person_show', { id: d.id }), skill), 3, 'the rest of the file was imported');
});

test('course attendance: one new course for two colleagues, after switching the kind of file', { timeout: TEST_TIMEOUT }, async () => {
  const [a, b] = await Promise.all([srv.api('person_show', { id: 'p-0005' }), srv.api('person_show', { id: 'p-0006' })]);
  const title = 'Temadag om legepladsinspektion med drone';
  assert.deepEqual(await srv.api('course_list', { query: 'legepladsinspektion' }), []);
  const { file, base64 } = await csvFile('kurser.csv', [
    'Kursus;Medarbejdernummer;Dato',
    `${title};${a.id};2025-03-04`,
    `${title};${b.email};4.3.2025`,
  ]);
  const oracle = await srv.api('import_attendance', { content_base64: base64, file_name: 'kurser.csv', dry_run: true });
  assert.equal(oracle.courses_created, 1);
  assert.equal(oracle.attendances_added, 2);
  const before = counts(await srv.api('stats', {}));

  await withPage('#/import', async (page) => {
    // Read as skills first: the core finds no skill column and says so.
    await page.getByLabel(RECORDS_FILE).setInputFiles(file);
    const error = page.locator('.records-outcome .alert--error h3', { hasText: 'Filen kan ikke læses som en liste over kompetencer' });
    await error.waitFor();
    assert.equal((await activeElementInfo(page)).text, await error.textContent());
    // Another kind shows the preview again; focus stays on the radio button.
    const radio = page.getByRole('radio', { name: 'Kursusdeltagelse', exact: true });
    await radio.check();
    await waitForRecordsPreview(page, ATTENDANCE_PREVIEW);
    const focused = await activeElementInfo(page);
    assert.equal(focused.type, 'radio', 'focus stays on the kind of file');
    await waitFor(async () => (await page.locator('#live-polite').textContent())
      === 'Forhåndsvisningen er opdateret: 1 nye kurser, 2 nye deltagelser, 0 rækker, der ikke kan bruges.',
    { message: 'the new preview is announced' });
    assert.deepEqual(await tableRows(page, '.records-counts'), [
      ['Nye kurser', '1'], ['Nye kursusdeltagelser', '2'], ['Deltagelser, der allerede er registreret', '0'],
      ['Rækker, der ikke kan bruges', '0'],
    ]);
    assert.equal(await page.locator('.table--skill-conflicts').count(), 0);
    const summary = await checkA11y(page, 'attendance import preview');
    assert.equal(summary.serious, 0);
    assert.deepEqual(counts(await srv.api('stats', {})), before, 'the preview writes nothing');

    await page.getByRole('button', { name: 'Importér kursusdeltagelse', exact: true }).click();
    await page.locator('.records-done h3', { hasText: 'Kursusdeltagelsen er importeret' }).waitFor();
    assert.match(await page.locator('.records-done .alert--ok').textContent(), /1 nyt kursus og 2 nye kursusdeltagelser/);
    await waitFor(async () => (await page.locator('#footer-stats').textContent()).includes(`${before.courses + 1} kursusrapporter`),
      { message: 'the footer counts the new course' });
  });

  const courses = await srv.api('course_list', { query: 'legepladsinspektion' });
  assert.equal(courses.length, 1);
  assert.equal(courses[0].title, title);
  assert.deepEqual(courses[0].attendees.map((x) => x.id).sort(), [a.id, b.id].sort());
  const after = await srv.api('stats', {});
  assert.equal(after.attendances, before.attendances + 2);
});

test('people import: an unknown name column is mapped with its select, and the import works', { timeout: TEST_TIMEOUT }, async () => {
  const { file, base64 } = await csvFile('hr-navne.csv', [
    'Medarbejdernummer;Fuldt medarbejdernavn;Stilling;E-mail',
    'UI-9601;Vibeke Vindelev;Jurist;vibeke.vindelev@example.dk',
    'UI-9602;Torben Tangsø;Konsulent;torben.tangsoe@example.dk',
  ]);
  // The core cannot find the name, and lists the file's columns.
  await assert.rejects(srv.api('import_people', { content_base64: base64, file_name: 'hr-navne.csv', dry_run: true }),
    (err) => err.body?.kind === 'columns_not_understood' && /no column holds the name/.test(err.body.message)
      && err.body.columns.join('|') === 'Medarbejdernummer|Fuldt medarbejdernavn|Stilling|E-mail');
  const mapping = 'Fuldt medarbejdernavn = name\nStilling = ignore';
  const oracle = await srv.api('import_people', { content_base64: base64, file_name: 'hr-navne.csv', mapping, dry_run: true });
  assert.equal(oracle.created, 2);
  const before = counts(await srv.api('stats', {}));

  await withPage('#/import', async (page) => {
    await page.getByLabel(PEOPLE_FILE).setInputFiles(file);
    const error = page.locator('.people-outcome .alert--error h3', { hasText: 'Filen kan ikke læses som en liste over medarbejdere' });
    await error.waitFor();
    const alert = await page.locator('.people-outcome .alert--error').textContent();
    assert.match(alert, /no column holds the name/);
    assert.match(alert, /Vælg under "Hvad bruges kolonnerne til\?" ovenfor/);
    // Every column of the file gets a labelled select, not yet decided.
    assert.equal(await page.locator('.people-mapping').isVisible(), true);
    assert.deepEqual(await page.locator('.table--mapping tbody th[scope="row"]').allTextContents(),
      ['Medarbejdernummer', 'Fuldt medarbejdernavn', 'Stilling', 'E-mail']);
    const nameSelect = page.getByLabel('Felt for kolonnen "Fuldt medarbejdernavn"');
    assert.equal(await nameSelect.inputValue(), '');
    assert.equal(await nameSelect.locator('option:checked').textContent(), 'Registrér selv');

    await nameSelect.focus();
    await nameSelect.selectOption({ label: 'Navn' });
    await page.locator('.people-preview h3', { hasText: 'Det vil ske ved import af medarbejderne' }).waitFor();
    const focused = await activeElementInfo(page);
    assert.equal(focused.tag, 'SELECT');
    assert.equal(focused.id, await nameSelect.getAttribute('id'), 'focus stays on the changed select');
    await waitFor(async () => (await page.locator('#live-polite').textContent()).startsWith('Forhåndsvisningen er opdateret: 2 nye, 0 ændrede'),
      { message: 'the new preview is announced' });
    assert.deepEqual(await tableRows(page, '.table--columns'), [
      ['Medarbejdernummer', 'Medarbejdernummer'], ['Fuldt medarbejdernavn', 'Navn'], ['Stilling', 'Stilling'], ['E-mail', 'E-mail'],
    ]);
    // The selects now show what the core made of each column.
    assert.equal(await page.getByLabel('Felt for kolonnen "Medarbejdernummer"').inputValue(), 'employee_id');
    assert.equal(await page.getByLabel('Felt for kolonnen "E-mail"').inputValue(), 'email');
    assert.equal(await page.locator('.people-samples').textContent(), 'Vibeke Vindelev, Torben Tangsø');

    // "bruges ikke" leaves a column out of the import.
    const titleSelect = page.getByLabel('Felt for kolonnen "Stilling"');
    await titleSelect.focus();
    await titleSelect.selectOption({ label: 'bruges ikke' });
    await waitFor(async () => JSON.stringify((await tableRows(page, '.table--columns'))[2]) === JSON.stringify(['Stilling', 'bruges ikke']),
      { message: 'the preview shows the title column as not used' });
    assert.equal((await activeElementInfo(page)).id, await titleSelect.getAttribute('id'));
    assert.deepEqual(counts(await srv.api('stats', {})), before, 'the previews write nothing');
    const summary = await checkA11y(page, 'people import with the column mapping');
    assert.equal(summary.serious, 0);
    await page.locator('#people-import-h').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, document.querySelector('.people-mapping').getBoundingClientRect().top - 120));
    await screenshot(page, 'browser-people-mapping.png');

    await page.getByRole('button', { name: 'Importér medarbejdere', exact: true }).click();
    await page.locator('.people-done h3', { hasText: 'Medarbejderne er importeret' }).waitFor();
    assert.match(await page.locator('.people-done .alert--ok').textContent(), /2 nye og 0 ændrede medarbejdere/);
    assert.equal(await page.locator('.people-mapping').isHidden(), true, 'the columns of the imported file are gone');
  });

  const vibeke = await srv.api('person_show', { id: 'UI-9601' });
  assert.equal(vibeke.name, 'Vibeke Vindelev');
  assert.equal(vibeke.email, 'vibeke.vindelev@example.dk');
  assert.ok(!vibeke.title, 'the title column was not used');
  assert.equal((await srv.api('person_show', { id: 'UI-9602' })).name, 'Torben Tangsø');
  assert.equal((await srv.api('stats', {})).people, before.people + 2);
});
