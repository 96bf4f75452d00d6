// "Mød en kollega" on the person page: opting in to lunch suggestions and
// getting a new colleague each time, mentors and mentees, and units to visit
// for a day.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServerAndBrowser, waitFor, checkA11y, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('a colleague opts in to lunch and gets a new partner each time', { timeout: TEST_TIMEOUT }, async () => {
  const me = 'p-0081';
  await srv.api('person_update', { id: me, lunch_opt_in: false });
  await withPage('#/person/' + me, async (page) => {
    const section = page.getByRole('region', { name: 'Mød en kollega' });
    const ask = section.getByRole('button', { name: 'Foreslå en frokostmakker' });
    await ask.waitFor();
    assert.ok(await ask.isDisabled(), 'no suggestions before opting in');
    await section.getByLabel('Jeg vil gerne have forslag til frokost', { exact: false }).check();
    await waitFor(async () => !(await ask.isDisabled()), { message: 'the button is enabled' });
    assert.equal((await srv.api('person_show', { id: me })).lunch_opt_in, true);

    await ask.click();
    const first = section.locator('.alert--ok');
    await first.waitFor();
    const firstName = await first.getByRole('link').textContent();
    assert.match(await first.textContent(), /Hvad med frokost med .*har hverken enhed, kursus eller indsats til fælles/);
    await ask.click();
    await waitFor(async () => (await section.locator('.alert--ok').getByRole('link').textContent()) !== firstName,
      { message: 'another colleague the second time' });

    await section.getByRole('heading', { name: 'Jobrotation for en dag' }).waitFor();
    await waitFor(async () => (await section.textContent()).includes('spørg'), { message: 'rotation suggestions' });
    await checkA11y(page, 'person with meeting suggestions');
  });
});
