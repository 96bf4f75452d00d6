// The search screen: results with evidence, English and typo help, filters,
// and the keyboard path through it. Expectations come from the CLI's JSON
// answer for the same directory, so nothing here hard-codes demo names.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, cliSearch, waitForCards,
  plainEvidence, markedWords, foundText, activeElementInfo, currentHash, TEST_TIMEOUT,
} from './helpers.mjs';

const PAGE = 20; // the UI asks for 20 people at a time

const { srv, withPage } = useServerAndBrowser();
const searchInput = (page) => page.locator('input.searchbar__input');

test('search "mentalisering" shows the people the core ranks first, with evidence', { timeout: TEST_TIMEOUT }, async () => {
  const expected = await cliSearch(srv.dataDir, 'mentalisering', '--limit', String(PAGE));
  assert.ok(expected.results.length >= 3, 'the demo has several people who know about mentalisering');
  const top = expected.results[0];

  await withPage('#/sog', async (page) => {
    await searchInput(page).fill('mentalisering');
    const cards = await waitForCards(page, expected);

    assert.equal(await page.locator('.results__count').first().textContent(), foundText(expected.total));
    assert.equal(await currentHash(page), '#/sog?q=mentalisering', 'the query is kept in the address');

    // The top card is the person the core ranks first, with up to three lines of evidence.
    assert.equal(cards[0].name, top.name);
    assert.equal(cards[0].unit, top.department);
    assert.equal(await page.locator('.card__link').first().getAttribute('href'), '#/person/' + top.id);
    const shown = top.evidence.slice(0, 3);
    assert.equal(cards[0].evidence.length, shown.length);
    assert.ok(cards[0].evidence.length >= 1, 'the top card says why the person is there');
    assert.ok(cards[0].evidence.some((e) => /mentalisering/i.test(e.text)), 'the evidence names what was searched for');

    // Every card's evidence is the core's, with the kind in Danish and the core's
    // marked words (<b>) shown as <mark>.
    const kindNames = { skill: 'Kompetence', course: 'Kursus', bio: 'Spørg mig om', role: 'Rolle', owner: 'Vidensansvarlig', initiative: 'Indsats/netværk' };
    expected.results.forEach((person, i) => {
      const want = person.evidence.slice(0, 3);
      assert.deepEqual(cards[i].evidence.map((e) => e.text), want.map((e) => plainEvidence(e.text)), `evidence of ${person.name}`);
      assert.deepEqual(cards[i].evidence.map((e) => e.kind), want.map((e) => e.kind));
      assert.deepEqual(cards[i].evidence.map((e) => e.tag), want.map((e) => kindNames[e.kind]));
      assert.deepEqual(cards[i].evidence.map((e) => e.marks), want.map((e) => markedWords(e.text)), `highlights of ${person.name}`);
    });

    // At least one card shows a highlighted word, and it is the searched word (inflected or compounded).
    const withMarks = cards.find((c) => c.evidence.some((e) => e.marks.length));
    assert.ok(withMarks, 'some evidence line highlights the matching words');
    const marks = withMarks.evidence.flatMap((e) => e.marks);
    assert.ok(marks.some((m) => /^mentalisering/i.test(m)), `highlighted words: ${marks.join(', ')}`);
    assert.equal(await page.locator('.card mark').first().evaluate((m) => getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)'), false,
      'a highlighted word is visibly marked');
  });
});

