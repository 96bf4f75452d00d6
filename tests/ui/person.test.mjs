// A colleague's profile: reached from a result card by keyboard and by mouse,
// with contact details and skills in Danish level names; and edited: a new
// skill added through the combobox is found by the search at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, cliSearch, cli, waitFor, waitForCards,
  activeElementInfo, currentHash, checkA11y, TEST_TIMEOUT,
} from './helpers.mjs';

const LEVELS = { 1: 'Kender til', 2: 'Kan anvende', 3: 'Erfaren', 4: 'Specialist', 5: 'Ekspert' };

const { srv, withPage } = useServerAndBrowser();
const searchInput = (page) => page.locator('input.searchbar__input');

async function waitForProfile(page, profile) {
  await waitFor(async () => (await currentHash(page)) === '#/person/' + profile.id, { message: `address of ${profile.id}` });
  await page.locator('h1.person__name', { hasText: profile.name }).waitFor();
  await page.locator('main#main:not([aria-busy])').waitFor({ state: 'attached' });
}

/** Checks what the profile screen shows against the core's profile. */
async function assertProfileShown(page, profile) {
  assert.equal(await page.locator('h1').textContent(), profile.name);
  assert.equal(await page.title(), `${profile.name} – Hvem ved?`);
  if (profile.title) assert.equal(await page.locator('.person__title').textContent(), profile.title);
  assert.deepEqual(await page.locator('.unit-path li').allTextContents(), profile.units);

  // Contact details, as links that open mail and phone.
  const contact = page.locator('section[aria-labelledby="contact-h"]');
  assert.equal(await contact.locator('h2').textContent(), 'Kontakt');
  assert.ok(profile.email && profile.phone, 'demo people have e-mail and phone');
  const mail = contact.locator(`a[href="mailto:${profile.email}"]`);
  assert.equal(await mail.textContent(), profile.email);
  const tel = contact.locator(`a[href="tel:${profile.phone.replace(/\s+/g, '')}"]`);
  assert.equal(await tel.textContent(), profile.phone);
  const rows = Object.fromEntries(await contact.locator('.dl__row').evaluateAll((els) =>
    els.map((row) => [row.querySelector('dt').textContent, row.querySelector('dd').textContent])));
  if (profile.location) assert.equal(rows.Arbejdssted, profile.location);
  if (profile.profession) assert.equal(rows.Fag, profile.profession);
  if (profile.languages?.length) assert.equal(rows.Sprog, profile.languages.join(', '));
  assert.equal(await contact.getByRole('button', { name: 'Kopiér e-mailadressen' }).count(), 1);

  // Skills with the Danish level names, the same names the core uses.
  assert.ok(profile.skills.length > 0);
  const shown = await page.locator('.skills-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    name: tr.querySelector('th').firstChild.textContent,
    level: tr.querySelector('.level__text').textContent,
    meterOn: tr.querySelectorAll('.meter__step.is-on').length,
  })));
  assert.deepEqual(shown.map((s) => s.name), profile.skills.map((s) => s.name));
  profile.skills.forEach((skill, i) => {
    const want = skill.level ? `${skill.level} · ${LEVELS[skill.level]}` : 'Intet niveau angivet';
    assert.equal(shown[i].level, want, `level of ${skill.name}`);
    if (skill.level) assert.equal(LEVELS[skill.level], skill.level_name, 'the UI and the core name levels alike');
    assert.equal(shown[i].meterOn, skill.level ?? 0);
  });
}

test('open a person from the results with Enter and by click; contact details and skills', { timeout: TEST_TIMEOUT }, async () => {
  const expected = await cliSearch(srv.dataDir, 'mentalisering', '--limit', '20');
  const [first, second] = expected.results;
  const firstProfile = await srv.api('person_show', { id: first.id });
  const secondProfile = await srv.api('person_show', { id: second.id });

  await withPage('#/sog', async (page) => {
    await searchInput(page).fill('mentalisering');
    await waitForCards(page, expected);

    // Keyboard: ↓ to the first card, Enter opens it and focus lands on the name.
    await page.keyboard.press('ArrowDown');
    assert.equal((await activeElementInfo(page)).dataId, first.id);
    await page.keyboard.press('Enter');
    await waitForProfile(page, firstProfile);
    const focused = await activeElementInfo(page);
    assert.equal(focused.tag, 'H1', 'focus moves to the profile heading');
    assert.equal(focused.text, firstProfile.name);
    await assertProfileShown(page, firstProfile);
    assert.equal(await page.locator('#site-nav a[aria-current="page"]').textContent(), 'Søg');

    // Back returns to the same results, with focus on the card just visited.
    await page.goBack();
    await waitForCards(page, expected);
    await waitFor(async () => (await activeElementInfo(page)).dataId === first.id, { message: 'focus back on the visited card' });

    // Mouse: a click on the second card's name.
    await page.locator('.card__link', { hasText: second.name }).click();
    await waitForProfile(page, secondProfile);
    await assertProfileShown(page, secondProfile);
  });
});

