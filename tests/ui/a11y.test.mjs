// axe-core on every screen and state (no serious or critical violations), in
// Danish and once in English, plus the screenshots for docs/screenshots.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import {
  useServerAndBrowser, cliSearch, checkA11y, screenshot,
  waitFor, waitForCards, activeElementInfo, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage, tempPath } = useServerAndBrowser({ tempDirPrefix: 'hvemved-ui-a11y-' });
const checked = [];
after(() => {
  console.log(`axe checked ${checked.length} screens: ${checked.map((c) => c.label).join('; ')}`);
});

async function axe(page, label) {
  const summary = await checkA11y(page, label);
  checked.push(summary);
  assert.equal(summary.serious, 0);
}

test('axe: search, empty and with results and filters', { timeout: TEST_TIMEOUT }, async () => {
  const all = await cliSearch(srv.dataDir, 'motiverende samtale', '--limit', '20');
  const filtered = await cliSearch(srv.dataDir, 'motiverende samtale', '--limit', '20', '--department', 'Jobcenter', '--min-level', '3');
  await withPage('#/sog', async (page) => {
    await page.locator('.empty-state').waitFor();
    await axe(page, 'search, empty');

    await page.locator('input.searchbar__input').fill('motiverende samtale');
    await waitForCards(page, all);
    await axe(page, 'search, results');

    await page.getByLabel('Forvaltning/afdeling').selectOption('Jobcenter');
    await page.getByRole('radio', { name: /^3 Erfaren eller højere/ }).check();
    await waitForCards(page, filtered);
    assert.equal((await page.locator('.facets__active').textContent()).trim(), '(2 valgt)');
    await axe(page, 'search, results with filters');
    await page.locator('input.searchbar__input').focus();
    await screenshot(page, 'browser-search-results.png');
  });
});

test('axe: search with "Mente du" and with no one found', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/sog?q=mentalisring', async (page) => {
    await page.locator('.results__dym').waitFor();
    await axe(page, 'search, did you mean');
  });
  await withPage('#/sog?q=xqzvwyk', async (page) => {
    await page.locator('.none-found').waitFor();
    await axe(page, 'search, no one found');
  });
});

test('axe: person, view and edit mode', { timeout: TEST_TIMEOUT }, async () => {
  const top = (await cliSearch(srv.dataDir, 'mentalisering')).results[0];
  await withPage('#/person/' + top.id, async (page) => {
    await page.locator('h1.person__name').waitFor();
    await page.locator('.skills-table').waitFor();
    await axe(page, 'person');
    await screenshot(page, 'browser-person.png');

    await page.getByRole('button', { name: 'Rediger' }).click();
    await page.locator('form.add-skill').waitFor();
    await axe(page, 'person, edit mode');

    // The skill combobox open with suggestions, and the add form with its errors.
    const combo = page.locator('form.add-skill').getByRole('combobox', { name: /^Kompetence/ });
    await combo.click();
    await combo.pressSequentially('ment', { delay: 20 });
    await page.locator('form.add-skill [role="listbox"]:not([hidden]) [role="option"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await axe(page, 'person, edit mode, skill suggestions open');
    await page.keyboard.press('Escape');
    await page.locator('form.add-skill').getByRole('button', { name: 'Tilføj kompetence' }).click();
    await page.locator('form.add-skill .alert--error').waitFor();
    await axe(page, 'person, edit mode, form errors');
  });
});

test('axe: courses list and course form', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/kurser', async (page) => {
    await page.locator('.course-card').first().waitFor();
    await axe(page, 'courses list');

    await page.getByRole('link', { name: 'Skriv kursusrapport' }).click();
    await page.locator('h1', { hasText: 'Skriv kursusrapport' }).waitFor();
    await axe(page, 'course form');

    const person = (await cliSearch(srv.dataDir, 'arabisk')).results[0];
    await page.getByLabel(/^Titel/).fill('Temadag om netværksmøder');
    await page.getByLabel('Type').selectOption('temadag');
    await page.getByLabel(/^Dato/).fill('2025-05-06');
    const combo = page.getByRole('combobox', { name: 'Tilføj deltager' });
    await combo.click();
    await combo.pressSequentially(person.name.split(' ')[0], { delay: 20 });
    await page.getByRole('option', { name: new RegExp('^' + person.name) }).click();
    await page.locator('.chips--people .chip__name', { hasText: person.name }).waitFor();
    await page.getByLabel('Det lærte vi').fill('Netværksmøder virker bedst, når familien selv inviterer.');
    await axe(page, 'course form, filled in');
    // Show the attendee chip and the report fields, with the dates above them.
    await page.evaluate(() => {
      const legend = [...document.querySelectorAll('legend')].find((l) => l.textContent === 'Hvem var afsted?');
      window.scrollTo(0, legend.getBoundingClientRect().top + window.scrollY - 300);
    });
    await screenshot(page, 'browser-course-form.png');

    await page.getByLabel(/^Titel/).fill('');
    await page.getByRole('button', { name: 'Gem rapport' }).click();
    await page.locator('.form-status .alert--error').waitFor();
    await axe(page, 'course form, errors');
  });
});

