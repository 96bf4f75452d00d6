// Who sees what, in the browser: "Hvem er du?" at first start (a band under the
// header that blocks nothing), "Du er: …" with "Skift" in the header, a skill
// and a contact field hidden by their owner and gone for a colleague (profile
// and search), an imported skill confirmed with "Bekræft og vis", the HR-only
// choice on the course form for HR only, and a refusal in plain Danish.
// The tests run in order on one server: the chosen viewer carries over.
// Demo people are picked from the running server, not hard-coded.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, waitFor, activeElementInfo, checkA11y,
  pickPerson, screenshot, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser({ afterStart: pickPeople });
const searchInput = (page) => page.locator('input.searchbar__input');
const panel = (page) => page.getByRole('region', { name: 'Hvem er du?' });
const whoami = (page) => page.locator('#whoami-text');

async function axe(page, label) {
  const summary = await checkA11y(page, label);
  assert.equal(summary.serious, 0);
}

// The people of the story, found in the demo data: `me` has a skill the search
// finds them by through that skill alone (so hiding it must hide them), and
// `other` is a colleague who is someone else.
let me;
let skill;
let other;
async function pickPeople() {
  const seen = new Set();
  const candidates = (await srv.api('search', { query: 'mentalisering', limit: 20 })).results;
  outer:
  for (const candidate of candidates) {
    const profile = await srv.api('person_show', { id: candidate.id });
    if (profile.name.split(' ').length < 2) continue;
    for (const s of profile.skills) {
      if (!s.shown || seen.has(s.name)) continue;
      seen.add(s.name);
      const found = await srv.api('search', { query: s.name, limit: 100 });
      const mine = found.results.find((r) => r.id === profile.id);
      if (mine && mine.evidence.length === 1 && mine.evidence[0].kind === 'skill' && found.results.length > 1) {
        me = profile;
        skill = s.name;
        break outer;
      }
    }
  }
  assert.ok(me, 'a demo person found by a skill alone');
  const others = await srv.api('people_suggest', { prefix: 'a', limit: 8 });
  const pick = others.find((p) => p.id !== me.id && p.name.split(' ').length >= 2);
  other = await srv.api('person_show', { id: pick.id });
}

/** Opens the chooser with "Skift" and makes someone the viewer through it. */
async function switchTo(page, role, person) {
  await page.getByRole('button', { name: 'Skift hvem du er' }).click();
  await panel(page).waitFor();
  assert.equal((await activeElementInfo(page)).id, 'who-h', '"Skift" moves focus to the chooser');
  await panel(page).getByRole('radio', { name: role, exact: true }).check();
  if (person) {
    const combo = panel(page).getByRole('combobox', { name: /^Dit navn/ });
    await combo.fill('');
    await pickPerson(page, combo, person);
  }
  await panel(page).getByRole('button', { name: 'Brug valget' }).click();
  await panel(page).waitFor({ state: 'detached' });
  await page.locator('main#main:not([aria-busy])').waitFor({ state: 'attached' });
}

