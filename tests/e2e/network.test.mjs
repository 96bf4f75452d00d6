// No network from the app: the real desktop app (with its WebKit web and
// network processes) and `hvemved serve` run under strace through a scripted
// session, and the trace of every connect() and addressed send of their
// whole process tree shows no connection to anything but this machine. Unix
// sockets (the X server, D-Bus, WebKit's own processes) and netlink stay on
// the machine; an IPv4 or IPv6 address must be loopback, and no DNS query
// may be sent at all, since looking up a name is already reaching out.
//
// The desktop session also has the page try to reach the internet itself
// (fetch, an image, a WebSocket, a navigation), which the content security
// policy and the navigation fence must stop before any connection is made.
//
// Needs: strace, and what desktop.test.mjs needs (DISPLAY, tauri-driver,
// WebKitWebDriver, target/debug/hvemved-desktop, target/release/hvemved).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const APP = resolve(root, process.env.HVEMVED_DESKTOP_BIN ?? 'target/debug/hvemved-desktop');
const CLI = resolve(root, process.env.HVEMVED_BIN ?? 'target/release/hvemved');
const PORT = 5444 + (process.pid % 1000);
const DRIVER = `http://127.0.0.1:${PORT}`;

/** Every call that opens a connection or sends to an address, and execve,
 *  which shows which programs the trace followed. `-s 0`: no payloads, so
 *  bytes sent cannot be mistaken for an address. */
const STRACE_ARGS = ['-f', '-qq', '-s', '0', '-e', 'trace=connect,sendto,sendmsg,sendmmsg,execve'];

const scratch = mkdtempSync(join(tmpdir(), 'hvemved-network-'));
let driver;

before(async () => {
  execFileSync('strace', ['-V']);
  driver = spawn('tauri-driver', ['--port', String(PORT)], { stdio: ['ignore', 'inherit', 'inherit'] });
  await waitFor('tauri-driver', async () => (await fetch(DRIVER + '/status')).ok);
});

