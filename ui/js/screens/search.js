// The start screen: "who knows about …?". Searches while typing, keeps the
// query and filters in the address so a search can be linked and the back
// button returns to it, and lets the keyboard move through the result cards.

import { call } from '../api.js';
import { t, levelName } from '../i18n.js';
import { h, clear, highlighted, announce, debounce, uid, errorBox } from '../dom.js';

const PAGE = 20;
const FILTER_PARAMS = { department: 'afd', profession: 'fag', min_level: 'niveau', language: 'sprog', can_mentor: 'mentor' };

function readState(query) {
  const filters = {};
  for (const [key, param] of Object.entries(FILTER_PARAMS)) {
    const value = query.get(param);
    if (!value) continue;
    if (key === 'min_level') { const n = Number(value); if (n >= 1 && n <= 5) filters[key] = n; }
    else if (key === 'can_mentor') filters[key] = value === '1';
    else filters[key] = value;
  }
  return { q: query.get('q') || '', filters, limit: PAGE };
}

function stateToHash({ q, filters }) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [key, param] of Object.entries(FILTER_PARAMS)) {
    const value = filters[key];
    if (value === undefined || value === null || value === '' || value === false) continue;
    params.set(param, value === true ? '1' : String(value));
  }
  const s = params.toString();
  return '#/sog' + (s ? '?' + s : '');
}

export function searchHash(q, filters = {}) {
  return stateToHash({ q, filters });
}

function initials(name) {
  return String(name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]).join('').toUpperCase();
}

