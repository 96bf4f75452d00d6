// The thesaurus screen: HR looks up a term, adds a concept with an English
// label, and search finds Danish knowledge by that label at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitFor, checkA11y, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('looking up an English term shows its Danish concept', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/begreber', async (page) => {
    await page.getByLabel('Slå et ord op').fill('aftercare');
    await page.getByRole('button', { name: 'Slå op' }).click();
    const card = page.locator('.cards .card').first();
    await card.waitFor();
    assert.equal(await card.locator('h3').textContent(), 'Efterværn');
    assert.match(await card.textContent(), /aftercare/);
    await checkA11y(page, 'thesaurus with a looked-up concept');
  });
});

test('a concept added by HR is used by search without a reindex', { timeout: TEST_TIMEOUT }, async () => {
  const before = await srv.api('search', { query: 'reading buddies', limit: 5 });
  assert.equal(before.also_searched.includes('Læsevenner'), false);
  await withPage('#/begreber', async (page) => {
    await page.getByLabel('Id', { exact: false }).first().fill('laesevenner');
    await page.getByRole('form', { name: 'Tilføj eller rediger et begreb' }).getByLabel('Område').selectOption('uddannelse');
    await page.getByLabel('Foretrukken dansk betegnelse').fill('Læsevenner');
    await page.getByLabel('Engelske betegnelser').fill('reading buddies');
    await page.getByRole('button', { name: 'Gem' }).click();
    const done = page.locator('.alert--ok');
    await done.waitFor();
    assert.match(await done.textContent(), /Læsevenner/);
    await checkA11y(page, 'thesaurus after saving');
  });
  const after = await waitFor(async () => {
    const found = await srv.api('search', { query: 'reading buddies', limit: 5 });
    return found.also_searched.includes('Læsevenner') ? found : null;
  }, { message: 'search expands with the new concept' });
  assert.ok(after.also_searched.includes('Læsevenner'));
});

test('a concept without an English label is refused with the field marked', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/begreber', async (page) => {
    await page.getByLabel('Id', { exact: false }).first().fill('uden-engelsk');
    await page.getByLabel('Foretrukken dansk betegnelse').fill('Noget nyt');
    await page.getByRole('button', { name: 'Gem' }).click();
    const english = page.getByLabel('Engelske betegnelser');
    await waitFor(async () => (await english.getAttribute('aria-invalid')) === 'true', { message: 'the field is marked' });
    await checkA11y(page, 'thesaurus form with an error');
  });
});