test('English and misspelt searches: "Søgte også efter" and "Mente du"', { timeout: TEST_TIMEOUT }, async () => {
  const english = await cliSearch(srv.dataDir, 'mentalization', '--limit', String(PAGE));
  const typo = await cliSearch(srv.dataDir, 'mentalisring', '--limit', String(PAGE));
  assert.ok(english.also_searched.includes('Mentalisering'), 'the core expands the English word');
  assert.equal(typo.did_you_mean, 'mentalisering');
  const corrected = await cliSearch(srv.dataDir, typo.did_you_mean, '--limit', String(PAGE));

  await withPage('#/sog', async (page) => {
    await searchInput(page).fill('mentalization');
    const cards = await waitForCards(page, english);
    assert.ok(cards.length > 0);
    const also = page.locator('.results__also');
    assert.equal((await also.textContent()).replace(/\s+/g, ' ').trim(), `Søgte også efter: ${english.also_searched.join(', ')}`);
    assert.deepEqual(await also.locator('.term').allTextContents(), english.also_searched);
    assert.equal(await page.locator('.results__dym').count(), 0, 'no correction for a known English word');

    await searchInput(page).fill('mentalisring');
    await waitForCards(page, typo);
    const dym = page.locator('.results__dym');
    await dym.waitFor();
    assert.equal((await dym.textContent()).trim(), 'Mente du mentalisering?');
    assert.equal(await page.locator('.results__also').count(), 0);

    // Following the suggestion searches for it and keeps focus in the field.
    await dym.getByRole('button', { name: 'mentalisering' }).click();
    await waitForCards(page, corrected);
    assert.equal(await searchInput(page).inputValue(), 'mentalisering');
    assert.equal(await currentHash(page), '#/sog?q=mentalisering');
    assert.equal(await page.locator('.results__dym').count(), 0, 'the corrected search needs no correction');
    assert.equal((await activeElementInfo(page)).cls, 'input searchbar__input');
  });
});

test('filtering by forvaltning narrows the cards and updates the count', { timeout: TEST_TIMEOUT }, async () => {
  const query = 'motiverende samtale';
  const all = await cliSearch(srv.dataDir, query, '--limit', String(PAGE));
  // A top-level unit (forvaltning) that holds some but not all of the people found.
  const facet = all.facets.departments
    .filter((d) => !d.value.includes(' / ') && d.count < all.total && d.count > 1)
    .sort((a, b) => b.count - a.count)[0];
  assert.ok(facet, `"${query}" finds people in several forvaltninger`);
  const filtered = await cliSearch(srv.dataDir, query, '--limit', String(PAGE), '--department', facet.value);
  assert.equal(filtered.total, facet.count, 'the facet count is what the filter gives');

  await withPage('#/sog', async (page) => {
    await searchInput(page).fill(query);
    await waitForCards(page, all);
    const select = page.getByLabel('Forvaltning/afdeling');
    const optionText = (await select.locator(`option[value="${facet.value}"]`).textContent()).trim();
    assert.equal(optionText, `${facet.value} (${facet.count})`, 'the option shows the count');

    await select.selectOption(facet.value);
    const cards = await waitForCards(page, filtered, 'filtered cards');
    assert.equal(await page.locator('.results__count').first().textContent(), foundText(facet.count));
    assert.ok(cards.length > 0);
    for (const card of cards) {
      assert.ok(card.unit === facet.value || card.unit.startsWith(facet.value + ' / '), `${card.name} is in ${card.unit}, not ${facet.value}`);
    }
    assert.equal(await currentHash(page), `#/sog?q=${query.replace(' ', '+')}&afd=${facet.value.replace(/ /g, '+')}`);
    assert.equal((await page.locator('.facets__active').textContent()).trim(), '(1 valgt)');
    assert.equal(await select.inputValue(), facet.value, 'the chosen forvaltning stays selected');

    // Resetting brings everyone back.
    await page.getByRole('button', { name: 'Nulstil filtre' }).click();
    await waitForCards(page, all, 'unfiltered cards');
    assert.equal(await page.getByLabel('Forvaltning/afdeling').inputValue(), '');
    assert.equal(await currentHash(page), `#/sog?q=${query.replace(' ', '+')}`);
  });
});