after(async () => {
  // SIGTERM, not SIGKILL: a killed driver leaves WebKitWebDriver behind.
  driver?.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  rmSync(scratch, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Reading the trace

const LOOPBACK_V4 = /^127\.\d+\.\d+\.\d+$/;
const LOOPBACK_V6 = /^(::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOCAL_FAMILIES = new Set(['AF_UNIX', 'AF_NETLINK', 'AF_UNSPEC']);

/** Every address the traced processes connected or sent to, with the line
 *  it was found on. */
function addressesIn(trace) {
  const found = [];
  for (const line of trace.split('\n')) {
    for (const m of line.matchAll(/sa_family=(\w+)/g)) {
      const family = m[1];
      const rest = line.slice(m.index);
      let address = null;
      let port = null;
      if (family === 'AF_INET') {
        const inet = /^sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/.exec(rest);
        if (inet) [port, address] = [Number(inet[1]), inet[2]];
      } else if (family === 'AF_INET6') {
        const inet6 = /^sa_family=AF_INET6, sin6_port=htons\((\d+)\), [^}]*?inet_pton\(AF_INET6, "([^"]+)"/.exec(rest);
        if (inet6) [port, address] = [Number(inet6[1]), inet6[2]];
      }
      found.push({ family, address, port, line });
    }
  }
  return found;
}

/** The addresses that leave the machine, or could not be read (and so
 *  cannot be shown not to). */
function outbound(addresses) {
  return addresses.filter(({ family, address, port }) => {
    if (LOCAL_FAMILIES.has(family)) return false;
    if (family === 'AF_INET' && address !== null) return !LOOPBACK_V4.test(address) || port === 53;
    if (family === 'AF_INET6' && address !== null) return !LOOPBACK_V6.test(address) || port === 53;
    return true;
  });
}

/** The programs the trace followed, by their path. */
function programsIn(trace) {
  return [...trace.matchAll(/execve\("([^"]+)".* = 0$/gm)].map((m) => m[1]);
}

test('the trace reader tells loopback from the outside world', () => {
  const trace = [
    '101 connect(3, {sa_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X99"}, 20) = 0',
    '101 connect(9, {sa_family=AF_INET, sin_port=htons(4444), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
    '102 connect(4, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0',
    '103 connect(5, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
    '103 sendto(5, ""..., 29, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.215.14")}, 16) = 29',
    '104 connect(6, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:2800:21f:cb07:6820:80da:af6b:8b2c", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>',
    '105 sendmsg(7, {msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, msg_namelen=16, msg_iov=[], msg_iovlen=0, msg_controllen=0, msg_flags=0}, 0) = 0',
    '106 connect(8, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL)}, 20) = 0',
    '107 sendto(3, ""..., 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20',
  ].join('\n');
  const all = addressesIn(trace);
  assert.equal(all.length, 9);
  assert.deepEqual(
    outbound(all).map(({ family, address, port }) => `${family} ${address}:${port}`),
    ['AF_INET 10.255.255.53:53', 'AF_INET 93.184.215.14:443', 'AF_INET6 2606:2800:21f:cb07:6820:80da:af6b:8b2c:443', 'AF_INET 127.0.0.53:53', 'AF_PACKET null:null'],
  );
});

test('the trace reader sees a real process reach out', () => {
  // UDP: connect() only sets the destination, so nothing leaves the machine;
  // the addresses are documentation ranges, which nothing routes anyway.
  const script = `const dgram = require('node:dgram');
    const away4 = dgram.createSocket('udp4');
    const away6 = dgram.createSocket('udp6');
    const here = dgram.createSocket('udp4');
    away4.on('error', () => {});
    away6.on('error', () => {});
    away4.connect(443, '192.0.2.1', () => away4.close());
    away6.connect(443, '2001:db8::1', () => away6.close());
    here.send('x', 9, '127.0.0.1', () => here.close());
    setTimeout(() => {}, 200);`;
  const traceFile = join(scratch, 'self-test.trace');
  execFileSync('strace', [...STRACE_ARGS, '-o', traceFile, '--', process.execPath, '-e', script]);
  const trace = readFileSync(traceFile, 'utf8');
  const all = addressesIn(trace);
  assert.ok(all.some(({ address, port }) => address === '127.0.0.1' && port === 9), trace);
  assert.deepEqual(
    outbound(all).map(({ address, port }) => `${address} ${port}`).sort(),
    ['192.0.2.1 443', '2001:db8::1 443'],
  );
  assert.deepEqual(programsIn(trace), [process.execPath]);
});

/** Fails with the offending lines when the trace shows any outbound
 *  connection, and returns what the trace saw. */
function assertNoOutbound(traceFile) {
  const trace = readFileSync(traceFile, 'utf8');
  const addresses = addressesIn(trace);
  const leaving = outbound(addresses);
  assert.deepEqual(leaving.map(({ line }) => line), [], 'connections that leave the machine');
  return { trace, addresses };
}

// ---------------------------------------------------------------------------
// Processes

async function waitFor(what, fn, timeoutMs = 20000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const value = await fn();
      if (value && !(Array.isArray(value) && value.length === 0)) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? ': ' + last.message : ''}`);
}

/** The command line of every running process, by pid. */
function processes() {
  const all = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      all.set(entry, readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean));
    } catch { /* the process ended meanwhile */ }
  }
  return all;
}

/** Stops every process whose command line includes `marker` (a temporary
 *  directory of this test) and waits until they are gone. strace is left to
 *  end by itself when the last process it follows has: killed, it could
 *  leave its trace unfinished, and a trace cut short proves nothing. */
async function stopProcessesWith(marker) {
  const ours = () => [...processes()].filter(([, argv]) => argv.some((arg) => arg.includes(marker)));
  for (const [pid, argv] of ours()) {
    if (!argv[0].endsWith('strace')) {
      try { process.kill(Number(pid), 'SIGTERM'); } catch { /* gone */ }
    }
  }
  try {
    await waitFor(`the processes of ${marker} to end`, () => ours().length === 0, 10000);
  } catch (err) {
    for (const [pid] of ours()) {
      try { process.kill(Number(pid), 'SIGKILL'); } catch { /* gone */ }
    }
    throw err;
  }
}

// ---------------------------------------------------------------------------
// WebDriver

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

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const find = (session, css) => wd('POST', `/session/${session}/elements`, { using: 'css selector', value: css });
const textOf = (session, el) => wd('GET', `/session/${session}/element/${el[ELEMENT]}/text`);
const click = (session, el) => wd('POST', `/session/${session}/element/${el[ELEMENT]}/click`, {});
const type = (session, el, text) => wd('POST', `/session/${session}/element/${el[ELEMENT]}/value`, { text });
const run = (session, script) => wd('POST', `/session/${session}/execute/sync`, { script, args: [] });
const runAsync = (session, script) => wd('POST', `/session/${session}/execute/async`, { script, args: [] });

/** A shell script that starts the app under strace, for WebKitWebDriver to
 *  start in the app's place. */
function tracedApp(traceFile) {
  const quote = (s) => `'${s.replaceAll("'", `'\\''`)}'`;
  const script = join(scratch, 'traced-app.sh');
  writeFileSync(script, `#!/bin/sh\nexec strace ${STRACE_ARGS.map(quote).join(' ')} -o ${quote(traceFile)} -- ${quote(APP)} "$@"\n`);
  chmodSync(script, 0o755);
  return script;
}

test('the desktop app connects to nothing outside the machine through a whole session', async () => {
  const dataDir = mkdtempSync(join(scratch, 'desktop-'));
  const traceFile = join(scratch, 'desktop.trace');
  const session = (await wd('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        browserName: 'wry',
        'tauri:options': { application: tracedApp(traceFile), args: ['--data-dir', dataDir] },
      },
    },
  })).sessionId;
  try {
    const [input] = await waitFor('the search field', () => find(session, 'input[type=search]'), 60000);
    await type(session, input, 'mentalisering');
    const cards = await waitFor('search results', () => find(session, '.card__link'), 30000);
    const name = await textOf(session, cards[0]);
    await click(session, cards[0]);
    await waitFor('the profile', async () => {
      const [h1] = await find(session, 'main h1');
      return h1 && (await textOf(session, h1)) === name;
    });
    const routes = await run(session, "return [...document.querySelectorAll('#site-nav a[data-route]')].map((a) => a.dataset.route)");
    assert.ok(routes.length >= 7, `the screens: ${routes}`);
    for (const route of routes) {
      const [link] = await find(session, `#site-nav a[data-route=${route}]`);
      await click(session, link);
      await waitFor(`the ${route} screen`, async () => (await find(session, `#site-nav a[data-route=${route}][aria-current=page]`)).length > 0);
    }

    // The page itself tries to reach the internet, and is stopped before a
    // connection is made.
    const attempts = await runAsync(session, `const done = arguments[arguments.length - 1];
      const outcome = (promise) => promise.then(() => 'reached', (err) => 'stopped: ' + (err && err.name));
      const image = new Promise((resolve, reject) => {
        const img = new Image();
        img.onload = resolve;
        img.onerror = () => reject(new Error('image'));
        img.src = 'https://example.com/pixel.png';
      });
      const socket = new Promise((resolve, reject) => {
        try {
          const ws = new WebSocket('wss://example.com/');
          ws.onopen = resolve;
          ws.onerror = () => reject(new Error('socket'));
        } catch (err) {
          reject(err);
        }
      });
      Promise.all([
        outcome(fetch('https://example.com/')),
        outcome(fetch('http://93.184.215.14/')),
        outcome(image),
        outcome(socket),
      ]).then(done);`);
    for (const attempt of attempts) assert.match(attempt, /^stopped/, JSON.stringify(attempts));
    const before = await run(session, 'return location.href');
    await run(session, "location.href = 'https://example.com/'; return null");
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await run(session, 'return location.href'), before, 'the navigation was not followed');
    const [stillThere] = await find(session, '#site-nav a[data-route]');
    assert.ok(stillThere, 'the app page is still shown');
  } finally {
    await wd('DELETE', `/session/${session}`).catch(() => {});
    await stopProcessesWith(dataDir);
  }

  const { trace, addresses } = assertNoOutbound(traceFile);
  const programs = programsIn(trace);
  for (const program of [APP, 'WebKitWebProcess', 'WebKitNetworkProcess']) {
    assert.ok(programs.some((p) => p.endsWith(program)), `the trace followed ${program}: ${programs.join(', ')}`);
  }
  // The trace saw the app's connections to this machine (the X server at
  // least), so an empty list of outbound ones means none, not a blind trace.
  assert.ok(addresses.some(({ family }) => family === 'AF_UNIX'), 'the trace records connect()');
  console.log(`# desktop session: ${addresses.length} connections and addressed sends, all on this machine, by ${new Set(programs).size} programs`);
});