test('(a) first start: "Hvem er du?" beside a working search; an employee picks themself and is named in the header', { timeout: TEST_TIMEOUT }, async () => {
  assert.equal((await srv.api('session')).chosen, false, 'a fresh directory has no choice yet');
  await withPage('#/sog', async (page) => {
    await panel(page).waitFor();
    assert.equal(await panel(page).getByRole('heading', { level: 2 }).textContent(), 'Hvem er du?');
    assert.equal(await whoami(page).textContent(), 'Du er: Administrator (ikke valgt endnu)');
    // Not a modal: focus stays in the search field, and the search answers.
    const focused = await activeElementInfo(page);
    assert.equal(focused.cls, 'input searchbar__input', 'focus starts in the search field');
    assert.equal(await page.getByRole('dialog').count(), 0);
    assert.deepEqual(
      await panel(page).getByRole('radio').evaluateAll((els) => els.map((el) => el.labels[0].textContent)),
      ['Medarbejder', 'Leder', 'HR', 'Administrator']);
    assert.equal(await panel(page).getByRole('combobox').count(), 0, 'no name field before a role needs one');
    await axe(page, 'who are you, first start');
    await screenshot(page, 'browser-who-are-you.png', { withWho: true });

    // An employee must say who they are.
    await panel(page).getByRole('radio', { name: 'Medarbejder' }).check();
    const combo = panel(page).getByRole('combobox', { name: /^Dit navn/ });
    await combo.waitFor();
    await panel(page).getByRole('button', { name: 'Brug valget' }).click();
    const summary = panel(page).locator('.alert--error');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('a').allTextContents(), ['Vælg dit navn på listen.']);
    assert.equal(await combo.getAttribute('aria-invalid'), 'true');
    await axe(page, 'who are you, employee without a name');

    await pickPerson(page, combo, me);
    assert.equal(await combo.inputValue(), me.name);
    await axe(page, 'who are you, employee picked');
    await panel(page).getByRole('button', { name: 'Brug valget' }).click();

    await waitFor(async () => (await whoami(page).textContent()) === `Du er: ${me.name} (medarbejder)`,
      { message: 'the header names the chosen person' });
    assert.equal(await panel(page).count(), 0, 'the panel is gone once chosen');
    assert.equal((await activeElementInfo(page)).id, 'whoami-change', 'focus lands on "Skift"');
    await waitFor(async () => (await page.locator('#live-polite').textContent()).startsWith(`Du er nu ${me.name} (medarbejder)`),
      { message: 'the change is announced' });

    // The search still works for the new viewer.
    await searchInput(page).fill(skill.toLowerCase());
    await page.locator('.results:not([aria-busy]) .results__count').first().waitFor();
    assert.ok(await page.locator('.card__link', { hasText: me.name }).count() > 0);
  });
  const session = await srv.api('session');
  assert.deepEqual(session.viewer, { role: 'employee', person: me.id });
  assert.equal(session.chosen, true);

  // A new window remembers the choice and does not ask again.
  await withPage('#/sog', async (page) => {
    await waitFor(async () => (await whoami(page).textContent()) === `Du er: ${me.name} (medarbejder)`, { message: 'the header' });
    assert.equal(await panel(page).count(), 0);
  });
});

