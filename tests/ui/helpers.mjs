// Shared plumbing for the browser tests: a fresh `hvemved serve` on a demo
// directory, headless Chromium through playwright-core, polling waits (there is
// no `expect` in playwright-core), the CLI as an oracle, and axe-core.

import { before, after } from 'node:test';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, readFile, mkdir } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';
import http from 'node:http';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const execFileP = promisify(execFile);

export const BIN = process.env.HVEMVED_BIN
  ? path.resolve(process.env.HVEMVED_BIN)
  : path.resolve(here, '../../target/debug/hvemved');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(here, '../../docs/screenshots');
export const VIEWPORT = { width: 1366, height: 768 };
/** Per-test timeout for node:test; each test starts its own browser page. */
export const TEST_TIMEOUT = 60_000;

// ---------------------------------------------------------------------------
// The CLI and the server

/** Runs `hvemved --data-dir DIR ARGS…` and returns stdout. */
export async function cli(dataDir, ...args) {
  const { stdout } = await execFileP(BIN, ['--data-dir', dataDir, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** `hvemved search … --json` parsed: the oracle for what the UI should show. */
export async function cliSearch(dataDir, query, ...extra) {
  return JSON.parse(await cli(dataDir, 'search', query, '--json', ...extra));
}

export async function cliStats(dataDir) {
  return JSON.parse(await cli(dataDir, 'stats', '--json'));
}

/**
 * A fresh demo directory served on a free port. Returns
 * { url, dataDir, api(cmd, args), stop() }.
 */
export async function startServer() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hvemved-ui-'));
  try {
    await cli(dataDir, 'demo');
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw new Error(`"${BIN} demo" failed (build it with: cargo build -p hvemved-cli): ${err.message}`);
  }
  const child = spawn(BIN, ['--data-dir', dataDir, 'serve', '--addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hvemved serve did not report its address in 15 s; stderr: ${stderr}`)), 15_000);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
      if (m) resolve(m[1]); else reject(new Error(`unexpected first line from hvemved serve: ${line}`));
    });
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
    exited.then(({ code }) => { clearTimeout(timer); reject(new Error(`hvemved serve exited with ${code}: ${stderr}`)); });
  }).catch(async (err) => {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  // Keep draining stdout so the server never blocks on a full pipe.
  child.stdout.resume();
  // Should the test process end without stop() (a crash), take the server and its data along.
  const onExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', onExit);

  // The API over plain node:http without an agent, so each call has its own
  // connection and closes it (see the keep-alive note in openPage).
  function api(command, args = {}) {
    const body = Buffer.from(JSON.stringify(args));
    return new Promise((resolve, reject) => {
      const req = http.request(url + 'api/' + command, {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, Connection: 'close' },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let parsed;
          try { parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch (err) { reject(err); return; }
          if (res.statusCode >= 400) {
            const err = new Error(`${command}: ${parsed.message}`);
            err.body = parsed;
            reject(err);
          } else resolve(parsed);
        });
      });
      req.setTimeout(15_000, () => req.destroy(new Error(`${command}: no answer in 15 s`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  async function stop() {
    process.removeListener('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  return { url, dataDir, api, stop };
}

// ---------------------------------------------------------------------------
// The browser

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A new page at `url + hash` with a fresh context (so no language choice is
 * remembered), collecting page errors: tests assert there were none.
 */
export async function openPage(browser, url, hash = '#/sog', { reducedMotion = 'reduce' } = {}) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    locale: 'da-DK',
    reducedMotion,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err?.stack || err)));
  page.on('console', (msg) => {
    // Chromium logs every 4xx answer; refused API calls (an import with errors,
    // an unknown person) are the UI's to handle, asset failures are caught below.
    if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) {
      errors.push('console: ' + msg.text());
    }
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && !new URL(res.url()).pathname.startsWith('/api/')) errors.push(`HTTP ${res.status()} for ${res.url()}`);
    if (res.status() >= 500) errors.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  page.pageErrors = errors;
  await page.goto(url + hash);
  await page.locator('main#main:not([aria-busy])').waitFor({ state: 'attached' });
  return page;
}

/**
 * Runs `fn(page)` on a fresh page and closes it; fails if the page threw or
 * logged an error meanwhile.
 */
export async function withPage(browser, url, hash, fn) {
  const page = await openPage(browser, url, hash);
  try {
    await fn(page);
    if (page.pageErrors.length) throw new Error('the page logged errors:\n' + page.pageErrors.join('\n'));
  } finally {
    await page.context().close();
  }
}

/**
 * One server and one browser for all the tests of the calling file, started in
 * a `before` hook and closed in an `after` hook. Returns { srv, withPage(hash, fn),
 * tempPath(name) }; `tempPath` names a file in a temp directory made (and
 * removed) only when `tempDirPrefix` is given. `afterStart` runs once both are up.
 */
export function useServerAndBrowser({ tempDirPrefix, afterStart } = {}) {
  // `before` fills in `srv` rather than replacing it, so a file can destructure
  // it at the top and use it in its tests as the server itself.
  const srv = {};
  let browser;
  let tempDir;
  // On Node 20 a top-level `before` hook starts as soon as it is registered,
  // alongside the others, so a file's own hook could not wait for the server:
  // set-up that needs the server goes in `afterStart`.
  before(async () => {
    let server;
    [server, browser, tempDir] = await Promise.all([
      startServer(),
      launchBrowser(),
      tempDirPrefix && mkdtemp(path.join(tmpdir(), tempDirPrefix)),
    ]);
    Object.assign(srv, server);
    await afterStart?.();
  });
  after(async () => {
    await browser?.close();
    await srv.stop?.();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });
  return {
    srv,
    withPage: (hash, fn) => withPage(browser, srv.url, hash, fn),
    tempPath: (name) => path.join(tempDir, name),
  };
}

/**
 * Polls `fn` until it returns a truthy value (which is returned) or the time
 * runs out; then fails with `message` and the last value or error seen.
 */
export async function waitFor(fn, { timeout = 10_000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await fn();
      lastError = undefined;
      if (last) return last;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Waits until the search screen shows the answer to `query` (not an older one). */
export async function waitForResults(page, { count } = {}) {
  await page.locator('.results:not([aria-busy]) .results__count').first().waitFor();
  if (count !== undefined) {
    await waitFor(async () => (await page.locator('.results__count').first().textContent()).includes(count),
      { message: `result count "${count}"` });
  }
}

/** The visible text of the focused element and some identifying attributes. */
export function activeElementInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? {
      tag: el.tagName, id: el.id, cls: el.className, text: (el.textContent || '').trim().slice(0, 80),
      type: el.getAttribute('type'), href: el.getAttribute('href'), dataId: el.dataset?.id ?? null,
    } : null;
  });
}

/**
 * Saves a screenshot for docs/screenshots. The tests run on a fresh directory,
 * where the "Hvem er du?" band sits under the header on every screen; the
 * pictures of the other screens leave it out (keeping what was in view where
 * it was), unless `{ withWho: true }`.
 */
export async function screenshot(page, name, { withWho = false } = {}) {
  if (!/^browser-[a-z0-9-]+\.png$/.test(name)) throw new Error(`screenshot names must be browser-*.png, not ${name}`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const scrolled = withWho ? null : await page.evaluate(() => {
    const slot = document.getElementById('who-slot');
    if (!slot || !slot.firstChild || slot.hidden || slot.contains(document.activeElement)) return null;
    const height = slot.getBoundingClientRect().height;
    const top = window.scrollY;
    slot.hidden = true;
    window.scrollTo({ top: Math.max(0, top - height), behavior: 'instant' });
    return top;
  });
  try {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
  } finally {
    if (scrolled !== null) {
      await page.evaluate((top) => {
        document.getElementById('who-slot').hidden = false;
        window.scrollTo({ top, behavior: 'instant' });
      }, scrolled);
    }
  }
}

/** The location's hash as the app's router reads it, decoded. */
export async function currentHash(page) {
  return decodeURIComponent(await page.evaluate(() => window.location.hash));
}

// ---------------------------------------------------------------------------
// axe-core

let axeSource = null;

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page and fails on any
 * violation with impact "serious" or "critical", listing them readably. The page's
 * CSP (`default-src 'self'`) blocks an injected <script>, so axe is evaluated
 * through the DevTools protocol, which CSP does not govern. Returns the summary.
 */
export async function checkA11y(page, label) {
  if (!axeSource) axeSource = await readFile(path.join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!hasAxe) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return {
      violations: r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), impact: n.impact, summary: n.failureSummary, html: n.html.slice(0, 200) })),
      })),
      passes: r.passes.length,
    };
  });
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = results.violations.filter((v) => !serious.includes(v));
  const summary = { label, serious: serious.length, minor: minor.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`) };
  if (process.env.AXE_VERBOSE || minor.length) {
    console.log(`axe [${label}]: ${serious.length} serious/critical; other: ${summary.minor.join(', ') || 'none'}`);
  }
  if (serious.length) {
    const text = serious.map((v) => [
      `• ${v.id} [${v.impact}] ${v.help}`,
      `  ${v.helpUrl}`,
      ...v.nodes.slice(0, 8).map((n) => `    - ${n.target}\n      ${n.html}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`),
      v.nodes.length > 8 ? `    … and ${v.nodes.length - 8} more` : '',
    ].filter(Boolean).join('\n')).join('\n');
    throw new Error(`axe found ${serious.length} serious/critical violation(s) on "${label}":\n${text}`);
  }
  return summary;
}

// ---------------------------------------------------------------------------
// Reading evidence the way the UI shows it

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (m) => ENTITIES[m]);

/** An evidence text from the core as the user reads it: no markup. */
export function plainEvidence(text) {
  return decode(text.replace(/<\/?b>/g, ''));
}

/** The words the core marked in an evidence text (the UI shows them as <mark>). */
export function markedWords(text) {
  return [...text.matchAll(/<b>(.*?)<\/b>/g)].map((m) => decode(m[1]));
}

/** "9 personer fundet", as texts.da.js says it. */
export function foundText(n) {
  if (n === 0) return 'Ingen fundet';
  return `${n} ${n === 1 ? 'person' : 'personer'} fundet`;
}

/** What the result cards on the page show, in order. */
export function readCards(page) {
  return page.$$eval('.cards .card', (cards) => cards.map((card) => ({
    id: card.querySelector('.card__link')?.dataset.id,
    name: card.querySelector('.card__link')?.textContent,
    unit: card.querySelector('.unit')?.textContent ?? null,
    evidence: [...card.querySelectorAll('.evidence__item')].map((li) => ({
      tag: li.querySelector('.tag')?.textContent,
      kind: [...li.querySelector('.tag').classList].find((c) => c.startsWith('tag--'))?.slice(5),
      text: li.querySelector('.evidence__text')?.textContent,
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
    })),
  })));
}

/** Waits until the cards on the page are exactly the people `response` lists, in order. */
export async function waitForCards(page, response, message = 'result cards') {
  const want = response.results.map((r) => r.id);
  return waitFor(async () => {
    const count = await page.locator('.results__count').first().textContent({ timeout: 1000 });
    if (count.split(' · ')[0].trim() !== foundText(response.total)) return false;
    const cards = await readCards(page);
    return JSON.stringify(cards.map((c) => c.id)) === JSON.stringify(want) ? cards : false;
  }, { message: `${message}: ${want.join(', ')}` });
}

/** Types into a people combobox and picks `person` from its suggestions with ↓ and Enter. */
export async function pickPerson(page, combo, person) {
  const prefix = person.name.split(' ')[0] + ' ' + person.name.split(' ')[1].slice(0, 2);
  await combo.click();
  await combo.pressSequentially(prefix, { delay: 20 });
  const option = page.getByRole('option', { name: new RegExp('^' + person.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await option.waitFor();
  const count = await page.getByRole('listbox').getByRole('option').count();
  for (let i = 0; i < count; i += 1) {
    await page.keyboard.press('ArrowDown');
    if ((await option.getAttribute('aria-selected')) === 'true') break;
  }
  assert.equal(await option.getAttribute('aria-selected'), 'true', `${person.name} is the active option`);
  await page.keyboard.press('Enter');
}
