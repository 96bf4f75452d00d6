// The employee's data rights and HR's privacy tools, in the browser: the
// retention rules saved on the Persondata screen and applied after a
// confirmation, a colleague marked as having left and one erased (gone from
// search and profile, the erasure in the audit log), "Mine data" downloaded by
// the employee themself, the audit log filtered by person and saved as CSV and
// JSON, and what an employee is not offered. axe on the screen and dialogs.
// The tests run in order on one server: the rules, the leaving and the erasure
// carry over. Demo people are picked from the running server, not hard-coded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  useServerAndBrowser, waitFor, waitForCards, activeElementInfo, checkA11y,
  pickPerson, currentHash, screenshot, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser({ afterStart: pickPeopleAsHr });
const navEntry = (page) => page.locator('#site-nav a[href="#/persondata"]');
const auditRows = (page) => page.locator('.audit-table tbody tr');

async function axe(page, label) {
  const summary = await checkA11y(page, label);
  assert.equal(summary.serious, 0);
}

async function asHr() {
  await srv.api('session_set', { role: 'hr' });
}

/** The audit table's cells, row by row. */
function readAuditTable(page) {
  return auditRows(page).evaluateAll((rows) => rows.map((row) => {
    const [at, actor, action, person, detail] = [...row.children].map((cell) => cell.textContent);
    return { at, datetime: row.querySelector('time')?.getAttribute('datetime'), actor, action, person, detail };
  }));
}

// The people of the story: `leaver` is marked as having left and `erased` is
// erased, both found by QUERY before; `me` is an employee and `colleague`
// someone who looks them up. Four different people with two-word names.
const QUERY = 'mentalisering';
let leaver;
let erased;
let me;
let colleague;
async function pickPeopleAsHr() {
  await asHr();
  const found = (await srv.api('search', { query: QUERY, limit: 20 })).results
    .filter((r) => r.name.split(' ').length >= 2);
  assert.ok(found.length >= 3, `at least three people are found by ${QUERY}`);
  [leaver, erased, me] = await Promise.all(found.slice(0, 3).map((r) => srv.api('person_show', { id: r.id })));
  const others = await srv.api('people_suggest', { prefix: 'b', limit: 8 });
  const pick = others.find((p) => ![leaver.id, erased.id, me.id].includes(p.id) && p.name.split(' ').length >= 2);
  colleague = await srv.api('person_show', { id: pick.id });
}

test('HR saves the retention rules on the Persondata screen and sees them after a reload', { timeout: TEST_TIMEOUT }, async () => {
  await asHr();
  await withPage('#/persondata', async (page) => {
    await page.locator('h1', { hasText: 'Persondata' }).waitFor();
    assert.equal(await navEntry(page).isVisible(), true, 'HR has the menu entry');
    assert.equal(await navEntry(page).getAttribute('aria-current'), 'page');
    const current = page.locator('section[aria-labelledby="retention-h"] dl');
    assert.equal(await page.locator('#retention-h').textContent(), 'Opbevaring');
    assert.deepEqual(await current.locator('dd').allTextContents(),
      ['Gemmes 90 dage efter fratrædelsen', 'Gemmes 10 år efter kurset'], 'the defaults');
    await axe(page, 'Persondata as HR');

    const people = page.getByRole('group', { name: 'Fratrådte medarbejdere' });
    const courses = page.getByRole('group', { name: 'Kursusrapporter' });
    const days = people.getByRole('spinbutton', { name: /^Antal dage efter fratrædelsen/ });
    assert.equal(await days.inputValue(), '90');

    // A period out of range is refused in the page, with a summary that leads to the field.
    await days.fill('0');
    await page.getByRole('button', { name: 'Gem reglerne' }).click();
    const summary = page.locator('.alert--error', { hasText: 'Formularen har 1 fejl' });
    await summary.waitFor();
    assert.equal(await days.getAttribute('aria-invalid'), 'true');
    assert.deepEqual((await srv.api('retention')).rules, { left_people_days: 90, course_report_years: 10 }, 'nothing saved');
    await axe(page, 'retention form with an error');

    await days.fill('30');
    await courses.getByRole('checkbox', { name: 'Slet aldrig' }).check();
    assert.equal(await courses.getByRole('spinbutton').isDisabled(), true, '"Slet aldrig" takes the number out of use');
    await page.getByRole('button', { name: 'Gem reglerne' }).click();
    const saved = page.locator('.alert--ok', { hasText: 'Reglerne er gemt.' });
    await saved.waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Reglerne er gemt.', 'focus on the confirmation');
    assert.deepEqual(await current.locator('dd').allTextContents(),
      ['Gemmes 30 dage efter fratrædelsen', 'Gemmes altid (slettes aldrig)']);
    assert.deepEqual((await srv.api('retention')).rules, { left_people_days: 30, course_report_years: null });

    await page.reload();
    await page.locator('h1', { hasText: 'Persondata' }).waitFor();
    await waitFor(async () => (await current.locator('dd').allTextContents()).join('|')
      === 'Gemmes 30 dage efter fratrædelsen|Gemmes altid (slettes aldrig)', { message: 'the saved rules after a reload' });
    assert.equal(await days.inputValue(), '30');
    assert.equal(await courses.getByRole('checkbox', { name: 'Slet aldrig' }).isChecked(), true);
    assert.equal(await people.getByRole('checkbox', { name: 'Slet aldrig' }).isChecked(), false);
    assert.equal(await page.locator('.retention-preview').textContent(), 'Det sletter reglerne i dagDer er intet at slette i dag.');

    // The same screen in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Personal data' }).waitFor();
    assert.equal(await navEntry(page).textContent(), 'Personal data');
    assert.deepEqual(await current.locator('dd').allTextContents(),
      ['Kept 30 days after leaving', 'Kept for good (never deleted)']);
    await axe(page, 'Persondata in English');
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.locator('h1', { hasText: 'Persondata' }).waitFor();
  });
});