test('(b) an employee hides a skill and the phone on their own profile; a colleague finds neither', { timeout: TEST_TIMEOUT }, async () => {
  const before = await srv.api('search', { query: skill, limit: 100 });
  assert.ok(before.results.some((r) => r.id === me.id), `${me.name} is found by ${skill} before`);

  await withPage('#/person/' + me.id, async (page) => {
    await page.locator('h1.person__name', { hasText: me.name }).waitFor();
    await page.getByRole('button', { name: 'Rediger' }).click();
    await page.locator('#edit-profile-h').waitFor();

    // "Vis for alle" is saved at once and the row says the skill is hidden.
    const row = page.locator('.skill-row', { has: page.locator('.skill-row__name', { hasText: skill }) }).first();
    const shown = row.getByRole('checkbox', { name: `Vis for alle (${skill})` });
    assert.equal(await shown.isChecked(), true);
    await shown.uncheck();
    await waitFor(async () => (await srv.api('person_show', { id: me.id })).skills.find((s) => s.name === skill)?.shown === false,
      { message: 'the skill is saved as hidden' });
    await row.locator('.badge--hidden', { hasText: 'Skjult for kolleger' }).waitFor();
    await waitFor(async () => (await page.evaluate(() => document.activeElement?.dataset.skillShown)) === skill,
      { message: 'focus stays on the checkbox' });

    // Contact fields: "Skjul for kolleger", saved with the details.
    const hidePhone = page.getByRole('checkbox', { name: 'Skjul for kolleger (Telefon)' });
    assert.equal(await hidePhone.isChecked(), false);
    assert.equal(await page.getByRole('checkbox', { name: /^Skjul for kolleger/ }).count(), 4, 'phone, location, bio and languages');
    await hidePhone.check();
    await page.getByRole('button', { name: 'Gem oplysninger' }).click();
    await page.locator('.alert--ok', { hasText: 'Dine oplysninger er gemt' }).waitFor();
    assert.deepEqual((await srv.api('person_show', { id: me.id })).hidden_fields, ['phone']);
    await axe(page, 'own profile, edit mode with a hidden skill and field');

    // The owner still sees both, marked.
    await page.getByRole('button', { name: 'Færdig med at redigere' }).click();
    const viewRow = page.locator('.skills-table tbody tr', { has: page.locator('th', { hasText: skill }) }).first();
    await viewRow.locator('.badge--hidden', { hasText: 'Skjult for kolleger' }).waitFor();
    const contact = page.locator('section[aria-labelledby="contact-h"]');
    assert.match(await contact.locator('.dl__row', { hasText: 'Telefon' }).textContent(), /skjult for kolleger/);
    await axe(page, 'own profile with hidden items marked');
    await page.evaluate(() => document.querySelector('.skills-table').scrollIntoView({ block: 'center', behavior: 'instant' }));
    await screenshot(page, 'browser-person-hidden.png');

    // Someone else now: the header says so.
    await switchTo(page, 'Medarbejder', other);
    await waitFor(async () => (await whoami(page).textContent()) === `Du er: ${other.name} (medarbejder)`, { message: 'the header names the colleague' });
    // The profile on screen is loaded again for the new viewer.
    await page.locator('h1.person__name', { hasText: me.name }).waitFor();
    await waitFor(async () => (await page.locator('.skills-table th', { hasText: skill }).count()) === 0, { message: 'the hidden skill gone' });
    assert.equal(await page.locator('section[aria-labelledby="contact-h"] .dl__row', { hasText: 'Telefon' }).count(), 0, 'no phone');
    assert.equal(await page.getByRole('button', { name: 'Rediger' }).count(), 0, 'a colleague may not edit');
    assert.equal(await page.locator('.badge--hidden').count(), 0);

    // The search, as the colleague, does not find the first person by the skill.
    await page.locator('#site-nav').getByRole('link', { name: 'Søg' }).click();
    await searchInput(page).waitFor();
    await searchInput(page).fill(skill.toLowerCase());
    const expected = await srv.api('search', { query: skill.toLowerCase(), limit: 20 });
    assert.ok(!expected.results.some((r) => r.id === me.id), 'the core leaves the hidden skill out');
    await page.locator('.results:not([aria-busy]) .results__count').first().waitFor();
    await waitFor(async () => {
      const ids = await page.locator('.cards .card .card__link').evaluateAll((els) => els.map((el) => el.dataset.id));
      return ids.length > 0 && JSON.stringify(ids) === JSON.stringify(expected.results.map((r) => r.id));
    }, { message: 'the colleague\'s results' });
    assert.equal(await page.locator('.card__link', { hasText: me.name }).count(), 0);

    // Opening the profile directly does not show the skill either.
    await page.goto(srv.url + '#/person/' + me.id);
    await page.locator('h1.person__name', { hasText: me.name }).waitFor();
    await page.locator('.skills-table, section[aria-labelledby="skills-h"] .muted').first().waitFor();
    assert.equal(await page.locator('.skills-table th', { hasText: skill }).count(), 0);
  });
});