test('an unknown person id says so instead of failing', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/person/p-does-not-exist', async (page) => {
    await page.locator('.alert--error').waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Profil');
    assert.match(await page.locator('.alert--error').textContent(), /Vi kunne ikke finde det, du leder efter\./);
    assert.equal(await page.getByRole('link', { name: 'Gå til søgningen' }).count(), 1);
  });
});

test('add a new skill with a level through the combobox, then find the person by it', { timeout: TEST_TIMEOUT }, async () => {
  const skill = 'Origamiterapi';
  const before = await cliSearch(srv.dataDir, skill.toLowerCase());
  assert.equal(before.total, 0, 'nobody knows about the made-up skill yet');
  // Someone from the middle of a search, so the id is not hard-coded.
  const person = (await cliSearch(srv.dataDir, 'motiverende samtale', '--limit', '20')).results[7];
  const profile = await srv.api('person_show', { id: person.id });
  assert.ok(!profile.skills.some((s) => s.name === skill));

  await withPage('#/person/' + person.id, async (page) => {
    await waitForProfile(page, profile);
    await page.getByRole('button', { name: 'Rediger' }).click();
    await page.locator('#edit-profile-h').waitFor();
    assert.equal((await activeElementInfo(page)).id, 'edit-profile-h', 'edit mode moves focus to its heading');

    const form = page.locator('form.add-skill');
    const combo = form.getByRole('combobox', { name: /^Kompetence/ });
    await combo.click();
    await combo.pressSequentially(skill, { delay: 20 });
    const createOption = form.getByRole('option', { name: `Opret ny kompetence: ${skill}` });
    await createOption.waitFor();
    assert.equal(await combo.getAttribute('aria-expanded'), 'true');

    // ↓ until the "create" option is the active one, then Enter picks it.
    const optionCount = await form.getByRole('option').count();
    for (let i = 0; i < optionCount; i += 1) {
      await page.keyboard.press('ArrowDown');
      const activeId = await combo.getAttribute('aria-activedescendant');
      if (activeId && (await page.locator('#' + activeId).textContent()).includes('Opret ny kompetence')) break;
    }
    assert.equal(await createOption.getAttribute('aria-selected'), 'true');
    await page.keyboard.press('Enter');
    assert.equal(await combo.getAttribute('aria-expanded'), 'false');
    assert.equal(await combo.inputValue(), skill);

    // Without a level the form says what is missing and adds nothing.
    await form.getByRole('button', { name: 'Tilføj kompetence' }).click();
    const summary = form.locator('.alert--error');
    await summary.waitFor();
    assert.match(await summary.textContent(), /Formularen har 1 fejl/);
    assert.deepEqual(await summary.locator('a').allTextContents(), ['Vælg et niveau.']);
    assert.equal((await activeElementInfo(page)).cls, 'alert alert--error', 'focus goes to the error summary');
    const level = form.locator('select');
    assert.equal(await level.getAttribute('aria-invalid'), 'true');

    await level.selectOption('4');
    await form.getByLabel('Kan være mentor').check();
    await form.getByRole('button', { name: 'Tilføj kompetence' }).click();

    // The new skill is among the editable rows, and the add form is ready for the next.
    const row = page.locator('.skill-row', { has: page.locator('.skill-row__name', { hasText: skill }) });
    await row.waitFor();
    assert.equal(await row.locator('select').inputValue(), '4');
    assert.equal(await row.getByRole('checkbox', { name: /^Kan være mentor/ }).isChecked(), true);
    await waitFor(async () => (await activeElementInfo(page)).cls === 'input combo__input', { message: 'focus back in the skill field' });
    assert.equal(await page.locator('form.add-skill input.combo__input').inputValue(), '');

    await page.getByRole('button', { name: 'Færdig med at redigere' }).click();
    const viewRow = page.locator('.skills-table tbody tr', { has: page.locator('th', { hasText: skill }) });
    await viewRow.waitFor();
    assert.equal(await viewRow.locator('.level__text').textContent(), '4 · Specialist');
    assert.match(await viewRow.locator('.notes').textContent(), /Kan være mentor/);

    const saved = (await srv.api('person_show', { id: person.id })).skills.find((s) => s.name === skill);
    assert.equal(saved.level, 4);
    assert.equal(saved.can_mentor, true);

    // The search finds the person by the new skill at once.
    const expected = await cliSearch(srv.dataDir, skill.toLowerCase(), '--limit', '20');
    assert.equal(expected.results[0]?.id, person.id, 'the CLI finds the person by the new skill');
    await page.locator('#site-nav').getByRole('link', { name: 'Søg' }).click();
    await searchInput(page).waitFor();
    await searchInput(page).fill(skill.toLowerCase());
    const cards = await waitForCards(page, expected);
    assert.equal(cards[0].name, profile.name);
    assert.deepEqual(cards[0].evidence.map((e) => [e.tag, e.text]), [['Kompetence', `${skill} (niveau 4, specialist)`]]);
  });
});

