// Course and conference reports: the list, and writing a report whose
// attendee is then found by a word only the report's summary contains.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServerAndBrowser, cliSearch, cliStats, waitFor, waitForCards,
  activeElementInfo, currentHash, pickPerson, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('the course list shows the reports, newest first, and filters by words', { timeout: TEST_TIMEOUT }, async () => {
  const all = await srv.api('course_list', { query: '', limit: 31 });
  const some = await srv.api('course_list', { query: 'mentalisering', limit: 31 });
  assert.ok(some.length > 0 && some.length < all.length);

  await withPage('#/kurser', async (page) => {
    await page.locator('.course-card').first().waitFor();
    assert.equal(await page.locator('h1').textContent(), 'Kurser og konferencer');
    assert.equal(await page.locator('.results__count').textContent(), '30 rapporter+');
    assert.deepEqual(await page.locator('.course-card > h2').allTextContents(), all.slice(0, 30).map((c) => c.title));
    assert.equal(await page.getByRole('button', { name: 'Vis 30 flere' }).count(), 1);

    await page.getByRole('searchbox', { name: 'Søg i kursusrapporter' }).fill('mentalisering');
    await waitFor(async () => (await page.locator('.results__count').textContent()) === `${some.length} rapport${some.length === 1 ? '' : 'er'}`,
      { message: 'the filtered count' });
    assert.deepEqual(await page.locator('.course-card > h2').allTextContents(), some.map((c) => c.title));
    assert.equal(await currentHash(page), '#/kurser?q=mentalisering');
  });
});