test('(d) a leader of the unit sees what the employee hid; a leader elsewhere sees what colleagues see', { timeout: TEST_TIMEOUT }, async () => {
  // After (b): `me` hides a skill and the phone.
  await srv.api('session_set', { role: 'hr' });
  const hidden = await srv.api('person_show', { id: me.id });
  assert.ok(hidden.skills.some((s) => s.name === skill && s.shown === false) && hidden.hidden_fields.includes('phone'));
  const people = (await srv.api('export_bundle', {})).people;
  const forvaltning = (p) => (p.department || '').split(' / ')[0];
  const leader = people.find((p) => p.id !== me.id && p.department === me.department);
  const elsewhere = people.find((p) => p.department && forvaltning(p) !== forvaltning(me));
  assert.ok(leader && elsewhere, 'a colleague of the same unit and someone of another forvaltning');

  await withPage('#/person/' + me.id, async (page) => {
    await switchTo(page, 'Leder', leader);
    await waitFor(async () => (await whoami(page).textContent()) === `Du er: ${leader.name} (leder)`, { message: 'the header names the leader' });
    await page.locator('h1.person__name', { hasText: me.name }).waitFor();
    const row = page.locator('.skills-table tbody tr', { has: page.locator('th', { hasText: skill }) }).first();
    await row.locator('.badge--hidden', { hasText: 'Skjult for kolleger' }).waitFor();
    assert.match(await page.locator('section[aria-labelledby="contact-h"] .dl__row', { hasText: 'Telefon' }).textContent(), /skjult for kolleger/);
    assert.equal(await page.getByRole('button', { name: 'Rediger' }).count(), 0, 'a leader reads but does not edit');
    await axe(page, 'a leader reads a hidden skill');

    await switchTo(page, 'Leder', elsewhere);
    await waitFor(async () => (await whoami(page).textContent()) === `Du er: ${elsewhere.name} (leder)`, { message: 'the other leader' });
    await page.locator('h1.person__name', { hasText: me.name }).waitFor();
    await waitFor(async () => (await page.locator('.skills-table th', { hasText: skill }).count()) === 0, { message: 'the hidden skill gone' });
    assert.equal(await page.locator('section[aria-labelledby="contact-h"] .dl__row', { hasText: 'Telefon' }).count(), 0, 'no phone');
  });
  const seen = await srv.api('person_show', { id: me.id });
  assert.ok(!seen.skills.some((s) => s.name === skill), 'the core, too, keeps it from a leader elsewhere');
});

test('an imported skill awaits its owner: "Fra HR – afventer din bekræftelse", then "Bekræft og vis"', { timeout: TEST_TIMEOUT }, async () => {
  const imported = 'Origamisignalering';
  await srv.api('session_set', { role: 'hr' });
  const csv = Buffer.from(`Medarbejder;Kompetence;Niveau\r\n${me.id};${imported};2\r\n`, 'utf8').toString('base64');
  const report = await srv.api('import_skills', { content_base64: csv, file_name: 'kompetencer.csv', dry_run: false });
  assert.equal(report.added, 1);
  await srv.api('session_set', { role: 'employee', person: me.id });
  assert.equal((await srv.api('search', { query: imported })).total, 0, 'nobody is found before it is confirmed');

  await withPage('#/person/' + me.id, async (page) => {
    const row = page.locator('.skills-table tbody tr', { has: page.locator('th', { hasText: imported }) });
    await row.waitFor();
    assert.equal(await row.locator('.badge--pending').textContent(), 'Fra HR – afventer din bekræftelse');
    assert.equal(await row.locator('.badge--hidden').textContent(), 'Skjult for kolleger');
    await axe(page, 'own profile with a skill awaiting confirmation');
    await row.getByRole('button', { name: `Bekræft og vis ${imported}` }).click();
    await waitFor(async () => (await row.locator('.badge--pending').count()) === 0, { message: 'the skill confirmed' });
    assert.equal(await row.locator('.badge--hidden').count(), 0);
    assert.equal(await row.getByRole('button', { name: /^Bekræft og vis/ }).count(), 0);
    assert.equal(await page.locator('.skills-table th[data-skill="' + imported + '"]').getAttribute('tabindex'), '-1');
    assert.equal((await activeElementInfo(page)).tag, 'TH', 'focus on the confirmed skill');
  });
  const saved = (await srv.api('person_show', { id: me.id })).skills.find((s) => s.name === imported);
  assert.equal(saved.shown, true);
  assert.deepEqual((await srv.api('search', { query: imported })).results.map((r) => r.id), [me.id]);
});

