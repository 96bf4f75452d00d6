// End-to-end test of the real desktop app: the release binary in a real
// WebKitGTK window under Xvfb, driven through tauri-driver and WebKit's
// WebDriver. It searches, opens a person and visits every screen, saves a
// screenshot of each into docs/screenshots/, and measures the time from
// starting the binary to the first search results on screen and the app's
// memory (the app process plus its WebKit processes), with the demo
// municipality and with a 10 000-person directory.
//
// Needs: DISPLAY (xvfb-run), tauri-driver on PATH, WebKitWebDriver, and the
// binaries built: the app (HVEMVED_DESKTOP_BIN, default the debug build
// target/debug/hvemved-desktop; `make desktop-test` runs the build the
// README's run command makes, with the `desktop` profile)
// and the CLI (HVEMVED_BIN, default target/release/hvemved) that makes the
// big directory.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, mkdirSync, existsSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const APP = resolve(root, process.env.HVEMVED_DESKTOP_BIN ?? 'target/debug/hvemved-desktop');
const CLI = resolve(root, process.env.HVEMVED_BIN ?? 'target/release/hvemved');
const SHOTS = join(root, 'docs/screenshots');
const PORT = 4444 + (process.pid % 1000);
const DRIVER = `http://127.0.0.1:${PORT}`;

let driver;
/** When the search field was found: the page is up and can be typed into. */
let searchFieldAt = 0;
let typedAt = 0;
const dataDirs = [];

async function wd(method, path, body) {
  const response = await fetch(DRIVER + path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value ?? json)}`);
  return json.value;
}

async function waitFor(what, fn, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await fn();
      // An empty list of elements is not there yet.
      if (value && !(Array.isArray(value) && value.length === 0)) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? ': ' + last.message : ''}`);
}

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const find = (session, css) => wd('POST', `/session/${session}/elements`, { using: 'css selector', value: css });
const findButton = (session, text) => wd('POST', `/session/${session}/elements`, { using: 'xpath', value: `//button[normalize-space()='${text}']` });
/** Clicks a button from the page itself: WebKit's driver calls a button in a
 *  section below the fold "not interactable". */
const pressButton = (session, text) => run(session, `[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(text)}).click()`);
const run = (session, script) => wd('POST', `/session/${session}/execute/sync`, { script, args: [] });
/** Runs `body` in the page, which ends by calling `done(value)`; resolves to that value. */
const runAsync = (session, body) => wd('POST', `/session/${session}/execute/async`, {
  script: `const done = arguments[arguments.length - 1];\n${body}`,
  args: [],
});
const textOf = (session, el) => wd('GET', `/session/${session}/element/${el[ELEMENT]}/text`);
const click = (session, el) => wd('POST', `/session/${session}/element/${el[ELEMENT]}/click`, {});
const type = (session, el, text) => wd('POST', `/session/${session}/element/${el[ELEMENT]}/value`, { text });

async function screenshot(session, name) {
  // A round-trip first, so the picture is not the frame before the last change.
  await wd('POST', `/session/${session}/execute/sync`, { script: 'return document.title', args: [] });
  const png = await wd('GET', `/session/${session}/screenshot`);
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join(SHOTS, name), Buffer.from(png, 'base64'));
}

/** The process ids of the app started on `dataDir` (WebKit's processes
 *  have command lines of their own). */
function appPids(dataDir) {
  return execFileSync('pgrep', ['-f', `${APP} --data-dir ${dataDir}`]).toString().trim().split('\n').filter(Boolean);
}

/** The app started on `dataDir` and every process below it. */
function appProcessTree(dataDir) {
  const all = new Set(appPids(dataDir));
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || all.has(entry)) continue;
      try {
        const ppid = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1];
        if (all.has(ppid)) { all.add(entry); grew = true; }
      } catch { /* the process ended meanwhile */ }
    }
  }
  return all;
}