test('change an existing skill\'s level and own "Spørg mig om" text', { timeout: TEST_TIMEOUT }, async () => {
  const expected = await cliSearch(srv.dataDir, 'mentalisering', '--limit', '20');
  const person = expected.results[expected.results.length - 1];
  const profile = await srv.api('person_show', { id: person.id });
  const skill = profile.skills[0];
  const newLevel = skill.level === 1 ? 2 : 1;
  const word = 'kvantehaveplanlægning';

  await withPage('#/person/' + person.id, async (page) => {
    await waitForProfile(page, profile);
    await page.getByRole('button', { name: 'Rediger' }).click();

    const row = page.locator('.skill-row', { has: page.locator('.skill-row__name', { hasText: skill.name }) }).first();
    await row.locator('select').selectOption(String(newLevel));
    await row.getByRole('button', { name: 'Gem ændring' }).click();
    await waitFor(async () => (await srv.api('person_show', { id: person.id })).skills.find((s) => s.name === skill.name)?.level === newLevel,
      { message: 'the new level saved' });

    const bio = page.getByLabel('Spørg mig om', { exact: true });
    await bio.fill(`Spørg mig om ${word} og alt det andet.`);
    await page.getByRole('button', { name: 'Gem oplysninger' }).click();
    await page.locator('.alert--ok', { hasText: 'Dine oplysninger er gemt' }).waitFor();

    await page.getByRole('button', { name: 'Færdig med at redigere' }).click();
    const viewRow = page.locator('.skills-table tbody tr', { has: page.locator('th', { hasText: skill.name }) }).first();
    await viewRow.waitFor();
    assert.equal(await viewRow.locator('.level__text').textContent(), `${newLevel} · ${LEVELS[newLevel]}`);
    assert.match(await page.locator('.bio').textContent(), new RegExp(word));
    assert.equal((await activeElementInfo(page)).text, 'Rediger', 'leaving edit mode puts focus on the edit button');
  });

  const found = JSON.parse(await cli(srv.dataDir, 'search', word, '--json'));
  assert.equal(found.results[0]?.id, person.id, 'the new text is searchable');
  assert.ok(found.results[0].evidence.some((e) => e.kind === 'bio' && e.text.includes(`<b>${word}</b>`)));
});

test('the edit form says which fields came from the HR system and which the person corrected', { timeout: TEST_TIMEOUT }, async () => {
  const person = (await srv.api('search', { query: 'sundhedspleje', limit: 5 })).results.at(-1);
  const profile = await srv.api('person_show', { id: person.id });
  assert.ok(!profile.own_fields.includes('title'), 'the demo title came from HR');
  await withPage('#/person/' + person.id, async (page) => {
    await waitForProfile(page, profile);
    await page.getByRole('button', { name: 'Rediger' }).click();
    const title = page.getByLabel('Stillingsbetegnelse');
    assert.equal(await hintOf(page, title), 'Fra HR-systemet. Retter du den, overskriver næste import ikke din rettelse.');
    await title.fill('Sundhedsplejerske med særligt ansvar');
    await page.getByRole('button', { name: 'Gem oplysninger' }).click();
    await page.locator('.alert--ok', { hasText: 'Dine oplysninger er gemt' }).waitFor();
    await waitFor(async () => (await hintOf(page, page.getByLabel('Stillingsbetegnelse'))) === 'Rettet af dig. En import fra HR-systemet overskriver den ikke.',
      { message: 'the title is now the person\'s own' });
    assert.equal(await hintOf(page, page.getByRole('textbox', { name: 'Telefon' })), 'Fra HR-systemet. Retter du den, overskriver næste import ikke din rettelse.');
    await checkA11y(page, 'profile form with sources');
  });
  assert.deepEqual((await srv.api('person_show', { id: person.id })).own_fields, ['title']);
});

/** The hint a field's aria-describedby names first. */
function hintOf(page, control) {
  return control.evaluate((el) => document.getElementById((el.getAttribute('aria-describedby') || '').split(' ')[0])?.textContent ?? null);
}
