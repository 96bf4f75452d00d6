// The share-back screen (Videndeling): sessions coming up, one's own
// share-backs to plan and record, the overdue ones per forvaltning, and the
// policy — each change checked against the core through the API.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitFor, checkA11y, pickPerson, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('the screen shows upcoming sessions and the overdue ones per forvaltning', { timeout: TEST_TIMEOUT }, async () => {
  const upcoming = await srv.api('shareback_list', { upcoming: true });
  const overdue = await srv.api('shareback_list', { overdue: true });
  assert.ok(upcoming.items.length > 0 && overdue.items.length > 0, 'the demo has both');
  await withPage('#/videndeling', async (page) => {
    await page.getByRole('heading', { level: 1, name: 'Videndeling efter kurser' }).waitFor();
    assert.match(await page.locator('.lead').textContent(), /inden for 30 dage/);
    const first = upcoming.items[0];
    const upcomingSection = page.getByRole('region', { name: 'Kommende videndelinger' });
    await upcomingSection.getByText(first.person_name).first().waitFor();
    assert.equal(await upcomingSection.locator('.shareback-item').count(), upcoming.items.length);
    const table = page.getByRole('table');
    await table.waitFor();
    assert.match(await table.locator('caption').textContent(), new RegExp(`^${overdue.items.length} overskredne`));
    const counted = (await table.locator('tbody td').allTextContents()).reduce((sum, n) => sum + Number(n), 0);
    assert.equal(counted, overdue.items.length, 'the per-forvaltning counts add up');
    await checkA11y(page, 'share-back screen');
  });
});

test('an employee plans a share-back and then records it as held', { timeout: TEST_TIMEOUT }, async () => {
  const pending = await srv.api('shareback_list', { pending: true });
  const item = pending.items.find((i) => i.state === 'afventer');
  const person = { id: item.person_id, name: item.person_name };
  await withPage('#/videndeling', async (page) => {
    await pickPerson(page, page.getByRole('combobox', { name: 'Hvem er du?' }), person);
    const mine = page.getByRole('region', { name: 'Mine videndelinger' });
    const form = mine.getByRole('form', { name: `Videndeling af ${item.course_title}` }).first();
    await form.waitFor();
    await checkA11y(page, 'share-back screen, my share-backs');
    await form.getByLabel('Hvad vil du registrere?').selectOption('planlagt');
    await form.getByLabel('Dato').fill('2099-03-02');
    await form.getByLabel('Hvor').fill('teammøde torsdag');
    await form.getByRole('button', { name: 'Gem' }).click();
    await waitFor(async () => (await mine.textContent()).includes('Planlagt 2. marts 2099 på teammøde torsdag'),
      { message: 'the planned session is shown' });
    const planned = await srv.api('shareback_list', { person: person.id, upcoming: true });
    assert.ok(planned.items.some((i) => i.course_id === item.course_id && i.forum === 'teammøde torsdag'));
    // It is now among the sessions colleagues can join.
    const upcomingSection = page.getByRole('region', { name: 'Kommende videndelinger' });
    await waitFor(async () => (await upcomingSection.textContent()).includes('teammøde torsdag'),
      { message: 'the session is listed as upcoming' });

    const again = mine.getByRole('form', { name: `Videndeling af ${item.course_title}` }).first();
    assert.equal(await again.getByLabel('Hvad vil du registrere?').inputValue(), 'delt', 'a planned one is recorded as held next');
    await again.getByLabel('Dato').fill('2026-11-20');
    await again.getByLabel('Kort note om, hvad du delte').fill('Gennemgik metoden med en case.');
    await again.getByRole('button', { name: 'Gem' }).click();
    await waitFor(async () => (await mine.textContent()).includes('Delt 20. november 2026'), { message: 'shown as held' });
  });
  const shared = await srv.api('shareback_list', { person: person.id });
  const done = shared.items.find((i) => i.course_id === item.course_id);
  assert.equal(done.state, 'delt');
  assert.equal(done.note, 'Gennemgik metoden med en case.');
});