/** Memory in MB of the app started on `dataDir` and every process below it
 *  (WebKit's web and network processes): the proportional set size, which
 *  counts a page shared by several of them (the WebKit libraries) once in
 *  all rather than once in each, as summing resident sizes would. */
function memoryMb(dataDir) {
  let pss = 0;
  let rss = 0;
  const each = [];
  const field = (text, name) => Number(text.split('\n').find((l) => l.startsWith(name))?.match(/\d+/)?.[0] ?? 0);
  const tree = appProcessTree(dataDir);
  for (const pid of tree) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      const own = field(rollup, 'Pss:');
      each.push(`${name} ${(own / 1024).toFixed(0)}`);
      pss += own;
      rss += field(rollup, 'Rss:');
    } catch { /* gone */ }
  }
  const others = otherWebKitProcesses(tree);
  const caveat = others.length
    ? `; NOT COMPARABLE: ${others.length} other process(es) map WebKit (${others.join(', ')}), so the shares of its libraries are understated`
    : '';
  return { pss: pss / 1024, rss: rss / 1024, each: each.join(', ') + caveat };
}

/** Processes outside `tree` that map WebKit's library: pages they share
 *  with the app count only partly towards the app's proportional size, so
 *  a WebKit program left running (another app, a browser, an earlier run)
 *  makes the app look smaller than it is. */
function otherWebKitProcesses(tree) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || tree.has(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/maps`, 'utf8').includes('libwebkit2gtk')) {
        found.push(`${readFileSync(`/proc/${entry}/comm`, 'utf8').trim()} ${entry}`);
      }
    } catch { /* ended, or not ours to read */ }
  }
  return found;
}

/** The colour at screen point (x, y) as the X server shows it, read from
 *  `xwd`'s dump of the root window (a 32-bit TrueColor screen, as Xvfb's
 *  24-bit screen is): what the window really displays, where WebDriver's
 *  screenshots are drawn by the web process. */
function screenColour(x, y) {
  const dump = execFileSync('xwd', ['-root', '-silent'], { maxBuffer: 64 << 20 });
  const word = (at) => dump.readUInt32BE(at);
  const [headerSize, bitsPerPixel, bytesPerLine, colours] = [word(0), word(44), word(48), word(76)];
  assert.equal(bitsPerPixel, 32, 'a 32-bit screen');
  const lsbFirst = word(28) === 0;
  const at = headerSize + colours * 12 + y * bytesPerLine + x * 4;
  const pixel = lsbFirst ? dump.readUInt32LE(at) : dump.readUInt32BE(at);
  return [(pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255];
}

/** Checks that the window shows the page: the colours the page gives its
 *  banner and its search field are on screen where the page puts them. */
async function assertWindowShowsPage(session) {
  const spots = await run(session, `const spot = (selector, across) => {
      const el = document.querySelector(selector);
      const box = el.getBoundingClientRect();
      return {
        x: Math.round(window.screenX + box.left + box.width * across),
        y: Math.round(window.screenY + box.top + box.height / 2),
        colour: getComputedStyle(el).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number),
      };
    };
    return [spot('.site-header', 0.02), spot('input[type=search]', 0.75)];`);
  for (const { x, y, colour } of spots) {
    assert.deepEqual(screenColour(x, y), colour, `the window's pixel at ${x},${y}`);
  }
}

/** Starts the app on a data directory and returns the WebDriver session. */
async function startApp(dataDir) {
  const started = Date.now();
  const session = await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'wry',
        'tauri:options': { application: APP, args: ['--data-dir', dataDir] },
      },
    },
  });
  return { id: session.sessionId, started };
}

/** Calls the core through the window's IPC, as the page does. */
function invoke(sessionId, cmd, args) {
  return runAsync(sessionId, `window.__TAURI__.core.invoke('api', { cmd: ${JSON.stringify(cmd)}, args: ${JSON.stringify(args)} })
    .then((value) => done({ value }), (err) => done({ err }));`);
}