test('a filtered search can be linked: the address restores query and filter', { timeout: TEST_TIMEOUT }, async () => {
  const filtered = await cliSearch(srv.dataDir, 'mentalisering', '--limit', String(PAGE), '--department', 'Børn og Familie', '--min-level', '3');
  await withPage('#/sog?q=mentalisering&afd=B%C3%B8rn+og+Familie&niveau=3', async (page) => {
    const cards = await waitForCards(page, filtered);
    assert.ok(cards.every((c) => c.unit.startsWith('Børn og Familie')));
    assert.equal(await searchInput(page).inputValue(), 'mentalisering');
    assert.equal(await page.title(), 'Søg: mentalisering – Hvem ved?');
    assert.equal(await page.getByLabel('Forvaltning/afdeling').inputValue(), 'Børn og Familie');
    assert.equal(await page.getByRole('radio', { name: /^3 Erfaren eller højere/ }).isChecked(), true);
  });
});

test('keyboard: focus starts in the field, ↓ reaches the cards, Esc clears and returns', { timeout: TEST_TIMEOUT }, async () => {
  const expected = await cliSearch(srv.dataDir, 'mentalisering', '--limit', String(PAGE));

  await withPage('#/sog', async (page) => {
    const start = await activeElementInfo(page);
    assert.equal(start.tag, 'INPUT');
    assert.equal(start.type, 'search');
    assert.equal(await page.locator('.empty-state').isVisible(), true, 'the empty search shows examples');

    await page.keyboard.type('mentalisering');
    await waitForCards(page, expected);

    await page.keyboard.press('ArrowDown');
    assert.equal((await activeElementInfo(page)).dataId, expected.results[0].id, '↓ moves to the first card');
    await page.keyboard.press('ArrowDown');
    assert.equal((await activeElementInfo(page)).dataId, expected.results[1].id, '↓ again moves to the second card');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    assert.equal((await activeElementInfo(page)).cls, 'input searchbar__input', '↑ from the first card returns to the field');

    // Esc on a card clears the search and puts focus back in the field.
    await page.keyboard.press('ArrowDown');
    assert.equal((await activeElementInfo(page)).dataId, expected.results[0].id);
    await page.keyboard.press('Escape');
    await page.locator('.empty-state').waitFor({ state: 'visible' });
    assert.equal(await searchInput(page).inputValue(), '');
    assert.equal((await activeElementInfo(page)).cls, 'input searchbar__input');
    assert.equal(await currentHash(page), '#/sog');
    assert.equal(await page.locator('.cards .card').count(), 0);

    // Esc in the field clears it too.
    await page.keyboard.type('mentalisering');
    await waitForCards(page, expected);
    await page.keyboard.press('Escape');
    await page.locator('.empty-state').waitFor({ state: 'visible' });
    assert.equal(await searchInput(page).inputValue(), '');
    assert.equal((await activeElementInfo(page)).cls, 'input searchbar__input');
  });
});

test('an example chip on the empty screen runs that search', { timeout: TEST_TIMEOUT }, async () => {
  const expected = await cliSearch(srv.dataDir, 'aftercare', '--limit', String(PAGE));
  await withPage('#/sog', async (page) => {
    await page.locator('.examples').getByRole('button', { name: 'aftercare' }).click();
    await waitForCards(page, expected);
    assert.equal(await searchInput(page).inputValue(), 'aftercare');
    assert.ok(expected.also_searched.length > 0);
    assert.deepEqual(await page.locator('.results__also .term').allTextContents(), expected.also_searched);
  });
});

test('a search nobody matches says so', { timeout: TEST_TIMEOUT }, async () => {
  const nonsense = 'xqzvwyk';
  const expected = await cliSearch(srv.dataDir, nonsense);
  assert.equal(expected.total, 0);
  await withPage('#/sog', async (page) => {
    await searchInput(page).fill(nonsense);
    await page.locator('.none-found').waitFor();
    assert.equal(await page.locator('.results__count').first().textContent(), 'Ingen fundet');
    assert.equal(await page.locator('.cards .card').count(), 0);
  });
});
