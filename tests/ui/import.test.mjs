// Import and export: a bundle with errors is listed in full and writes
// nothing; a good bundle is previewed, then imported and searchable.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import {
  useServerAndBrowser, cli, cliSearch, cliStats, waitFor,
  activeElementInfo, TEST_TIMEOUT,
} from './helpers.mjs';

const { srv, withPage, tempPath } = useServerAndBrowser({ tempDirPrefix: 'hvemved-ui-bundles-' });

async function bundleFile(name, bundle) {
  const file = tempPath(name);
  await writeFile(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle, null, 2));
  return file;
}

/** The counts that must not move when an import is refused. */
function counts(stats) {
  const { people, active_people, units, skills, person_skills, courses, attendances, change_seq } = stats;
  return { people, active_people, units, skills, person_skills, courses, attendances, change_seq };
}

const SECTION = { people: 'Personer', courses: 'Kurser', bundle: 'Hele filen' };

test('a bundle with errors lists every error and imports nothing', { timeout: TEST_TIMEOUT }, async () => {
  const bundle = {
    format: 'hvemved-bundle',
    version: 1,
    people: [
      { id: 'p-ui-ok', name: 'Gyldig Testperson', department: 'Børn og Familie', bio: 'Spørg mig om zebrafinkeopdræt.' },
      { id: 'p-ui-9', name: 'Niveau Ni', skills: [{ name: 'Mentalisering', level: 9 }] },
      { id: 'p-ui-noname', name: '' },
    ],
    courses: [
      { id: 'c-ui-1', title: 'Kursus med ukendt deltager', date: '2025-02-03', attendees: ['p-ui-ok', 'p-findes-ikke'] },
    ],
  };
  const file = await bundleFile('med-fejl.json', bundle);

  // What the core says is wrong with it: the UI must list exactly this.
  const refused = await srv.api('import_bundle', { bundle: JSON.stringify(bundle), dry_run: true }).then(
    () => assert.fail('the core accepted a bundle with errors'), (err) => err.body);
  assert.equal(refused.kind, 'invalid_records');
  const details = refused.details;
  assert.ok(details.length >= 3, `every problem is reported: ${JSON.stringify(details)}`);
  assert.ok(details.some((d) => d.id === 'p-ui-9' && /level 9/.test(d.problem)));
  assert.ok(details.some((d) => d.id === 'c-ui-1' && /p-findes-ikke/.test(d.problem)));
  // The CLI refuses it the same way, with exit code 1.
  await assert.rejects(cli(srv.dataDir, 'import', file, '--dry-run'), (err) => err.code === 1);

  const before = counts(await cliStats(srv.dataDir));

  await withPage('#/import', async (page) => {
    await page.locator('h1', { hasText: 'Import og eksport' }).waitFor();
    await page.getByLabel('Fil med medarbejderkatalog').setInputFiles(file);

    const heading = page.locator('.import-outcome h3');
    await waitFor(async () => (await heading.textContent({ timeout: 1000 })) === `Filen har ${details.length} fejl. Intet er importeret.`,
      { message: 'the error heading' });
    assert.equal((await activeElementInfo(page)).text, `Filen har ${details.length} fejl. Intet er importeret.`, 'focus moves to the errors');
    assert.match(await page.locator('.import-outcome').textContent(), /Ret fejlene i filen, og vælg den igen\./);
    assert.match(await page.locator('.file-input + p, p[aria-live]').first().textContent(), /Valgt fil: med-fejl\.json/);

    const rows = await page.locator('.table--errors tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    assert.deepEqual(rows, details.map((d) => [
      SECTION[d.section] ?? d.section,
      d.index === null || d.index === undefined ? '–' : String(d.index + 1),
      d.id ?? '–',
      d.problem,
    ]));
    assert.equal(await page.getByRole('button', { name: 'Importér' }).count(), 0, 'there is nothing to import');
  });

  assert.deepEqual(counts(await cliStats(srv.dataDir)), before, 'nothing was written');
  assert.equal((await cliSearch(srv.dataDir, 'zebrafinkeopdræt')).total, 0, 'not even the valid person');
});

test('a file that is not JSON says so and imports nothing', { timeout: TEST_TIMEOUT }, async () => {
  const file = await bundleFile('ikke-json.json', '{"format": "hvemved-bundle", "people": [');
  const before = counts(await cliStats(srv.dataDir));
  await withPage('#/import', async (page) => {
    await page.getByLabel('Fil med medarbejderkatalog').setInputFiles(file);
    const heading = page.locator('.import-outcome h3', { hasText: 'Filen er ikke gyldig JSON. Intet er importeret.' });
    await heading.waitFor();
  });
  assert.deepEqual(counts(await cliStats(srv.dataDir)), before);
});

test('a good bundle is previewed, then imported and found', { timeout: TEST_TIMEOUT }, async () => {
  const bundle = {
    format: 'hvemved-bundle',
    version: 1,
    people: [{
      id: 'p-ui-ny', name: 'Ulla Importsen', title: 'Konsulent', department: 'Kultur og Fritid / Biblioteket',
      email: 'ulla.importsen@example.dk', bio: 'Spørg mig om zebrafinkeopdræt og foreningsliv.',
      skills: [{ name: 'Foreningssamarbejde', level: 3 }],
    }],
  };
  const file = await bundleFile('god.json', bundle);
  const before = await cliStats(srv.dataDir);

  await withPage('#/import', async (page) => {
    await page.getByLabel('Fil med medarbejderkatalog').setInputFiles(file);
    await page.locator('.preview h3', { hasText: 'Det vil ske ved import' }).waitFor();
    assert.match(await page.locator('.preview .alert--ok').textContent(), /Intet er gemt endnu/);
    const peopleRow = await page.locator('.preview tbody tr').first().locator('th, td').allTextContents();
    assert.deepEqual(peopleRow, ['Personer', '1', '0', '0']);
    assert.equal((await cliStats(srv.dataDir)).people, before.people, 'the preview writes nothing');

    await page.getByRole('button', { name: 'Importér' }).click();
    await page.locator('.import-outcome h3', { hasText: 'Importen er gennemført' }).waitFor();
    assert.equal((await activeElementInfo(page)).text, 'Importen er gennemført');
    await waitFor(async () => (await page.locator('#footer-stats').textContent()).startsWith(`${before.people + 1} kolleger`),
      { message: 'the footer counts the new colleague' });
  });

  const after = await cliStats(srv.dataDir);
  assert.equal(after.people, before.people + 1);
  const found = await cliSearch(srv.dataDir, 'zebrafinkeopdræt');
  assert.deepEqual(found.results.map((r) => r.id), ['p-ui-ny']);
});
