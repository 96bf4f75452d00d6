// Knowledge owners (vidensansvarlige), part of the Begreber screen: who
// collects and shares knowledge in an area, and who covers for them. Search
// lists the owner first when someone searches for the area.

import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, announce, field, errorBox } from '../dom.js';
import { createCombobox } from '../components/combobox.js';
import { suggestPeople } from '../components/people.js';

const personLink = (p) => h('a', { href: '#/person/' + encodeURIComponent(p.id) }, p.name);

function peopleCombo(label, hint, onPick) {
  let picked = null;
  const combo = createCombobox({
    label,
    hint,
    emptyText: t('suggest.noPeople'),
    load: (text) => suggestPeople(text),
    onPick: (item, c) => {
      picked = item.person;
      c.input.value = item.person.name;
      onPick?.(item.person);
    },
    onType: () => { picked = null; },
  });
  return { combo, picked: () => picked, reset: () => { picked = null; combo.input.value = ''; } };
}

export function ownersSection() {
  const body = h('div', {});
  const status = h('div', {});
  const area = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', class: 'input' });
  const owner = peopleCombo(t('owners.owner'), null);
  const deputy = peopleCombo(t('owners.deputy'), t('owners.deputyHint'));
  const form = h('form', { class: 'form form--inline', 'aria-labelledby': 'owners-form-h', novalidate: true },
    h('h3', { id: 'owners-form-h' }, t('owners.formHeading')),
    field({ label: t('owners.area'), hint: t('owners.areaHint'), control: area, required: true }),
    owner.combo.element,
    deputy.combo.element,
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'btn btn--primary' }, t('owners.save'))),
    status);

  async function load() {
    clear(body);
    try {
      const owners = await call('owner_list', {});
      if (!owners.length) {
        body.append(h('p', {}, t('owners.none')));
        return;
      }
      body.append(h('table', { class: 'table' },
        h('caption', { class: 'visually-hidden' }, t('owners.caption')),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('owners.colArea')),
          h('th', { scope: 'col' }, t('owners.owner')),
          h('th', { scope: 'col' }, t('owners.deputy')),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('owners.colActions'))))),
        h('tbody', {}, owners.map((o) => h('tr', {},
          h('th', { scope: 'row' }, o.label, ' ', h('span', { class: 'muted' }, `(${o.area})`)),
          h('td', {}, personLink(o.owner)),
          h('td', {}, o.deputy ? personLink(o.deputy) : h('span', { class: 'muted' }, t('owners.noDeputy'))),
          h('td', {}, h('button', {
            type: 'button',
            class: 'btn btn--small',
            onclick: async () => {
              await call('owner_remove', { area: o.area });
              announce(t('owners.removed', o.label));
              load();
            },
          }, t('owners.remove', o.label))))))));
    } catch (err) {
      body.append(errorBox(err));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(status);
    const chosen = owner.picked();
    try {
      if (!area.value.trim() || !chosen) throw new Error(t('owners.missing'));
      const saved = await call('owner_set', { area: area.value.trim(), person: chosen.id, deputy: deputy.picked()?.id || null });
      const done = h('p', { class: 'alert alert--ok', tabindex: '-1' }, t('owners.saved', saved.label, saved.owner.name));
      status.append(done);
      done.focus();
      area.value = '';
      owner.reset();
      deputy.reset();
      load();
    } catch (err) {
      const box = errorBox(err, { title: t('owners.saveFailed') });
      box.setAttribute('tabindex', '-1');
      status.append(box);
      box.focus();
    }
  });

  load();
  return h('section', { class: 'panel', 'aria-labelledby': 'owners-h' },
    h('h2', { id: 'owners-h' }, t('owners.title')),
    h('p', {}, t('owners.intro')),
    body,
    form);
}
