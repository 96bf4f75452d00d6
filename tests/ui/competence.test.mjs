// The competence map screen: the heat map as SVG with the same numbers as a
// table, key-person risks and gaps from the core, narrowing to one
// forvaltning, and saving the map as SVG and PNG.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServerAndBrowser, checkA11y, TEST_TIMEOUT } from './helpers.mjs';

const { srv, withPage } = useServerAndBrowser();

test('the map shows the core\'s heat map, vulnerable skills and gaps', { timeout: TEST_TIMEOUT }, async () => {
  const map = await srv.api('competence_map', {});
  assert.ok(map.vulnerable.length > 0, 'the demo has key-person risks');
  await withPage('#/kompetencekort', async (page) => {
    const chart = page.locator('.map-chart svg');
    await chart.waitFor();
    const shown = Math.min(25, map.rows.length);
    // One label per skill row plus one per column heading.
    assert.equal(await chart.locator('text[text-anchor="end"]').count(), shown);
    assert.equal(await chart.locator('title').textContent(), 'Kompetencekort for Hele kommunen');
    const table = page.locator('details table');
    assert.equal(await table.locator('tbody tr').count(), shown);
    const first = map.rows[0];
    const cell = first.cells.findIndex((c) => c.people > 0);
    const carrying = first.cells[cell].levels[2] + first.cells[cell].levels[3] + first.cells[cell].levels[4];
    assert.equal((await table.locator('tbody tr').first().locator('td').nth(cell).textContent()).trim(), `${carrying} / ${first.cells[cell].people}`);
    const vulnerable = page.getByRole('region', { name: `Sårbare kompetencer (${map.vulnerable.length})` });
    assert.equal(await vulnerable.locator('li').count(), map.vulnerable.length);
    assert.match(await vulnerable.textContent(), new RegExp(map.vulnerable[0].person_name));
    await page.getByRole('region', { name: `Områder uden vidensansvarlig (${map.unowned_areas.length})` }).waitFor();
    await checkA11y(page, 'competence map');
  });
});

test('choosing a forvaltning maps its afdelinger', { timeout: TEST_TIMEOUT }, async () => {
  const all = await srv.api('competence_map', {});
  const unit = all.columns[0];
  const narrowed = await srv.api('competence_map', { unit });
  await withPage('#/kompetencekort', async (page) => {
    await page.getByLabel('Vis for').selectOption(unit);
    await page.waitForFunction((u) => decodeURIComponent(location.hash).includes(u), unit);
    const chart = page.locator('.map-chart svg');
    await page.waitForFunction((title) => document.querySelector('.map-chart svg title')?.textContent === title, `Kompetencekort for ${unit}`);
    const headings = await page.locator('details table thead th').allTextContents();
    assert.equal(headings.length - 1, narrowed.columns.length);
    assert.ok(await chart.isVisible());
    await checkA11y(page, 'competence map of one forvaltning');
  });
});

test('the map is saved as SVG and as PNG', { timeout: TEST_TIMEOUT }, async () => {
  await withPage('#/kompetencekort', async (page) => {
    await page.locator('.map-chart svg').waitFor();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem som SVG' }).click()]);
    assert.equal(svgDownload.suggestedFilename(), 'kompetencekort-kommunen.svg');
    const svgText = await readFile(await svgDownload.path(), 'utf8');
    assert.match(svgText, /^<\?xml/);
    assert.match(svgText, /<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gem som PNG' }).click()]);
    assert.equal(pngDownload.suggestedFilename(), 'kompetencekort-kommunen.png');
    const png = await readFile(await pngDownload.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.ok(png.length > 5000, `a real picture (${png.length} bytes)`);
  });
});