async function searchAndWait(session, query) {
  const [input] = await waitFor('the search field', () => find(session, 'input[type=search]'));
  searchFieldAt = Date.now();
  // The page notes when the last key arrived and when result cards were
  // last drawn anew, so the search's own latency is known without
  // WebDriver's (a search run between two keys is drawn over).
  await run(session, `window.__lastKeyAt = 0; window.__cardsAt = 0; let shown = null;
    document.querySelector('input[type=search]').addEventListener('input', () => { window.__lastKeyAt = performance.now(); });
    new MutationObserver(() => {
      const first = document.querySelector('.card__link');
      if (first && first !== shown) { shown = first; window.__cardsAt = performance.now(); }
    }).observe(document.getElementById('main'), { childList: true, subtree: true });`);
  await type(session, input, query);
  typedAt = Date.now();
  return waitFor('search results', async () => {
    const cards = await find(session, '.card__link');
    return cards.length > 0 ? cards : null;
  });
}

/** Resolves once the page has drawn a frame after the results arrived:
 *  measured before that, the web process has not yet laid out the cards or
 *  loaded the fonts they use, and reads some 3 MB low. */
async function resultsDrawn(session) {
  await runAsync(session, 'requestAnimationFrame(() => requestAnimationFrame(() => done(true)));');
}

/** Milliseconds since the epoch at which process `pid` started: its start
 *  in clock ticks after boot, set against this test process's own. */
function processStartedAt(pid) {
  const ticks = (p) => Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[19]);
  const msPerTick = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString());
  const ownStart = Date.now() - process.uptime() * 1000;
  return ownStart + (ticks(pid) - ticks(process.pid)) * msPerTick;
}

/** The app's own start-up, without WebDriver's: from the binary starting
 *  to its first screen being usable, and from the last key typed to the
 *  result cards last drawn in the page. */
async function appTimings(session, dataDir) {
  // Time for a search started between two keys to be drawn over.
  await new Promise((r) => setTimeout(r, 300));
  const [pid] = appPids(dataDir);
  const page = await run(session, `const mark = performance.getEntriesByName('hvemved:first-screen')[0];
    return { origin: performance.timeOrigin, ready: mark ? mark.startTime : null, key: window.__lastKeyAt, cards: window.__cardsAt };`);
  assert.ok(page.ready !== null, 'the page marks its first screen');
  assert.ok(page.cards > page.key && page.key > 0, JSON.stringify(page));
  const startedAt = processStartedAt(pid);
  return {
    pageMs: page.origin - startedAt,
    readyMs: page.origin + page.ready - startedAt,
    resultsMs: page.cards - page.key,
  };
}

function describeTimings({ pageMs, readyMs, resultsMs }) {
  return `from the binary's start, the page loading after ${pageMs.toFixed(0)} ms and the search screen usable after ${readyMs.toFixed(0)} ms; results ${resultsMs.toFixed(0)} ms after the last key (the search waits 120 ms for more keys); together ${(readyMs + resultsMs).toFixed(0)} ms`;
}

/** The people file the import test "picks": the app reads HVEMVED_PICKED_FILE
 *  instead of showing its native dialog, which WebDriver cannot click. */
const PEOPLE_ROWS = 3000;
const pickedDir = mkdtempSync(join(tmpdir(), 'hvemved-e2e-file-'));
const PICKED_FILE = join(pickedDir, 'medarbejdere.csv');

before(async () => {
  const lines = ['Medarbejdernummer;Navn;Afdeling;E-mail'];
  for (let i = 0; i < PEOPLE_ROWS; i += 1) lines.push(`E2E-${i};Skrivebord Nummer${i};Jobcenter;skrivebord${i}@example.dk`);
  writeFileSync(PICKED_FILE, lines.join('\r\n') + '\r\n');
  dataDirs.push(pickedDir);
  // WebKit keeps the page's local storage (the language chosen, among
  // others) in the user's data directory: each run gets its own, so that
  // a choice made in the app on this machine does not carry into the test.
  const webkitHome = mkdtempSync(join(tmpdir(), 'hvemved-e2e-xdg-'));
  dataDirs.push(webkitHome);
  driver = spawn('tauri-driver', ['--port', String(PORT)], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      HVEMVED_PICKED_FILE: PICKED_FILE,
      XDG_DATA_HOME: join(webkitHome, 'data'),
      XDG_CACHE_HOME: join(webkitHome, 'cache'),
    },
  });
  await waitFor('tauri-driver', async () => (await fetch(DRIVER + '/status')).ok);
});

