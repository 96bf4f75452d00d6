// The shell: hash routing (so the back button works and searches can be
// linked), the header's language switch and demo marker, and moving focus to
// each new screen so keyboard and screen-reader users know where they are.
// Who the user is ("Hvem er du?") is known before the first screen renders,
// and a change of it renders the current screen again with what the new
// viewer may see.

import { call } from './api.js';
import { t, lang, setLang, onLangChange, formatNumber } from './i18n.js';
import { clear, h } from './dom.js';
import * as searchScreen from './screens/search.js';
import { loadSession, onSessionChange, session, isHr } from './session.js';
import { initWho } from './components/who.js';

// The search screen is what the app opens on; the others load when first
// visited, so the first screen does not wait for every module of the app.
const personScreen = () => import('./screens/person.js');
const coursesScreen = () => import('./screens/courses.js');
const importScreen = () => import('./screens/importexport.js');
const thesaurusScreen = () => import('./screens/thesaurus.js');
const shareBackScreen = () => import('./screens/shareback.js');
const competenceScreen = () => import('./screens/competence.js');
const initiativesScreen = () => import('./screens/initiatives.js');
const privacyScreen = () => import('./screens/privacy.js');

const main = document.getElementById('main');
const state = {
  stats: null,
  cleanup: null,
  navSeq: 0,
  firstRender: true,
  lastPersonId: null,
  currentRoute: null,
  // Resolves once the core has said who the viewer is; screens wait for it.
  sessionReady: null,
  // What the next screen says first, when the screen that did something is
  // gone by then (a person erased: their profile no longer exists).
  notice: null,
};