test('axe: import/export, and import with errors', { timeout: TEST_TIMEOUT }, async () => {
  const file = tempPath('fejl.json');
  await writeFile(file, JSON.stringify({
    format: 'hvemved-bundle',
    version: 1,
    people: [{ id: 'p-x', name: 'Niveau Ni', skills: [{ name: 'Mentalisering', level: 9 }] }],
    courses: [{ id: 'c-x', title: 'Ukendt deltager', attendees: ['p-findes-ikke'] }],
  }));
  await withPage('#/import', async (page) => {
    await page.locator('h1', { hasText: 'Import og eksport' }).waitFor();
    await page.locator('#demo-h').waitFor();
    await axe(page, 'import/export');

    await page.getByLabel('Fil med medarbejderkatalog').setInputFiles(file);
    await page.locator('.table--errors').waitFor();
    await axe(page, 'import with errors');
    await screenshot(page, 'browser-import-errors.png');

    // The "clear demo data" confirmation dialog, cancelled.
    await page.getByRole('button', { name: 'Ryd demodata' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ryd demodata?' });
    await dialog.waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Annullér', 'the safe choice has focus');
    await axe(page, 'import/export, clear-demo dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal((await activeElementInfo(page)).text, 'Ryd demodata');
  });
});

test('axe in English: the language switch, search results and a person', { timeout: TEST_TIMEOUT }, async () => {
  const expected = await cliSearch(srv.dataDir, 'mentalization', '--limit', '20');
  await withPage('#/sog', async (page) => {
    const switcher = page.locator('#lang-switch');
    assert.equal(await switcher.textContent(), 'English');
    assert.equal(await switcher.getAttribute('lang'), 'en');
    await switcher.click();
    await page.locator('h1', { hasText: 'Who knows about …?' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal(await switcher.textContent(), 'Dansk');
    assert.equal(await switcher.getAttribute('lang'), 'da');
    assert.equal((await activeElementInfo(page)).id, 'lang-switch', 'focus stays on the switch');
    assert.deepEqual(await page.locator('#site-nav a').allTextContents(), ['Search', 'Courses and conferences', 'Sharing', 'Competence map', 'Initiatives and networks', 'Import/export', 'Terms', 'Personal data']);
    await axe(page, 'English: search, empty');

    await page.locator('input.searchbar__input').fill('mentalization');
    await waitFor(async () => (await page.locator('.results__count').first().textContent()) === `${expected.total} people found`,
      { message: 'the English count' });
    assert.deepEqual(await page.locator('.card__link').allTextContents(), expected.results.map((r) => r.name));
    assert.match(await page.locator('.results__also').textContent(), /^Also searched for:\s*Mentalisering/);
    await axe(page, 'English: search results');
    await screenshot(page, 'browser-search-english.png');

    await page.locator('.card__link').first().click();
    await page.locator('h1.person__name').waitFor();
    assert.equal(await page.locator('#contact-h').textContent(), 'Contact');
    assert.match(await page.locator('.skills-table .level__text').first().textContent(), /^\d · (Aware of|Can apply|Experienced|Specialist|Expert)$/);
    await axe(page, 'English: person');

    // The choice is remembered on reload, and switching back restores Danish.
    await page.reload();
    await page.locator('#contact-h', { hasText: 'Contact' }).waitFor();
    await page.locator('#lang-switch').click();
    await page.locator('#contact-h', { hasText: 'Kontakt' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
  });
});

test('the axe check itself fails on a serious violation and says where', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/sog', async (page) => {
    await page.locator('.empty-state').waitFor();
    // An unlabelled field and a button without a name, added for this check only.
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.id = 'axe-selftest';
      box.innerHTML = '<input type="text"><button type="button"></button>';
      document.querySelector('main').append(box);
    });
    await assert.rejects(checkA11y(page, 'self-test'), (err) => {
      assert.match(err.message, /serious\/critical violation\(s\) on "self-test"/);
      assert.match(err.message, /• (label|button-name) \[critical\]/);
      assert.match(err.message, /#axe-selftest/);
      return true;
    });
  });
});