test('hvemved serve connects to nothing outside the machine while it serves a session', async () => {
  const dataDir = mkdtempSync(join(scratch, 'serve-'));
  const traceFile = join(scratch, 'serve.trace');
  execFileSync(CLI, ['--data-dir', dataDir, 'demo']);
  const server = spawn('strace', [...STRACE_ARGS, '-o', traceFile, '--', CLI, '--data-dir', dataDir, 'serve', '--addr', '127.0.0.1:0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = new Promise((r) => server.once('exit', r));
  try {
    const url = await new Promise((resolvePromise, reject) => {
      createInterface({ input: server.stdout }).once('line', (line) => {
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(line);
        if (m) resolvePromise(m[1]); else reject(new Error(`hvemved serve said: ${line}`));
      });
      server.once('exit', (code) => reject(new Error(`hvemved serve exited with ${code}`)));
    });
    const api = async (command, args = {}) => {
      const response = await fetch(url + 'api/' + command, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(args),
      });
      assert.equal(response.status, 200, `${command}: ${response.status}`);
      return response.json();
    };
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Hvem ved\?/);
    const found = await api('search', { query: 'mentalisering', limit: 5 });
    assert.ok(found.results.length > 0, 'the search finds people');
    const person = await api('person_show', { id: found.results[0].id });
    assert.equal(person.id, found.results[0].id);
    await api('stats');
    await api('course_list', { query: '', limit: 20 });
    await api('shareback_list', { upcoming: true });
    await api('competence_map');
    await api('initiative_list');
    await api('owner_list');
    await api('thesaurus_list');
    await api('export_bundle');
  } finally {
    await stopProcessesWith(dataDir);
    await ended;
  }

  const { trace, addresses } = assertNoOutbound(traceFile);
  assert.ok(programsIn(trace).some((p) => p === CLI), 'the trace followed hvemved');
  console.log(`# hvemved serve: ${addresses.length} connections and addressed sends, all on this machine`);
});
