// The municipality's own words: HR looks up which concept a term belongs to
// and adds or edits terms (Danish synonyms, abbreviations, English labels).
// Searches expand with them from the next query on; nothing is reindexed.

import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, announce, field, errorBox, errorSummary } from '../dom.js';
import { ownersSection } from './owners.js';

const CATEGORIES = ['boern-unge', 'socialt-arbejde', 'sundhed', 'rusmidler', 'beskaeftigelse',
  'uddannelse', 'handicap', 'aeldre', 'administration', 'samarbejde'];

const splitList = (text) => String(text || '').split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);

export async function render(main) {
  const lookupInput = h('input', { type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const lookupForm = h('form', { class: 'searchbar', role: 'search' },
    field({ label: t('thesaurus.lookupLabel'), hint: t('thesaurus.lookupHint'), control: lookupInput }),
    h('button', { type: 'submit', class: 'btn btn--primary' }, t('thesaurus.lookup')));
  const found = h('div', { 'aria-live': 'polite' });

  const id = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' });
  const category = h('select', {}, CATEGORIES.map((c) => h('option', { value: c }, t('thesaurus.cat.' + c))));
  const preferred = h('input', { type: 'text', autocomplete: 'off' });
  const alternatives = h('textarea', { rows: '2' });
  const abbreviations = h('input', { type: 'text', autocomplete: 'off' });
  const english = h('textarea', { rows: '2' });
  const fields = {
    id: field({ label: t('thesaurus.id'), hint: t('thesaurus.idHint'), control: id, required: true }),
    category: field({ label: t('thesaurus.category'), control: category, required: true }),
    preferred: field({ label: t('thesaurus.preferred'), control: preferred, required: true }),
    alternatives: field({ label: t('thesaurus.alternatives'), hint: t('thesaurus.listHint'), control: alternatives, optional: true }),
    abbreviations: field({ label: t('thesaurus.abbreviations'), hint: t('thesaurus.listHint'), control: abbreviations, optional: true }),
    english: field({ label: t('thesaurus.english'), hint: t('thesaurus.listHint'), control: english, required: true }),
  };
  const formStatus = h('div', {});
  const formHeading = h('h2', { id: 'thesaurus-form-h', tabindex: '-1' }, t('thesaurus.formHeading'));
  const form = h('form', { class: 'form panel', 'aria-labelledby': 'thesaurus-form-h', novalidate: true },
    formHeading, formStatus, Object.values(fields),
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'btn btn--primary' }, t('common.save'))));

  function edit(concept) {
    id.value = concept.id;
    category.value = concept.category;
    preferred.value = concept.preferred;
    alternatives.value = (concept.alternatives || []).join(', ');
    abbreviations.value = (concept.abbreviations || []).join(', ');
    english.value = (concept.english || []).join(', ');
    clear(formStatus);
    formHeading.focus();
  }

  function conceptCard(concept) {
    const row = (label, list) => (list?.length ? h('div', {}, h('dt', {}, label), h('dd', {}, list.join(', '))) : null);
    return h('li', { class: 'card' },
      h('h3', { class: 'card__title' }, concept.preferred),
      h('p', { class: 'card__sub' }, t('thesaurus.cat.' + concept.category), ' · ', concept.id),
      h('dl', { class: 'deflist' },
        row(t('thesaurus.alternatives'), concept.alternatives),
        row(t('thesaurus.abbreviations'), concept.abbreviations),
        row(t('thesaurus.english'), concept.english)),
      h('button', { type: 'button', class: 'btn', onclick: () => edit(concept) }, t('thesaurus.edit', concept.preferred)));
  }

  lookupForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(found);
    const term = lookupInput.value.trim();
    if (!term) return;
    try {
      const concepts = await call('thesaurus_lookup', { term });
      found.append(h('p', {}, t('thesaurus.found', concepts.length, term)));
      if (concepts.length) found.append(h('ul', { class: 'cards' }, concepts.map(conceptCard)));
      announce(t('thesaurus.found', concepts.length, term));
    } catch (err) {
      found.append(errorBox(err));
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(formStatus);
    const missing = [];
    for (const [key, control] of [['id', id], ['preferred', preferred], ['english', english]]) {
      const empty = !control.value.trim();
      fields[key].setError(empty ? t('thesaurus.missing') : null);
      if (empty) missing.push({ control, message: `${fields[key].querySelector('label').firstChild.textContent}: ${t('thesaurus.missing')}` });
    }
    if (missing.length) {
      const summary = errorSummary(missing);
      formStatus.append(summary);
      summary.focus();
      return;
    }
    const concept = {
      id: id.value.trim(),
      category: category.value,
      preferred: preferred.value.trim(),
      alternatives: splitList(alternatives.value),
      abbreviations: splitList(abbreviations.value),
      english: splitList(english.value),
    };
    try {
      const saved = await call('thesaurus_save', { concept });
      const searchLink = h('a', { href: '#/sog?q=' + encodeURIComponent(saved.preferred) }, t('thesaurus.tryIt', saved.preferred));
      const done = h('div', { class: 'alert alert--ok', tabindex: '-1' }, h('p', {}, t('thesaurus.saved', saved.preferred)), h('p', {}, searchLink));
      formStatus.append(done);
      done.focus();
      announce(t('thesaurus.saved', saved.preferred));
    } catch (err) {
      const box = errorBox(err, { title: t('thesaurus.saveFailed') });
      box.setAttribute('tabindex', '-1');
      formStatus.append(box);
      box.focus();
    }
  });

  main.append(
    h('h1', { tabindex: '-1' }, t('thesaurus.title')),
    h('p', { class: 'lead' }, t('thesaurus.intro')),
    h('section', { class: 'panel', 'aria-label': t('thesaurus.lookupSection') }, lookupForm, found),
    form,
    ownersSection());
  return { title: t('thesaurus.title') };
}