test('a share-back without a date is refused with the reason and nothing changes', { timeout: TEST_TIMEOUT }, async () => {
  const pending = await srv.api('shareback_list', { pending: true });
  const item = pending.items.filter((i) => i.state === 'afventer').at(-1);
  await withPage('#/videndeling', async (page) => {
    await pickPerson(page, page.getByRole('combobox', { name: 'Hvem er du?' }), { id: item.person_id, name: item.person_name });
    const form = page.getByRole('form', { name: `Videndeling af ${item.course_title}` }).first();
    await form.waitFor();
    await form.getByLabel('Hvor').fill('personalemøde');
    await form.getByRole('button', { name: 'Gem' }).click();
    const error = form.locator('.alert--error');
    await error.waitFor();
    assert.match(await error.textContent(), /needs a date/);
    await checkA11y(page, 'share-back screen, refused');
  });
  const after = await srv.api('shareback_list', { person: item.person_id });
  assert.equal(after.items.find((i) => i.course_id === item.course_id).state, 'afventer');
});

test('HR changes the deadline and the overdue list follows', { timeout: TEST_TIMEOUT }, async () => {
  const before = await srv.api('shareback_list', { overdue: true });
  await withPage('#/videndeling', async (page) => {
    await page.getByLabel('Antal dage efter kurset').fill('365');
    await page.getByRole('region', { name: 'Frist for videndeling' }).getByRole('button', { name: 'Gem' }).click();
    await page.getByText('Fristen er nu 365 dage').waitFor();
    assert.match(await page.locator('.lead').textContent(), /inden for 365 dage/);
  });
  const after = await srv.api('shareback_list', { overdue: true });
  assert.ok(after.items.length < before.items.length, `${after.items.length} < ${before.items.length}`);
  await srv.api('shareback_policy_set', { days: 30 });
});

test('HR marks a share-back as HR-only: colleagues no longer see it, and only HR sets the deadline', { timeout: TEST_TIMEOUT }, async () => {
  await srv.api('session_set', { role: 'hr' });
  const pending = await srv.api('shareback_list', { pending: true });
  const item = pending.items.find((i) => i.state === 'afventer' && !i.hr_only && !i.course_hr_only);
  // An employee sees only their own HR-only share-backs, wherever they work.
  const colleague = pending.items.find((i) => i.person_id !== item.person_id);
  try {
    await withPage('#/videndeling', async (page) => {
      await pickPerson(page, page.getByRole('combobox', { name: 'Hvem er du?' }), { id: item.person_id, name: item.person_name });
      const form = page.getByRole('form', { name: `Videndeling af ${item.course_title}` }).first();
      await form.waitFor();
      await form.getByLabel('Hvad vil du registrere?').selectOption('planlagt');
      await form.getByLabel('Dato').fill('2099-04-01');
      await form.getByLabel('Hvor').fill('samtale med HR');
      await form.getByLabel('Kun for HR').check();
      await checkA11y(page, 'share-back screen, HR-only choice');
      await form.getByRole('button', { name: 'Gem' }).click();
      const mine = page.getByRole('region', { name: 'Mine videndelinger' });
      await waitFor(async () => (await mine.textContent()).includes('Planlagt 1. april 2099'), { message: 'saved' });
      assert.ok((await mine.textContent()).includes('Kun HR'), 'marked as HR-only');
    });
    const saved = (await srv.api('shareback_list', { person: item.person_id })).items.find((i) => i.course_id === item.course_id);
    assert.equal(saved.hr_only, true);

    await srv.api('session_set', { role: 'employee', person: colleague.person_id });
    const seen = await srv.api('shareback_list', { person: item.person_id });
    assert.ok(!seen.items.some((i) => i.course_id === item.course_id), 'a colleague does not see it');
    await withPage('#/videndeling', async (page) => {
      await page.getByRole('heading', { level: 1, name: 'Videndeling efter kurser' }).waitFor();
      await page.getByRole('region', { name: 'Mine videndelinger' }).waitFor();
      assert.equal(await page.getByRole('region', { name: 'Frist for videndeling' }).count(), 0, 'no deadline form');
      assert.ok(!(await page.getByRole('region', { name: 'Kommende videndelinger' }).textContent()).includes('samtale med HR'));
      assert.equal(await page.getByLabel('Kun for HR').count(), 0);
    });
  } finally {
    await srv.api('session_set', { role: 'administrator' });
  }
});