test('HR marks a colleague as having left, after a confirmation; they are no longer found', { timeout: TEST_TIMEOUT }, async () => {
  await asHr();
  const before = await srv.api('search', { query: QUERY, limit: 20 });
  assert.ok(before.results.some((r) => r.id === leaver.id), `${leaver.name} is found before`);

  await withPage('#/person/' + leaver.id, async (page) => {
    await page.locator('h1.person__name', { hasText: leaver.name }).waitFor();
    const panel = page.getByRole('region', { name: 'Persondata' });
    const leave = panel.getByRole('button', { name: 'Markér som fratrådt' });
    assert.equal(await panel.getByRole('button', { name: `Hent alle data om ${leaver.name}` }).count(), 1, 'HR may take the data of anyone');
    await axe(page, 'a profile as HR, with the personal data tools');

    // Cancelled: nothing happens and focus is back on the button.
    await leave.click();
    const dialog = page.getByRole('dialog', { name: `Markér ${leaver.name} som fratrådt?` });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(`${leaver.name} forsvinder fra søgningen`));
    assert.match(await dialog.textContent(), /slettet helt 30 dage efter fratrædelsen/, 'the rule in force');
    assert.equal((await activeElementInfo(page)).text, 'Annullér', 'the safe choice has focus');
    await axe(page, 'the leaving confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await activeElementInfo(page)).text, 'Markér som fratrådt', 'focus back on the button');
    assert.equal((await srv.api('person_show', { id: leaver.id })).active, true, 'still active');

    await leave.click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ja, markér som fratrådt' }).click();
    const done = page.locator('.person-data .alert--ok', { hasText: `${leaver.name} er markeret som fratrådt` });
    await done.waitFor();
    assert.match(await done.textContent(), /vises ikke længere i søgningen/);
    assert.equal((await activeElementInfo(page)).cls, 'alert alert--ok', 'focus on the outcome');
    const badge = await page.locator('.person__head .badge').textContent();
    assert.match(badge, /^Fratrådt .+ – vises ikke i søgningen$/, 'the badge says when, without a reload');
    assert.ok(badge.includes(String(new Date().getFullYear())), `the leaving date is today's: ${badge}`);
    assert.equal(await panel.getByRole('button', { name: 'Markér som fratrådt' }).count(), 0, 'not offered twice');
    await axe(page, 'a profile of someone who left');

    const expected = await srv.api('search', { query: QUERY, limit: 20 });
    assert.ok(!expected.results.some((r) => r.id === leaver.id), 'the core leaves them out');
    await page.goto(srv.url + '#/sog?q=' + encodeURIComponent(QUERY));
    const cards = await waitForCards(page, expected);
    assert.ok(!cards.some((c) => c.id === leaver.id), `${leaver.name} is not among the results`);
  });
  assert.equal((await srv.api('person_show', { id: leaver.id })).active, false);
});