test('write a course report with an attendee, then find the attendee by a word from the summary', { timeout: TEST_TIMEOUT }, async () => {
  const word = 'blæksprutteteknik';
  assert.equal((await cliSearch(srv.dataDir, word)).total, 0, 'the made-up word is nowhere yet');
  const statsBefore = await cliStats(srv.dataDir);
  // Two colleagues from a search, so no demo name is written into the test.
  const people = (await cliSearch(srv.dataDir, 'arabisk', '--limit', '20')).results;
  const [author, other] = [people[0], people[people.length - 1]];
  assert.notEqual(author.id, other.id);
  const title = 'Netværksdag om tværfagligt samarbejde (browsertest)';

  await withPage('#/kurser', async (page) => {
    await page.getByRole('link', { name: 'Skriv kursusrapport' }).click();
    await page.locator('h1', { hasText: 'Skriv kursusrapport' }).waitFor();
    assert.equal(await currentHash(page), '#/kurser/ny');

    // An empty form lists every missing field and puts focus on the list.
    await page.getByRole('button', { name: 'Gem rapport' }).click();
    const summaryBox = page.locator('.form-status .alert--error');
    await summaryBox.waitFor();
    assert.match(await summaryBox.textContent(), /Formularen har 3 fejl/);
    assert.deepEqual(await summaryBox.locator('a').allTextContents(),
      ['Skriv kursets titel.', 'Skriv datoen som dag, måned og år.', 'Vælg mindst én deltager.']);
    assert.equal((await activeElementInfo(page)).cls, 'alert alert--error');
    // A link in the list moves focus to its field.
    await summaryBox.getByRole('link', { name: 'Skriv kursets titel.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.closest('.field').querySelector('label').textContent), 'Titel (skal udfyldes)');

    await page.getByLabel(/^Titel/).fill(title);
    await page.getByLabel('Type').selectOption('konference');
    await page.getByLabel(/^Dato/).fill('2025-03-14');
    await page.getByLabel(/^Udbyder/).fill('Socialstyrelsen');

    const combo = page.getByRole('combobox', { name: 'Tilføj deltager' });
    await pickPerson(page, combo, author);
    const chips = page.locator('.chips--people .chip__name');
    await waitFor(async () => (await chips.allTextContents()).join() === author.name, { message: 'the first attendee chip' });
    assert.equal(await combo.inputValue(), '', 'the field is ready for the next name');
    assert.equal((await activeElementInfo(page)).cls, 'input combo__input');

    // A second attendee picked with the mouse; only the first is marked as author.
    await combo.pressSequentially(other.name.split(' ')[0] + ' ' + other.name.split(' ')[1].slice(0, 2), { delay: 20 });
    await page.getByRole('option', { name: new RegExp('^' + other.name) }).click();
    await waitFor(async () => (await chips.allTextContents()).join() === [author.name, other.name].join(), { message: 'two attendee chips' });
    assert.equal(await page.getByRole('checkbox', { name: `Skrev rapporten (${author.name})` }).isChecked(), true);
    assert.equal(await page.getByRole('checkbox', { name: `Skrev rapporten (${other.name})` }).isChecked(), false);
    // …and removed again with its × button.
    await page.getByRole('button', { name: `Fjern ${other.name}` }).click();
    await waitFor(async () => (await chips.allTextContents()).join() === author.name, { message: 'one attendee chip' });

    await page.getByLabel('Det lærte vi').fill(`Vi lærte ${word}: at have mange arme ude i netværket på én gang, uden at miste overblikket.`);
    await page.getByLabel('Pointer til kolleger').fill('- Start med et netværkskort\n- Aftal, hvem der ringer til hvem');

    await page.getByRole('button', { name: 'Gem rapport' }).click();
    const saved = page.locator('.confirmation h2', { hasText: 'Rapporten er gemt' });
    await saved.waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Rapporten er gemt', 'focus moves to the confirmation');

    // Stored as written.
    const stored = await srv.api('course_list', { query: word, limit: 5 });
    assert.equal(stored.length, 1);
    assert.equal(stored[0].title, title);
    assert.equal(stored[0].kind, 'konference');
    assert.equal(stored[0].date, '2025-03-14');
    assert.deepEqual(stored[0].attendees.map((a) => a.id), [author.id]);
    assert.equal(stored[0].attendees[0].role, 'rapportforfatter');
    assert.equal((await cliStats(srv.dataDir)).courses, statsBefore.courses + 1);

    // The attendee is found by the word from the summary, with the course as evidence.
    const expected = await cliSearch(srv.dataDir, word, '--limit', '20');
    assert.deepEqual(expected.results.map((r) => r.id), [author.id], 'the CLI finds the attendee');
    await page.locator('#site-nav').getByRole('link', { name: 'Søg' }).click();
    const input = page.locator('input.searchbar__input');
    await input.waitFor();
    await input.fill(word);
    const cards = await waitForCards(page, expected);
    assert.equal(cards[0].name, author.name);
    assert.ok(cards[0].evidence.some((e) => e.tag === 'Kursus' && e.text === `${title} (2025-03-14)`),
      `the course is the evidence: ${JSON.stringify(cards[0].evidence)}`);

    // The course list finds the report by the word, too, with the attendee linked.
    await page.goto(srv.url + '#/kurser?q=' + encodeURIComponent(word));
    const card = page.locator('.course-card', { hasText: title });
    await card.waitFor();
    assert.equal(await page.locator('.course-card').count(), 1);
    assert.equal(await card.locator('.tag--course').textContent(), 'Konference');
    assert.deepEqual(await card.locator('.takeaways li').allTextContents(), ['Start med et netværkskort', 'Aftal, hvem der ringer til hvem']);
    assert.equal(await card.getByRole('link', { name: author.name }).getAttribute('href'), '#/person/' + author.id);
  });
});

test('a name typed but not picked from the list is not saved as an attendee', { timeout: TEST_TIMEOUT }, async () => {
  const statsBefore = await cliStats(srv.dataDir);
  await withPage('#/kurser/ny', async (page) => {
    await page.getByLabel(/^Titel/).fill('Kursus uden deltagere');
    await page.getByLabel(/^Dato/).fill('2025-01-20');
    const combo = page.getByRole('combobox', { name: 'Tilføj deltager' });
    await combo.fill('Ingen Kendt Person');
    await page.getByRole('button', { name: 'Gem rapport' }).click();
    const summaryBox = page.locator('.form-status .alert--error');
    await summaryBox.waitFor();
    assert.deepEqual(await summaryBox.locator('a').allTextContents(), ['Vælg kollegaen på listen, så vi ved, hvem det er.']);
    assert.equal(await combo.getAttribute('aria-invalid'), 'true');
  });
  assert.equal((await cliStats(srv.dataDir)).courses, statsBefore.courses, 'nothing was saved');
});

test('a report keeps its text and counts an erased attendee as a former employee', { timeout: TEST_TIMEOUT }, async () => {
  const all = await srv.api('course_list', { query: '', limit: 500 });
  const unique = (c) => all.filter((o) => o.title === c.title).length === 1;
  const course = all.slice().reverse().find((c) => c.attendees.length >= 2 && unique(c));
  assert.ok(course, 'the demo has a course with two attendees');
  const erased = course.attendees[course.attendees.length - 1];
  await srv.api('person_erase', { id: erased.id });

  const word = course.title.split(/\s+/).sort((a, b) => b.length - a.length)[0];
  await withPage('#/kurser?q=' + encodeURIComponent(word), async (page) => {
    const card = page.locator('#course-' + course.id);
    await card.waitFor();
    const attendees = await card.locator('.attendees li').allTextContents();
    assert.ok(attendees.includes('1 tidligere medarbejder'), JSON.stringify(attendees));
    assert.ok(!attendees.some((a) => a.includes(erased.name)), `${erased.name} is not named`);
    assert.equal(attendees.length, course.attendees.length, 'the others stay, the erased one is counted');
  });
});
