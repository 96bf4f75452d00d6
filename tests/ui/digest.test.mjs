// The newsletter panel on the Videndeling screen: counts for the chosen
// period and unit, and the HTML and Markdown files it saves.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useServerAndBrowser, waitFor, checkA11y, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('the newsletter shows what the period holds and saves HTML and Markdown', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/videndeling', async (page) => {
    const panel = page.getByRole('region', { name: 'Nyhedsbrev' });
    const from = panel.getByLabel('Fra');
    const to = await panel.getByLabel('Til').inputValue();
    const yearAgo = new Date(Date.parse(to) - 365 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await from.fill(yearAgo);
    await from.dispatchEvent('change');
    const expected = (await srv.api('digest', { from: yearAgo, to })).digest;
    await waitFor(async () => (await panel.textContent()).includes(`${expected.courses.length} kursusrapporter`),
      { message: 'the course count of the period' });
    assert.match(await panel.textContent(), new RegExp(`${expected.share_backs.length} kommende videndeling`));
    await checkA11y(page, 'share-back screen with the newsletter');

    const [html] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Gem som HTML' }).click()]);
    assert.equal(html.suggestedFilename(), `nyhedsbrev-${yearAgo}-${to}.html`);
    const text = await fs.readFile(await html.path(), 'utf8');
    assert.match(text, /^<!DOCTYPE html>/);
    assert.match(text, /Det har vi lært på kurser og konferencer/);
    assert.ok(text.includes(expected.courses[0].title.replace(/&/g, '&amp;')));

    const [markdown] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Gem som Markdown' }).click()]);
    assert.match(await fs.readFile(await markdown.path(), 'utf8'), /^# Hvem ved\? Nyt fra hele kommunen/);
    await panel.getByText('Nyhedsbrevet er gemt').first().waitFor();
  });
});