test('(c) the course form offers "Kun for HR" to HR only; an HR-only report is marked "Kun HR" and kept from colleagues', { timeout: TEST_TIMEOUT }, async () => {
  const title = 'Personalejura for ledere (fortroligt)';
  await withPage('#/kurser/ny', async (page) => {
    await page.locator('h1', { hasText: 'Skriv kursusrapport' }).waitFor();
    assert.match(await whoami(page).textContent(), /\(medarbejder\)$/);
    assert.equal(await page.getByLabel('Kun for HR').count(), 0, 'an employee is not offered the choice');

    await switchTo(page, 'HR');
    assert.equal(await whoami(page).textContent(), 'Du er: HR');
    await page.getByLabel('Kun for HR').waitFor();
    await axe(page, 'course form as HR');

    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel(/^Dato/).fill('2026-03-04');
    await pickPerson(page, page.getByRole('combobox', { name: 'Tilføj deltager' }), other);
    await page.locator('.chips--people .chip__name', { hasText: other.name }).waitFor();
    await page.getByLabel('Kun for HR').check();
    await page.getByRole('button', { name: 'Gem rapport' }).click();
    await page.locator('h2', { hasText: 'Rapporten er gemt' }).waitFor();
    assert.match(await page.locator('.confirmation').textContent(), /gemt som kun for HR/);

    await page.getByRole('link', { name: 'Til listen over kurser' }).click();
    const card = page.locator('.course-card', { hasText: title });
    await card.waitFor();
    assert.equal(await card.locator('.badge--hr').textContent(), 'Kun HR');

    await page.goto(srv.url + '#/person/' + other.id);
    const item = page.locator('section[aria-labelledby="courses-h"] li', { hasText: title });
    await item.waitFor();
    assert.equal(await item.locator('.badge--hr').textContent(), 'Kun HR');
  });
  const report = (await srv.api('course_list', { query: '', limit: 1000 })).find((c) => c.title === title);
  assert.equal(report?.hr_only, true);

  // The colleague who attended, as an employee: no report, no choice on the form.
  await srv.api('session_set', { role: 'employee', person: other.id });
  await withPage('#/kurser/ny', async (page) => {
    await page.locator('h1', { hasText: 'Skriv kursusrapport' }).waitFor();
    assert.equal(await whoami(page).textContent(), `Du er: ${other.name} (medarbejder)`);
    assert.equal(await page.getByLabel('Kun for HR').count(), 0);
    await page.goto(srv.url + '#/kurser');
    await page.locator('.course-card').first().waitFor();
    assert.equal(await page.locator('.course-card', { hasText: title }).count(), 0);
  });
});

test('a refusal of the core reads "Det må din rolle ikke: …"', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/import', async (page) => {
    await page.getByRole('button', { name: 'Tag sikkerhedskopi', exact: true }).click();
    const box = page.locator('.alert--error', { hasText: 'Det må din rolle ikke:' });
    await box.waitFor();
    assert.equal(await box.locator('.alert__title').textContent(), 'Det har du ikke adgang til');
    assert.match(await box.textContent(), new RegExp(`Det må din rolle ikke: .*\\(you are employee:${other.id}\\)`));
    assert.match(await box.textContent(), /knappen Skift øverst på siden/);
    await axe(page, 'a refusal');
  });
});

test('English: the header and the chooser follow the language', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/sog', async (page) => {
    await page.getByRole('button', { name: 'English' }).click();
    await waitFor(async () => (await whoami(page).textContent()) === `You are: ${other.name} (employee)`, { message: 'the header in English' });
    await page.getByRole('button', { name: 'Change who you are' }).click();
    const chooser = page.getByRole('region', { name: 'Who are you?' });
    await chooser.waitFor();
    assert.equal(await chooser.getByRole('radio', { name: 'Employee' }).isChecked(), true, 'the current role is chosen');
    assert.equal(await chooser.getByRole('combobox', { name: /^Your name/ }).inputValue(), other.name);
    await axe(page, 'who are you, English, opened with Change');
    // Esc closes it again, back on the button.
    await page.keyboard.press('Escape');
    await chooser.waitFor({ state: 'detached' });
    assert.equal((await activeElementInfo(page)).id, 'whoami-change');
  });
});
