// Knowledge owners (vidensansvarlige): HR names an owner with a deputy on the
// Begreber screen, and a search for the area then lists the owner first,
// marked as such.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitFor, waitForResults, checkA11y, pickPerson, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('the demo owners are listed, and a search for an owned area shows its owner first', { timeout: TEST_TIMEOUT }, async () => {
  const owners = await srv.api('owner_list', {});
  const mentalisering = owners.find((o) => o.area === 'mentalisering');
  assert.ok(mentalisering, 'the demo names an owner for mentalisering');
  await withPage('#/begreber', async (page) => {
    const table = page.getByRole('region', { name: 'Vidensansvarlige' }).getByRole('table');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), owners.length);
    assert.match(await table.textContent(), new RegExp(mentalisering.owner.name));
    await checkA11y(page, 'thesaurus with knowledge owners');
  });
  await withPage('#/sog?q=mentalisering', async (page) => {
    await waitForResults(page);
    const first = page.locator('.person-card').first();
    assert.equal(await first.locator('.card__link').textContent(), mentalisering.owner.name);
    assert.equal(await first.locator('.tag--owner').textContent(), 'Vidensansvarlig');
    assert.match(await first.locator('.evidence').textContent(), /Vidensansvarlig for Mentalisering/);
    await checkA11y(page, 'search with a knowledge owner first');
  });
});

test('HR names an owner with a deputy, and search puts the owner first', { timeout: TEST_TIMEOUT }, async () => {
  const found = await srv.api('search', { query: 'SSP', limit: 10 });
  assert.ok(found.results.length >= 3);
  // Someone who is not first today becomes the owner.
  const ownerHit = found.results[2];
  const deputyHit = found.results[1];
  await withPage('#/begreber', async (page) => {
    const section = page.getByRole('region', { name: 'Vidensansvarlige' });
    await section.getByLabel('Vidensområde', { exact: false }).fill('ssp');
    await pickPerson(page, page.getByRole('combobox', { name: 'Vidensansvarlig' }), ownerHit);
    await pickPerson(page, page.getByRole('combobox', { name: 'Stedfortræder' }), deputyHit);
    await section.getByRole('button', { name: 'Udpeg' }).click();
    await section.getByText(`${ownerHit.name} er nu vidensansvarlig for SSP-samarbejde`).waitFor();
    await waitFor(async () => (await section.locator('tbody').textContent()).includes(deputyHit.name),
      { message: 'the deputy is listed' });
  });
  const after = await srv.api('search', { query: 'SSP', limit: 10 });
  assert.equal(after.results[0].id, ownerHit.id);
  assert.equal(after.results[0].knowledge_owner, 'SSP-samarbejde');
  const listed = await srv.api('owner_list', { area: 'ssp' });
  assert.equal(listed[0].deputy.id, deputyHit.id);
});

test('an unknown area is refused with the reason, and nothing is named', { timeout: TEST_TIMEOUT }, async () => {
  const before = await srv.api('owner_list', {});
  const someone = (await srv.api('people_suggest', { prefix: 'a', limit: 1 }))[0];
  await withPage('#/begreber', async (page) => {
    const section = page.getByRole('region', { name: 'Vidensansvarlige' });
    await section.getByLabel('Vidensområde', { exact: false }).fill('ukendt-omraade');
    await pickPerson(page, page.getByRole('combobox', { name: 'Vidensansvarlig' }), someone);
    await section.getByRole('button', { name: 'Udpeg' }).click();
    const error = section.locator('.alert--error');
    await error.waitFor();
    assert.match(await error.textContent(), /not a thesaurus concept id or category id/);
  });
  assert.deepEqual(await srv.api('owner_list', {}), before);
});