export function parseHash(hash = window.location.hash) {
  const raw = hash.replace(/^#/, '') || '/sog';
  const [pathPart, queryPart = ''] = raw.split('?');
  const segments = pathPart.split('/').filter(Boolean).map((s) => {
    try { return decodeURIComponent(s); } catch { return s; }
  });
  return { segments, query: new URLSearchParams(queryPart) };
}

function resolve({ segments }) {
  const [first, second] = segments;
  if (!first || first === 'sog') return { name: 'search', module: async () => searchScreen };
  if (first === 'person' && second) return { name: 'person', module: personScreen, id: second };
  if (first === 'kurser') return { name: 'courses', module: coursesScreen, sub: second || null };
  if (first === 'import') return { name: 'import', module: importScreen };
  if (first === 'begreber') return { name: 'thesaurus', module: thesaurusScreen };
  if (first === 'videndeling') return { name: 'shareback', module: shareBackScreen };
  if (first === 'kompetencekort') return { name: 'competence', module: competenceScreen };
  if (first === 'initiativer') return { name: 'initiatives', module: initiativesScreen };
  if (first === 'persondata') return { name: 'privacy', module: privacyScreen };
  return { name: 'notfound', module: async () => ({ render: renderNotFound }) };
}

function renderNotFound(container) {
  container.append(
    h('h1', { tabindex: '-1' }, t('common.notFoundTitle')),
    h('p', {}, t('common.notFoundBody')),
    h('p', {}, h('a', { href: '#/sog' }, t('common.toSearch'))));
  return { title: t('common.notFoundTitle') };
}

/** Goes to `hash`; `notice` ({ title, lines }) is shown at the top of that screen. */
export function navigate(hash, { replace = false, notice = null } = {}) {
  state.notice = notice;
  if (replace) {
    // replaceState does not fire hashchange: the calling screen already shows this state.
    window.history.replaceState(null, '', hash);
  } else {
    window.location.hash = hash;
  }
}

function updateNav(routeName) {
  const navName = routeName === 'person' ? 'search' : routeName;
  document.querySelectorAll('#site-nav a[data-route]').forEach((a) => {
    if (a.dataset.route === navName) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

async function renderRoute({ reason = 'navigate' } = {}) {
  const parsed = parseHash();
  const route = resolve(parsed);
  const previous = state.currentRoute;
  const seq = ++state.navSeq;
  const notice = state.notice;
  state.notice = null;

  if (state.cleanup) { try { state.cleanup(); } catch { /* a screen's cleanup must not block the next */ } }
  state.cleanup = null;
  clear(main);
  main.setAttribute('aria-busy', 'true');
  updateNav(route.name);

  const returnTo = previous?.name === 'person' && route.name === 'search' ? state.lastPersonId : null;
  if (route.name === 'person') state.lastPersonId = route.id;

  const ctx = {
    route,
    query: parsed.query,
    reason,
    firstRender: state.firstRender,
    returnTo,
    stats: () => state.stats,
    refreshStats,
    navigate,
    isCurrent: () => seq === state.navSeq,
  };

  let result = {};
  try {
    await state.sessionReady;
    const screen = await route.module();
    if (seq !== state.navSeq) return;
    result = (await screen.render(main, ctx)) || {};
  } catch (err) {
    console.error(err);
    if (seq !== state.navSeq) return;
    clear(main);
    main.append(h('h1', { tabindex: '-1' }, t('common.error')), h('p', {}, String(err?.message || err)));
  }
  if (seq !== state.navSeq) return;
  main.removeAttribute('aria-busy');
  const noticeBox = notice ? showNotice(notice) : null;
  state.cleanup = result.cleanup || null;
  state.currentRoute = route;
  document.title = `${result.title || t('app.name')} – ${t('app.name')}`;

  // A language switch keeps focus on the switch, a new "Hvem er du?" on "Skift";
  // everything else moves it to the screen.
  if (reason !== 'lang' && reason !== 'session') {
    const target = noticeBox || result.focus?.() || main.querySelector('h1');
    if (target) {
      if (!target.hasAttribute('tabindex') && !/^(INPUT|BUTTON|A|SELECT|TEXTAREA)$/.test(target.tagName)) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus({ preventScroll: false });
    }
  }
  // When the app became usable, for the desktop test's start-up figure.
  if (state.firstRender) performance.mark('hvemved:first-screen');
  state.firstRender = false;
}

// Right under the screen's heading, and focused, so it is read before the screen.
function showNotice({ title, lines = [] }) {
  const box = h('div', { class: 'alert alert--ok notice', tabindex: '-1' },
    h('p', { class: 'alert__title' }, title),
    lines.length ? h('ul', {}, lines.map((line) => h('li', {}, line))) : null);
  const heading = main.querySelector('h1');
  if (heading) heading.after(box); else main.prepend(box);
  return box;
}

async function refreshStats() {
  try {
    state.stats = await call('stats', {});
  } catch {
    state.stats = null;
  }
  renderShell();
  return state.stats;
}

function renderShell() {
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  document.getElementById('site-nav').setAttribute('aria-label', t('shell.navLabel'));
  // The core refuses these screens to others; the menu leaves them out too.
  document.querySelectorAll('#site-nav [data-hr-only]').forEach((item) => {
    item.hidden = !session() || !isHr();
  });
  const switcher = document.getElementById('lang-switch');
  switcher.textContent = t('shell.langSwitch');
  switcher.lang = t('shell.langSwitchLang');

  const badge = document.getElementById('demo-badge');
  badge.hidden = !state.stats?.demo;
  badge.title = t('shell.demoExplained');

  const footer = document.getElementById('footer-stats');
  footer.textContent = state.stats
    ? t('shell.footer', { people: formatNumber(state.stats.active_people ?? state.stats.people), courses: formatNumber(state.stats.courses) })
    : '';
}

function start() {
  const who = initWho();
  document.getElementById('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'da' ? 'en' : 'da');
  });
  // The skip link must land on main without changing the route hash.
  document.getElementById('skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  onLangChange(() => {
    renderShell();
    who.relabel();
    renderRoute({ reason: 'lang' });
  });
  onSessionChange(() => {
    renderRoute({ reason: 'session' });
    refreshStats();
  });
  state.sessionReady = loadSession().then(() => { who.start(); renderShell(); });
  window.addEventListener('hashchange', () => renderRoute());
  renderShell();
  refreshStats();
  renderRoute({ reason: 'start' });
}

start();