export async function render(main, ctx) {
  const state = readState(ctx.query);
  let seq = 0;
  let lastResponse = null;

  const inputId = uid('q');
  const hintId = uid('q-hint');
  const input = h('input', {
    id: inputId,
    type: 'search',
    class: 'input searchbar__input',
    name: 'q',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': hintId,
    value: state.q,
  });
  const heading = h('h1', { tabindex: '-1', class: 'search-title' }, t('search.heading'));
  const form = h('form', { class: 'searchbar', role: 'search', 'aria-label': t('search.title'), onsubmit: (e) => { e.preventDefault(); runNow(); } },
    h('label', { for: inputId, class: 'searchbar__label' }, t('search.label')),
    h('div', { class: 'searchbar__row' },
      input,
      h('button', { type: 'submit', class: 'btn btn--primary searchbar__btn' }, t('search.submit'))),
    h('p', { id: hintId, class: 'searchbar__hint' }, t('search.hint')));

  // Filters fold away on narrow screens (and at 200 % zoom) so results come first into view.
  const facetsSummaryText = h('span', {}, t('facets.title'));
  const facetsActive = h('span', { class: 'facets__active' });
  const facetsBody = h('div', { class: 'facets__body' });
  const facetsBox = h('details', { class: 'facets', open: window.matchMedia('(min-width: 901px)').matches },
    h('summary', { class: 'facets__summary' }, facetsSummaryText, facetsActive), facetsBody);
  const resultsHeadingId = uid('results-h');
  const meta = h('div', { class: 'results__meta' });
  const list = h('ol', { class: 'cards', 'aria-labelledby': resultsHeadingId });
  const more = h('div', { class: 'results__more' });
  const resultsBox = h('section', { class: 'results', 'aria-labelledby': resultsHeadingId },
    h('h2', { id: resultsHeadingId, class: 'visually-hidden' }, t('search.resultsLabel')),
    meta, list, more);
  const body = h('div', { class: 'search-body' }, facetsBox, resultsBox);
  const emptyState = renderEmptyState();

  main.append(h('div', { class: 'search-head' }, heading, form), body, emptyState);

  function renderEmptyState() {
    return h('section', { class: 'empty-state', 'aria-labelledby': 'empty-h' },
      h('h2', { id: 'empty-h' }, t('search.emptyTitle')),
      h('p', {}, t('search.emptyBody')),
      h('ul', { class: 'examples' }, t('search.examples').map((ex) =>
        h('li', {}, h('button', { type: 'button', class: 'chip chip--button', onclick: () => searchFor(ex) }, ex)))));
  }

  function showEmpty(isEmpty) {
    emptyState.hidden = !isEmpty;
    body.hidden = isEmpty;
  }

  function syncUrl() {
    ctx.navigate(stateToHash(state), { replace: true });
  }

  function searchFor(text) {
    input.value = text;
    state.q = text;
    state.limit = PAGE;
    syncUrl();
    input.focus();
    runNow();
  }

  async function run() {
    const mine = ++seq;
    const q = state.q.trim();
    if (!q) {
      lastResponse = null;
      clear(list); clear(meta); clear(more); clear(facetsBody);
      showEmpty(true);
      return;
    }
    resultsBox.setAttribute('aria-busy', 'true');
    const slow = window.setTimeout(() => {
      if (mine === seq) { clear(meta); meta.append(h('p', { class: 'results__count' }, t('search.searching'))); }
    }, 300);
    let response;
    try {
      response = await call('search', { query: q, limit: state.limit, filters: cleanFilters(state.filters) });
    } catch (err) {
      window.clearTimeout(slow);
      if (mine !== seq) return;
      resultsBox.removeAttribute('aria-busy');
      showEmpty(false);
      clear(meta); clear(list); clear(more);
      meta.append(errorBox(err));
      return;
    }
    window.clearTimeout(slow);
    // A slower answer to an older query must not overwrite a newer one.
    if (mine !== seq || !ctx.isCurrent()) return;
    resultsBox.removeAttribute('aria-busy');
    lastResponse = response;
    showEmpty(false);
    renderResults(response);
    renderFacets(response.facets || {});
    announce(t('search.found', response.total ?? response.results.length));
  }

  // A search takes a millisecond or two even at 100 000 people, so results
  // may follow the typing closely; the pause only spares a search per key
  // for quick typists.
  const runSoon = debounce(run, 120);
  function runNow() { runSoon.cancel(); return run(); }

  function cleanFilters(filters) {
    const out = {};
    for (const [k, v] of Object.entries(filters)) {
      if (v === undefined || v === null || v === '' || v === false) continue;
      out[k] = v;
    }
    return out;
  }

  function renderResults(response) {
    clear(meta); clear(list); clear(more);
    const total = response.total ?? response.results.length;
    meta.append(h('p', { class: 'results__count' }, t('search.found', total),
      total > response.results.length ? h('span', { class: 'results__shown' }, ' · ', t('search.showing', response.results.length, total)) : null));

    if (response.did_you_mean) {
      meta.append(h('p', { class: 'results__dym' }, t('search.didYouMean'), ' ',
        h('button', { type: 'button', class: 'linklike', onclick: () => searchFor(response.did_you_mean) }, response.did_you_mean),
        '?'));
    }
    if (response.also_searched?.length) {
      meta.append(h('p', { class: 'results__also' }, t('search.alsoSearched'), ' ',
        response.also_searched.map((term, i) => [i ? ', ' : '', h('span', { class: 'term' }, term)])));
    }

    if (!response.results.length) {
      list.hidden = true;
      meta.append(h('div', { class: 'none-found' },
        h('p', { class: 'none-found__title' }, t('search.noneTitle')),
        h('p', {}, t('search.noneBody'))));
      return;
    }
    list.hidden = false;
    response.results.forEach((person) => list.append(renderCard(person)));

    if (total > response.results.length) {
      more.append(h('button', {
        type: 'button',
        class: 'btn',
        onclick: async () => {
          const focusIndex = response.results.length;
          state.limit += PAGE;
          await runNow();
          list.querySelectorAll('.card__link')[focusIndex]?.focus();
        },
      }, t('search.showMore', Math.min(PAGE, total - response.results.length))));
    }
  }

  function renderCard(person) {
    const evidence = (person.evidence || []).slice(0, 3);
    const link = h('a', { class: 'card__link', href: '#/person/' + encodeURIComponent(person.id), dataset: { id: person.id } }, person.name);
    return h('li', { class: 'card-item' },
      h('article', { class: 'card person-card' },
        h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials(person.name)),
        h('div', { class: 'person-card__body' },
          h('h3', { class: 'card__title' }, link),
          h('p', { class: 'card__sub' },
            person.title ? h('span', {}, person.title) : null,
            person.title && person.department ? h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ') : null,
            person.department ? h('span', { class: 'unit' }, person.department) : null),
          evidence.length ? h('ul', { class: 'evidence', 'aria-label': t('search.whyLabel') }, evidence.map((ev) =>
            h('li', { class: 'evidence__item' },
              h('span', { class: ['tag', 'tag--' + ev.kind] }, t('kind.' + ev.kind)),
              ' ',
              h('span', { class: 'evidence__text' },
                ev.kind === 'owner' ? t('search.ownerOf', person.knowledge_owner) : highlighted(ev.text))))) : null)));
  }

  function facetSelect({ key, label, values, allLabel, format }) {
    const id = uid('facet');
    const current = state.filters[key] || '';
    const options = [...values];
    // Keep the chosen value in the list even when the new counts no longer have it.
    if (current && !options.some((o) => o.value === current)) options.unshift({ value: current, count: 0 });
    const select = h('select', {
      id,
      class: 'select',
      dataset: { focusKey: key },
      onchange: () => {
        state.filters[key] = select.value || undefined;
        state.limit = PAGE;
        syncUrl();
        runNow();
      },
    }, h('option', { value: '' }, allLabel),
    options.map((o) => h('option', { value: o.value, selected: o.value === current }, format ? format(o) : t('facets.option', o.value, o.count))));
    return h('div', { class: 'facet' }, h('label', { for: id, class: 'facet__label' }, label), select);
  }

  function renderFacets(facets) {
    const focusKey = document.activeElement?.dataset?.focusKey;
    clear(facetsBody);
    const active = Object.keys(cleanFilters(state.filters)).length;
    facetsActive.textContent = active ? ' ' + t('facets.active', active) : '';
    const facetsRoot = facetsBody;

    facetsRoot.append(facetSelect({
      key: 'department',
      label: t('facets.department'),
      values: facets.departments || [],
      allLabel: t('facets.all'),
      format: (o) => {
        const parts = o.value.split(' / ');
        const indent = '\u00a0\u00a0\u00a0'.repeat(parts.length - 1);
        return indent + t('facets.option', parts[parts.length - 1], o.count);
      },
    }));
    facetsRoot.append(facetSelect({ key: 'profession', label: t('facets.profession'), values: facets.professions || [], allLabel: t('facets.all') }));

    // Minimum level as radios: five fixed steps read better than a select.
    const levelCounts = Object.fromEntries((facets.levels || []).map((l) => [String(l.value), l.count]));
    const radioName = uid('level');
    const currentLevel = state.filters.min_level ? String(state.filters.min_level) : '';
    const levelOptions = [{ value: '', text: t('facets.anyLevel') }]
      .concat([1, 2, 3, 4, 5].map((n) => ({ value: String(n), text: t('facets.levelOption', n, levelName(n), levelCounts[String(n)] ?? 0) })));
    facetsRoot.append(h('fieldset', { class: 'facet facet--radios' },
      h('legend', { class: 'facet__label' }, t('facets.level')),
      levelOptions.map((o) => {
        const id = uid('lvl');
        return h('div', { class: 'radio' },
          h('input', {
            type: 'radio', id, name: radioName, value: o.value, checked: o.value === currentLevel,
            dataset: { focusKey: 'level-' + o.value },
            onchange: () => {
              state.filters.min_level = o.value ? Number(o.value) : undefined;
              state.limit = PAGE;
              syncUrl();
              runNow();
            },
          }),
          h('label', { for: id }, o.text));
      })));

    facetsRoot.append(facetSelect({ key: 'language', label: t('facets.language'), values: facets.languages || [], allLabel: t('facets.all') }));

    const mentorId = uid('mentor');
    facetsRoot.append(h('fieldset', { class: 'facet' },
      h('legend', { class: 'facet__label' }, t('facets.mentor')),
      h('div', { class: 'checkbox' },
        h('input', {
          type: 'checkbox', id: mentorId, checked: !!state.filters.can_mentor, dataset: { focusKey: 'mentor' },
          onchange: (e) => {
            state.filters.can_mentor = e.target.checked || undefined;
            state.limit = PAGE;
            syncUrl();
            runNow();
          },
        }),
        h('label', { for: mentorId }, t('facets.mentorOnly', facets.can_mentor ?? 0)))));

    if (Object.keys(cleanFilters(state.filters)).length) {
      facetsRoot.append(h('button', {
        type: 'button',
        class: 'btn btn--small',
        dataset: { focusKey: 'reset' },
        onclick: () => {
          state.filters = {};
          state.limit = PAGE;
          syncUrl();
          runNow().then(() => input.focus());
        },
      }, t('facets.reset')));
    }

    if (focusKey) facetsBody.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  function cardLinks() {
    return [...list.querySelectorAll('.card__link')];
  }

  input.addEventListener('input', () => {
    state.q = input.value;
    state.limit = PAGE;
    syncUrl();
    runSoon();
  });

  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      const first = cardLinks()[0];
      if (first) { e.preventDefault(); first.focus(); }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clearSearch();
    }
  });

  list.addEventListener('keydown', (e) => {
    const links = cardLinks();
    const index = links.indexOf(document.activeElement);
    if (e.key === 'ArrowDown' && index >= 0) {
      e.preventDefault();
      links[Math.min(index + 1, links.length - 1)].focus();
    } else if (e.key === 'ArrowUp' && index >= 0) {
      e.preventDefault();
      if (index === 0) input.focus(); else links[index - 1].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clearSearch();
    }
  });

  function clearSearch() {
    input.value = '';
    state.q = '';
    state.filters = {};
    state.limit = PAGE;
    syncUrl();
    runNow();
    input.focus();
  }

  await run();

  return {
    title: state.q ? `${t('search.title')}: ${state.q}` : t('search.title'),
    cleanup: () => { runSoon.cancel(); seq++; },
    focus: () => {
      if (ctx.returnTo) {
        const back = cardLinks().find((a) => a.dataset.id === ctx.returnTo);
        if (back) return back;
      }
      if (ctx.firstRender) return input;
      return null;
    },
  };
}