after(async () => {
  // SIGTERM, not SIGKILL: a killed driver leaves WebKitWebDriver behind.
  driver?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

test('the demo municipality: search, open a person and visit every screen', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hvemved-e2e-'));
  dataDirs.push(dataDir);
  const session = await startApp(dataDir);
  try {
    const cards = await searchAndWait(session.id, 'mentalisering');
    const firstResultMs = Date.now() - session.started;
    const name = await textOf(session.id, cards[0]);
    assert.ok(name.length > 3, 'the first card names a person');
    await waitFor('the Demodata marker', async () => (await find(session.id, '#demo-badge:not([hidden])')).length > 0);
    await resultsDrawn(session.id);
    const mem = memoryMb(dataDir);
    const own = await appTimings(session.id, dataDir);
    console.log(`# demo municipality through WebDriver: search field after ${searchFieldAt - session.started} ms, typed after ${typedAt - session.started} ms, first results after ${firstResultMs} ms; memory ${mem.pss.toFixed(1)} MB (proportional: ${mem.each}; resident sizes summed ${mem.rss.toFixed(0)} MB)`);
    console.log(`# demo municipality, the app's own time: ${describeTimings(own)}`);
    await screenshot(session.id, 'desktop-search.png');
    await assertWindowShowsPage(session.id);
    // Typed letter by letter, searched while typing: one question in the log.
    const log = await invoke(session.id, 'audit_log', {});
    const searched = log.value.filter((e) => e.action === 'searched');
    assert.equal(searched.length, 1, JSON.stringify(log));
    assert.match(searched[0].detail, /^1 word, [1-9]\d* found$/);
    assert.ok(!JSON.stringify(log.value).includes('mentalisering'), 'not the words searched');

    await click(session.id, cards[0]);
    await waitFor('the profile', async () => {
      const [h1] = await find(session.id, 'main h1');
      return h1 && (await textOf(session.id, h1)) === name;
    });
    await screenshot(session.id, 'desktop-person.png');

    for (const [route, file] of [['courses', 'desktop-courses.png'], ['shareback', 'desktop-shareback.png'], ['competence', 'desktop-competence.png'], ['initiatives', 'desktop-initiatives.png'], ['import', 'desktop-import.png']]) {
      const [link] = await find(session.id, `#site-nav a[data-route=${route}]`);
      await click(session.id, link);
      await waitFor(`the ${route} screen`, async () => {
        const [current] = await find(session.id, `#site-nav a[data-route=${route}][aria-current=page]`);
        return current;
      });
      await screenshot(session.id, file);
      if (route === 'competence') {
        // The PNG export draws the SVG on a canvas: WebKit must allow that.
        const size = await runAsync(session.id, `import('./js/components/chart-export.js')
          .then((m) => m.pngBlob(document.querySelector('.map-chart svg')))
          .then((blob) => done(blob ? blob.size : -1), (err) => done('error: ' + err));`);
        assert.ok(typeof size === 'number' && size > 10000, `the map as PNG in the desktop window: ${size}`);
      }
    }
  } finally {
    await wd('DELETE', `/session/${session.id}`);
  }
});

test('a 10 000-person directory: time to first results and memory', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hvemved-e2e-10k-'));
  dataDirs.push(dataDir);
  execFileSync(CLI, ['--data-dir', dataDir, 'demo', '--people', '10000', '--courses', '4000']);
  const session = await startApp(dataDir);
  try {
    const cards = await searchAndWait(session.id, 'mentalisering');
    const firstResultMs = Date.now() - session.started;
    assert.ok(cards.length > 0);
    await resultsDrawn(session.id);
    const mem = memoryMb(dataDir);
    // The window process draws without OpenGL; Mesa's driver (with LLVM)
    // belongs in the web process only.
    const [pid] = appPids(dataDir);
    assert.doesNotMatch(readFileSync(`/proc/${pid}/maps`, 'utf8'), /\/dri\/|libLLVM/, 'the window process loads no GL driver');
    // JavaScriptCore runs without its JIT compilers: no page of the web
    // process is both writable and executable.
    const webProcesses = [...appProcessTree(dataDir)].filter((p) => readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('WebKitWebProces'));
    assert.ok(webProcesses.length > 0, 'the web process is found');
    for (const p of webProcesses) assert.doesNotMatch(readFileSync(`/proc/${p}/maps`, 'utf8'), / rwxp /, 'no writable and executable memory');
    const own = await appTimings(session.id, dataDir);
    console.log(`# 10 000 people through WebDriver: search field after ${searchFieldAt - session.started} ms, typed after ${typedAt - session.started} ms, first results after ${firstResultMs} ms; memory ${mem.pss.toFixed(1)} MB (proportional: ${mem.each}; resident sizes summed ${mem.rss.toFixed(0)} MB)`);
    console.log(`# 10 000 people, the app's own time: ${describeTimings(own)}`);
  } finally {
    await wd('DELETE', `/session/${session.id}`);
  }
});