test('HR erases a colleague: gone from search and profile, and the audit log shows the erasure', { timeout: TEST_TIMEOUT }, async () => {
  await asHr();
  const profile = await srv.api('person_show', { id: erased.id });
  await withPage('#/person/' + erased.id, async (page) => {
    await page.locator('h1.person__name', { hasText: erased.name }).waitFor();
    await page.getByRole('button', { name: 'Slet personen' }).click();
    const dialog = page.getByRole('dialog', { name: `Slet ${erased.name}?` });
    await dialog.waitFor();
    const text = await dialog.textContent();
    assert.match(text, new RegExp(`${erased.name} bliver fjernet fra databasen og søgeindekset`));
    assert.match(text, /tæller der som "tidligere medarbejder"/);
    assert.match(text, /Det kan ikke fortrydes/);
    await axe(page, 'the erasure confirmation');
    await dialog.getByRole('button', { name: 'Ja, slet personen' }).click();

    // The profile is gone, so the app moves on and says what went.
    await waitFor(async () => (await currentHash(page)) === '#/persondata', { message: 'the Persondata screen' });
    const notice = page.locator('.notice');
    await notice.waitFor();
    assert.equal(await notice.locator('.alert__title').textContent(), `${erased.name} er slettet fra databasen og søgeindekset`);
    const lines = await notice.locator('li').allTextContents();
    assert.equal(lines[0], `${profile.skills.length} ${profile.skills.length === 1 ? 'kompetence' : 'kompetencer'} fjernet`);
    assert.match(lines[1], new RegExp(`^${profile.courses.length} kursusrapport(er)? tæller nu en tidligere medarbejder$`));
    assert.match(lines[2], new RegExp(`^Fjernet fra ${profile.initiatives.length} `));
    assert.equal((await activeElementInfo(page)).cls, 'alert alert--ok notice', 'focus on what was removed');

    await page.locator('.audit-table').waitFor();
    const aboutPeople = (await readAuditTable(page)).filter((r) => r.person !== '–');
    assert.deepEqual([aboutPeople[0].actor, aboutPeople[0].action, aboutPeople[0].person], ['HR', 'Slettede', erased.id],
      'the erasure is the newest entry about a person');
    assert.match(aboutPeople[0].at, /^\d{1,2}\.\d{1,2}\.\d{4} kl\. \d{2}\.\d{2}$/, 'Danish date and time');
    await axe(page, 'Persondata after an erasure');
    await screenshot(page, 'browser-privacy-erased.png');

    const expected = await srv.api('search', { query: QUERY, limit: 20 });
    assert.ok(!expected.results.some((r) => r.id === erased.id));
    await page.goto(srv.url + '#/sog?q=' + encodeURIComponent(QUERY));
    const cards = await waitForCards(page, expected);
    assert.ok(!cards.some((c) => c.id === erased.id), `${erased.name} is not among the results`);

    await page.goto(srv.url + '#/person/' + erased.id);
    await page.locator('.alert--error', { hasText: 'Vi kunne ikke finde det, du leder efter.' }).waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Profil');
  });
  await assert.rejects(srv.api('person_show', { id: erased.id }), (err) => err.body?.kind === 'not_found');
});

