// Indsatser og netværk: the demo's map with filters, the similar-initiative
// warning while a new one is written (and the second confirmation before a
// look-alike is saved), the new initiative as evidence in search, and the
// person page listing a member's initiatives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitFor, waitForResults, checkA11y, pickPerson, screenshot, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('the demo initiatives are listed and filtered by words, kind and unit', { timeout: TEST_TIMEOUT }, async () => {
  const all = await srv.api('initiative_list', {});
  assert.ok(all.length >= 12);
  await withPage('#/initiativer', async (page) => {
    const list = page.getByRole('region', { name: 'Alle indsatser og netværk' });
    const cards = list.locator('.initiative-card');
    await waitFor(async () => (await cards.count()) === all.length, { message: 'every initiative' });
    await checkA11y(page, 'initiatives');
    await screenshot(page, 'browser-initiatives.png');

    await list.getByLabel('Type').selectOption('netvaerk');
    const networks = all.filter((i) => i.kind === 'netvaerk');
    await waitFor(async () => (await cards.count()) === networks.length, { message: 'networks only' });

    await list.getByLabel('Type').selectOption('');
    await list.getByLabel('Enhed').fill('børn og familie / ssp og forebyggelse');
    await waitFor(async () => {
      const text = await list.textContent();
      return text.includes('SSP-samarbejdet') && !text.includes('Hverdagsrehabilitering');
    }, { message: 'the SSP unit\'s initiatives' });

    await list.getByLabel('Enhed').fill('');
    await list.getByLabel('Ord i navn, formål eller målgruppe').fill('mentalisering');
    await waitFor(async () => (await cards.count()) === 1, { message: 'one match' });
    assert.match(await cards.first().textContent(), /Mentaliseringsnetværket/);
    assert.match(await cards.first().textContent(), /Tovholder: /);
  });
});

test('writing a look-alike shows the existing ones, and saving it needs a second yes', { timeout: TEST_TIMEOUT }, async () => {
  const member = (await srv.api('search', { query: 'hash', limit: 5 })).results[3];
  await withPage('#/initiativer', async (page) => {
    const form = page.getByRole('form', { name: 'Opret en indsats eller et netværk' });
    await form.getByLabel('Type').selectOption('projekt');
    await form.getByLabel('Navn').fill('Forebyggelse af hash blandt unge');
    await form.getByLabel('Formål').fill('Vi vil forebygge, at unge begynder at ryge cannabis, med en hashquiz i klassen');
    const warning = form.getByRole('heading', { name: 'Findes der allerede en lignende indsats?' });
    await warning.waitFor();
    const similar = form.locator('.similar-list');
    assert.match(await similar.textContent(), /Hashfri udskoling/);
    assert.match(await similar.textContent(), /Fælles: .*hash/);
    await checkA11y(page, 'initiative form with similar ones');

    await form.getByLabel('Enheder').fill('Børn og Familie / SSP og Forebyggelse');
    await pickPerson(page, form.getByRole('combobox', { name: 'Tilføj deltager' }), member);
    assert.equal(await form.getByLabel(`Rolle for ${member.name}`).inputValue(), 'tovholder');

    await form.getByRole('button', { name: 'Gem', exact: true }).click();
    await form.getByText('Vil du gemme alligevel?', { exact: false }).waitFor();
    assert.ok(!(await srv.api('initiative_list', { text: 'blandt unge' })).length, 'nothing saved yet');

    await form.getByRole('button', { name: 'Gem alligevel' }).click();
    await form.getByText('"Forebyggelse af hash blandt unge" er gemt.').waitFor();
    const list = page.getByRole('region', { name: 'Alle indsatser og netværk' });
    await waitFor(async () => (await list.textContent()).includes('Forebyggelse af hash blandt unge'),
      { message: 'the new initiative in the list' });
  });
  const saved = (await srv.api('initiative_list', { text: 'blandt unge' }))[0];
  assert.equal(saved.members[0].id, member.id);
  assert.equal(saved.members[0].role, 'tovholder');
  assert.deepEqual(saved.units, ['Børn og Familie / SSP og Forebyggelse']);

  // The member is found by it, with the initiative as the reason.
  await withPage('#/sog?q=hashquiz', async (page) => {
    await waitForResults(page);
    const card = page.locator('.person-card').first();
    assert.equal(await card.locator('.card__link').textContent(), member.name);
    assert.match(await card.locator('.evidence').textContent(), /Forebyggelse af hash blandt unge \(projekt, tovholder\)/);
  });
  await withPage('#/person/' + encodeURIComponent(member.id), async (page) => {
    const section = page.getByRole('region', { name: 'Indsatser og netværk' });
    await section.getByRole('link', { name: 'Forebyggelse af hash blandt unge' }).waitFor();
    await checkA11y(page, 'person with initiatives');
  });
});

test('an initiative without a name is refused at the field, and errors from the core are shown', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/initiativer', async (page) => {
    const form = page.getByRole('form', { name: 'Opret en indsats eller et netværk' });
    await form.getByRole('button', { name: 'Gem', exact: true }).click();
    await form.getByText('Skriv et navn.').waitFor();
    assert.equal(await form.getByLabel('Navn').getAttribute('aria-invalid'), 'true');

    await form.getByLabel('Navn').fill('Vinterbadning for ansatte');
    await form.getByLabel('Enheder').fill('Findes ikke');
    await form.getByRole('button', { name: 'Gem', exact: true }).click();
    const error = form.getByRole('alert').or(form.locator('.alert--error'));
    await error.first().waitFor();
    assert.match(await error.first().textContent(), /no unit "Findes ikke"/);
  });
  assert.ok(!(await srv.api('initiative_list', { text: 'vinterbadning' })).length);
});

test('the initiatives screen works in English', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/initiativer', async (page) => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Initiatives and networks' }).waitFor();
    await page.getByRole('region', { name: 'All initiatives and networks' }).locator('.initiative-card').first().waitFor();
    await checkA11y(page, 'initiatives in English');
    await page.getByRole('button', { name: 'Dansk' }).click();
  });
});