test('a people file picked in the desktop app is read from disk by Rust, with progress, then imported', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hvemved-e2e-import-'));
  dataDirs.push(dataDir);
  const session = await startApp(dataDir);
  try {
    await waitFor('the search field', () => find(session.id, 'input[type=search]'));
    const [link] = await find(session.id, '#site-nav a[data-route=import]');
    await click(session.id, link);
    await waitFor('the file button', () => findButton(session.id, 'Vælg CSV- eller LDIF-fil …'));
    // Every progress text, however quickly it is replaced.
    await run(session.id, `window.progressSeen = [];
      new MutationObserver((records) => {
        for (const record of records) {
          if (!record.target.classList || !record.target.classList.contains('busy__status')) continue;
          for (const node of record.addedNodes) window.progressSeen.push(node.textContent);
        }
      }).observe(document.body, { childList: true, subtree: true });`);
    await pressButton(session.id, 'Vælg CSV- eller LDIF-fil …');
    await waitFor('the preview', () => find(session.id, '.people-preview'));
    const checked = await run(session.id, 'return window.progressSeen.splice(0)');
    assert.ok(checked.includes('3.000 af 3.000 rækker behandlet'), `the dry run reports its rows: ${JSON.stringify(checked)}`);
    const counts = await run(session.id, "return [...document.querySelectorAll('.people-counts tbody tr')].map((tr) => tr.textContent)");
    assert.equal(counts[0], 'Nye medarbejdere3.000');

    // A colleague keeps searching, and picking colleagues while typing, as
    // the import runs: the answers must come (not "an import is running"),
    // from the app's search handle.
    await run(session.id, `window.searchesDuring = [];
      (async () => {
        const importing = () => document.querySelector('.busy__status') && !document.querySelector('.people-done');
        while (!document.querySelector('.people-done')) {
          const asked = importing();
          const invoke = (cmd, args) => window.__TAURI__.core.invoke('api', { cmd, args });
          const answer = await Promise.all([
            invoke('search', { query: 'mentalisering' }).then((r) => 'found ' + r.total),
            invoke('people_suggest', { prefix: 'a', limit: 5 }).then((r) => 'suggested ' + r.length),
          ]).then((both) => both.join(', '), (e) => 'error ' + JSON.stringify(e));
          if (asked && importing()) window.searchesDuring.push(answer);
          await new Promise((r) => setTimeout(r, 10));
        }
      })();`);
    await pressButton(session.id, 'Importér medarbejdere');
    await waitFor('the import to finish', () => find(session.id, '.people-done'), 60000);
    const during = await run(session.id, 'return window.searchesDuring');
    assert.ok(during.length > 0, 'searches were answered while the import ran');
    assert.ok(during.every((answer) => /^found [1-9]\d*, suggested [1-9]/.test(answer)), JSON.stringify(during));
    const imported = await run(session.id, 'return window.progressSeen.splice(0)');
    assert.ok(imported.includes('3.000 af 3.000 rækker behandlet'), JSON.stringify(imported));
    assert.equal(imported.at(-1), 'Opdaterer søgeindekset …');
    const person = await invoke(session.id, 'person_show', { id: 'E2E-2999' });
    assert.equal(person.value?.name, 'Skrivebord Nummer2999', JSON.stringify(person.err));
  } finally {
    await wd('DELETE', `/session/${session.id}`);
  }
});