test('the audit log filtered by a person shows only their entries, and saves as CSV and JSON', { timeout: TEST_TIMEOUT }, async () => {
  await asHr();
  // Look-ups of two people, so the whole log names more than one.
  await srv.api('person_show', { id: me.id });
  await srv.api('person_show', { id: colleague.id });
  await srv.api('person_show', { id: me.id });
  const expected = await srv.api('audit_log', { person: me.id, limit: 100 });
  assert.ok(expected.length >= 3);

  await withPage('#/persondata', async (page) => {
    await page.locator('.audit-table').waitFor();
    const all = await readAuditTable(page);
    assert.ok(new Set(all.map((r) => r.person).filter((p) => p !== '–')).size > 1, 'the whole log names several people');

    const combo = page.getByRole('combobox', { name: /^Person/ });
    await pickPerson(page, combo, me);
    assert.equal(await combo.inputValue(), me.name);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    const caption = page.locator('.audit-table caption');
    await waitFor(async () => (await caption.textContent()) === `${expected.length} poster om ${me.name}, nyeste først`,
      { message: 'the caption of the filtered log' });
    const rows = await readAuditTable(page);
    assert.equal(rows.length, expected.length);
    assert.deepEqual(rows.map((r) => r.person), expected.map(() => `${me.name} (${me.id})`), 'only their entries');
    assert.deepEqual(rows.map((r) => r.datetime), expected.map((e) => e.at));
    assert.ok(rows.every((r) => r.action === 'Så profilen'));
    await axe(page, 'the audit log filtered by a person');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem som CSV' }).click()]);
    assert.match(csv.suggestedFilename(), new RegExp(`^logbog-${me.id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csvText = await readFile(await csv.path(), 'utf8');
    assert.ok(csvText.startsWith('\uFEFF'), 'a byte order mark for Excel');
    const lines = csvText.slice(1).split('\r\n').filter(Boolean);
    assert.equal(lines[0], 'Tidspunkt;Hvem;Handling;Person;Detaljer', 'the header row');
    assert.equal(lines.length, expected.length + 1);
    assert.deepEqual(lines.slice(1).map((line) => line.split(';')[3]), expected.map(() => me.id));
    assert.deepEqual(lines.slice(1).map((line) => line.split(';')[0]), expected.map((e) => e.at));
    await page.locator('.alert--ok', { hasText: `Filen ${csv.suggestedFilename()} er gemt` }).waitFor();

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem som JSON' }).click()]);
    assert.match(json.suggestedFilename(), new RegExp(`^logbog-${me.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    assert.deepEqual(JSON.parse(await readFile(await json.path(), 'utf8')), expected);

    // An erased person is no longer suggested; their id finds their entries.
    await page.getByRole('button', { name: 'Vis for alle personer' }).click();
    await waitFor(async () => /^\d+ poster i logbogen, nyeste først$/.test(await caption.textContent()), { message: 'the whole log again' });
    assert.equal((await activeElementInfo(page)).cls, 'input combo__input', 'focus back in the person field');
    await combo.fill(erased.id);
    await page.getByRole('button', { name: 'Vis', exact: true }).click();
    await waitFor(async () => (await caption.textContent()).endsWith(`om ${erased.id}, nyeste først`), { message: 'the erased person\'s entries' });
    const erasedRows = await readAuditTable(page);
    assert.ok(erasedRows.every((r) => r.person === erased.id));
    assert.ok(erasedRows.some((r) => r.action === 'Slettede'));
  });
});

test('"Mine data": an employee downloads everything about themself, with who looked them up; others get no button', { timeout: TEST_TIMEOUT }, async () => {
  // A colleague looks the employee up first, so the log has someone else in it.
  await srv.api('session_set', { role: 'employee', person: colleague.id });
  await srv.api('person_show', { id: me.id });
  await srv.api('session_set', { role: 'employee', person: me.id });

  await withPage('#/person/' + me.id, async (page) => {
    await page.locator('h1.person__name', { hasText: me.name }).waitFor();
    const panel = page.getByRole('region', { name: 'Mine data' });
    await panel.waitFor();
    assert.equal(await panel.getByRole('button', { name: 'Markér som fratrådt' }).count(), 0, 'an employee marks no one as left');
    assert.equal(await page.getByRole('button', { name: 'Slet personen' }).count(), 0);
    assert.equal(await navEntry(page).isVisible(), false, 'no Persondata in the menu');
    assert.equal(await page.locator('#site-nav').getByRole('link', { name: 'Persondata' }).count(), 0);
    await axe(page, 'own profile with "Mine data"');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Hent mine data' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `mine-data-${me.id}.json`);
    const data = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(data.person, me.id);
    assert.equal(data.tables.people[0].external_id, me.id);
    assert.equal(data.tables.people[0].name, me.name);
    assert.ok(data.audit_log.some((e) => e.action === 'viewed_profile' && e.actor === `employee:${colleague.id}` && e.person === me.id),
      'the log names the colleague who looked them up');
    await panel.locator('.alert--ok', { hasText: `Filen mine-data-${me.id}.json er gemt` }).waitFor();

    // A colleague's profile: no data to take home.
    await page.goto(srv.url + '#/person/' + colleague.id);
    await page.locator('h1.person__name', { hasText: colleague.name }).waitFor();
    await page.locator('section[aria-labelledby="contact-h"]').waitFor();
    assert.equal(await page.locator('.person-data').count(), 0);
    assert.equal(await page.getByRole('button', { name: /data/ }).count(), 0);

    // The screen itself, opened by its address: the core's refusal, in words.
    await page.goto(srv.url + '#/persondata');
    const refusal = page.locator('.alert--error', { hasText: 'Det må din rolle ikke:' });
    await refusal.waitFor();
    assert.equal(await refusal.locator('.alert__title').textContent(), 'Det har du ikke adgang til');
    assert.match(await refusal.textContent(), new RegExp(`read the audit log \\(you are employee:${me.id}\\)`));
    assert.equal(await page.getByRole('heading', { name: 'Logbog' }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('alert--error')), true, 'focus on the refusal');
    await axe(page, 'Persondata refused to an employee');
  });
  const exported = await srv.api('audit_log', { person: me.id, limit: 5 }).catch((err) => err);
  assert.equal(exported.body?.kind, 'forbidden', 'an employee may not read the audit log');
  await asHr();
  const log = await srv.api('audit_log', { person: me.id, limit: 5 });
  assert.ok(log.some((e) => e.action === 'exported' && e.actor === `employee:${me.id}` && e.detail === 'mine data'), 'the download is logged');
});

test('HR applies the retention rules after a confirmation and sees what went', { timeout: TEST_TIMEOUT }, async () => {
  await asHr();
  await withPage('#/persondata', async (page) => {
    await page.locator('h1', { hasText: 'Persondata' }).waitFor();
    const courses = page.getByRole('group', { name: 'Kursusrapporter' });
    await courses.getByRole('checkbox', { name: 'Slet aldrig' }).uncheck();
    await courses.getByRole('spinbutton', { name: /^Antal år efter kurset/ }).fill('1');
    await page.getByRole('button', { name: 'Gem reglerne' }).click();
    await page.locator('.alert--ok', { hasText: 'Reglerne er gemt.' }).waitFor();

    const due = await srv.api('retention');
    assert.deepEqual(due.rules, { left_people_days: 30, course_report_years: 1 });
    assert.equal(due.people.length, 0, `${leaver.name} left today, within the 30 days`);
    assert.ok(due.courses.length > 0, 'the demo has courses older than a year');
    const preview = page.locator('.retention-preview');
    const count = `${due.courses.length} kursusrapport${due.courses.length === 1 ? '' : 'er'}`;
    await preview.getByRole('heading', { name: count }).waitFor();
    assert.ok((await preview.locator('li').allTextContents()).some((li) => li.startsWith(due.courses[0].title)), 'titles are named');
    await axe(page, 'retention preview');

    const apply = preview.getByRole('button', { name: 'Anvend nu' });
    await apply.click();
    const dialog = page.getByRole('dialog', { name: 'Slet det, reglerne siger, nu?' });
    await dialog.waitFor();
    assert.match(await dialog.textContent(), new RegExp(`0 fratrådte medarbejdere og ${count} bliver slettet`));
    await axe(page, 'the retention confirmation');
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await activeElementInfo(page)).text, 'Anvend nu', 'focus back on the button');
    assert.equal((await srv.api('retention')).courses.length, due.courses.length, 'nothing removed on cancel');

    await apply.click();
    await dialog.getByRole('button', { name: 'Ja, slet det nu' }).click();
    const result = page.locator('.retention-result');
    await result.waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Reglerne er anvendt', 'focus on the outcome');
    assert.match(await result.textContent(), new RegExp(`0 fratrådte medarbejdere og ${count} er slettet\\.`));
    await preview.getByText('Der er intet at slette i dag.').waitFor();
    const left = new Set((await srv.api('course_list', { query: '', limit: 1000 })).map((c) => c.id));
    assert.ok(due.courses.every((c) => !left.has(c.id)), 'the expired reports are gone');
    await waitFor(async () => (await readAuditTable(page)).some((r) => r.actor === 'Opbevaringsregel' && r.action === 'Slettede'),
      { message: 'the rule named in the audit log' });
    await axe(page, 'retention applied');
  });
});

test('a search typed in the search field is one row of the log, with how much but not the words', { timeout: TEST_TIMEOUT }, async () => {
  await asHr();
  const expected = await srv.api('search', { query: 'hash unge', limit: 20 });
  await srv.api('search', { query: 'efterværn' });
  await withPage('#/sog', async (page) => {
    // Typed key by key, so the field searches while typing.
    await page.getByRole('searchbox').pressSequentially('hash unge', { delay: 60 });
    await waitForCards(page, expected);
    await page.getByRole('link', { name: 'Persondata' }).click();
    await page.locator('.audit-table').waitFor();
    const rows = await readAuditTable(page);
    const searches = rows.filter((r) => r.action === 'Søgte');
    assert.deepEqual(searches.slice(0, 3).map((r) => r.detail), [
      `2 ord, ${expected.total} fundet`,
      `1 ord, ${(await srv.api('search', { query: 'efterværn' })).total} fundet`,
      `2 ord, ${expected.total} fundet`,
    ], 'the typing is one row, after the two searches before it');
    assert.deepEqual(searches.filter((r) => /hash|efterværn/.test(r.detail)), [], 'never the words');
  });
});