test('the retention rules are applied as the app starts', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hvemved-e2e-retention-'));
  dataDirs.push(dataDir);
  execFileSync(CLI, ['--data-dir', dataDir, 'demo']);
  execFileSync(CLI, ['--data-dir', dataDir, 'retention', 'set', '--left-days', '0', '--course-years', 'never']);
  execFileSync(CLI, ['--data-dir', dataDir, 'person', 'leave', 'p-0001']);
  // The leaving is dated to the second; the rule counts from the next one.
  await new Promise((r) => setTimeout(r, 1100));
  const session = await startApp(dataDir);
  try {
    await waitFor('the search field', () => find(session.id, 'input[type=search]'));
    const call = (cmd, args) => invoke(session.id, cmd, args);
    const shown = await call('person_show', { id: 'p-0001' });
    assert.equal(shown.err?.kind, 'not_found', JSON.stringify(shown));
    const log = await call('audit_log', { person: 'p-0001' });
    assert.ok(log.value.some((e) => e.actor === 'opbevaringsregel' && e.action === 'erased'), JSON.stringify(log));
  } finally {
    await wd('DELETE', `/session/${session.id}`);
  }
});

/** Whether an app listens on the Unix socket at `path`. */
function answers(path) {
  return new Promise((done) => {
    const socket = createConnection(path);
    socket.once('connect', () => { socket.end(); done(true); });
    socket.once('error', () => done(false));
  });
}

test('a second start on an open directory shows the open window and ends; a killed app\'s socket is taken over', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'hvemved-e2e-once-'));
  dataDirs.push(parent);
  // A first start on a directory not made yet, which writes the demo
  // municipality: it claims the directory before that, so a second click
  // meanwhile finds it.
  const dataDir = join(parent, 'hvemved');
  const socket = join(dataDir, 'hvemved-desktop.sock');
  const startAgain = () => execFileSync(APP, ['--data-dir', dataDir], { timeout: 20000 }).toString();
  const first = spawn(APP, ['--data-dir', dataDir], { stdio: 'ignore' });
  let next;
  try {
    await waitFor('the first app listening', () => answers(socket));
    assert.match(startAgain(), /already open/);
    assert.equal(appPids(dataDir).length, 1, 'one app on the directory');
    assert.equal(first.exitCode, null, 'the first app goes on');

    // Killed, an app leaves its socket file behind, which nobody answers.
    first.kill('SIGKILL');
    await new Promise((r) => (first.exitCode === null && first.signalCode === null ? first.once('exit', r) : r()));
    assert.ok(existsSync(socket));
    assert.equal(await answers(socket), false);
    next = spawn(APP, ['--data-dir', dataDir], { stdio: 'ignore' });
    await waitFor('the next app listening', () => answers(socket));
    assert.match(startAgain(), /already open/);
    assert.equal(next.exitCode, null, 'the next app goes on');
  } finally {
    first.kill('SIGKILL');
    next?.kill('SIGTERM');
  }
});
