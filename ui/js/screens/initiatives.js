// Indsatser og netværk: the map of what the municipality is doing, for whom
// and with whom. Writing a new initiative shows the existing ones that look
// like it while one types, and asks once more before saving a look-alike —
// so two departments do not run the same project without knowing.

import { call } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { h, clear, announce, field, errorBox, debounce, uid } from '../dom.js';
import { createCombobox } from '../components/combobox.js';
import { suggestPeople } from '../components/people.js';

const KINDS = ['indsats', 'netvaerk', 'samarbejdsforum', 'koordinationsgruppe', 'projekt'];
const SIMILAR_DELAY_MS = 500;

const personLink = (m) => h('a', { href: '#/person/' + encodeURIComponent(m.id) }, m.name);

function period(i) {
  if (i.start_date && i.end_date) return t('initiatives.period', formatDate(i.start_date), formatDate(i.end_date));
  if (i.start_date) return t('initiatives.since', formatDate(i.start_date));
  if (i.end_date) return t('initiatives.until', formatDate(i.end_date));
  return null;
}

function kindSelect({ withAll }) {
  return h('select', { class: 'select' },
    withAll ? h('option', { value: '' }, t('initiatives.allKinds')) : null,
    KINDS.map((k) => h('option', { value: k }, t('initiativeKind.' + k))));
}

function initiativeCard(i) {
  const conveners = i.members.filter((m) => m.role === 'tovholder');
  const members = i.members.filter((m) => m.role !== 'tovholder');
  const when = period(i);
  return h('li', { class: 'card-item' },
    h('article', { class: 'card initiative-card', 'aria-labelledby': 'ini-' + i.id },
      h('h3', { class: 'card__title', id: 'ini-' + i.id }, i.name, ' ',
        h('span', { class: 'tag tag--initiative' }, t('initiativeKind.' + i.kind))),
      when ? h('p', { class: 'card__sub' }, when) : null,
      i.purpose ? h('p', {}, h('strong', {}, t('initiatives.purpose'), ': '), i.purpose) : null,
      i.target_group ? h('p', {}, h('strong', {}, t('initiatives.targetGroup'), ': '), i.target_group) : null,
      i.units.length ? h('p', { class: 'muted' }, h('strong', {}, t('initiatives.units'), ': '), i.units.join('; ')) : null,
      conveners.length ? h('p', {}, h('strong', {}, t('initiatives.convener'), ': '),
        conveners.map((m, n) => [n ? ', ' : '', personLink(m)])) : null,
      members.length ? h('p', {}, h('strong', {}, t('initiatives.members', members.length), ': '),
        members.map((m, n) => [n ? ', ' : '', personLink(m)])) : null,
      i.contact ? h('p', {}, h('strong', {}, t('initiatives.contact'), ': '), i.contact) : null));
}

function similarList(similar) {
  return h('ul', { class: 'plain-list similar-list' }, similar.map((s) => h('li', {},
    h('strong', {}, s.initiative.name), ' ',
    h('span', { class: 'tag tag--initiative' }, t('initiativeKind.' + s.initiative.kind)), ' ',
    h('span', { class: 'muted' }, t('initiatives.similarScore', Math.round(s.score * 100))),
    s.shared.length ? h('p', { class: 'similar__shared' }, t('initiatives.shared', s.shared.join(', '))) : null,
    s.initiative.members.find((m) => m.role === 'tovholder')
      ? h('p', {}, t('initiatives.askConvener'), ' ', personLink(s.initiative.members.find((m) => m.role === 'tovholder')))
      : null)));
}

// The people picked for an initiative, each with a role, removable.
function membersPicker() {
  const chosen = [];
  const list = h('ul', { class: 'plain-list member-list', 'aria-live': 'polite' });
  const combo = createCombobox({
    label: t('initiatives.addMember'),
    hint: t('initiatives.addMemberHint'),
    emptyText: t('suggest.noPeople'),
    load: (text) => suggestPeople(text, { exclude: (p) => chosen.some((c) => c.person.id === p.id) }),
    onPick: (item, c) => {
      chosen.push({ person: item.person, role: chosen.length ? 'medlem' : 'tovholder' });
      c.input.value = '';
      announce(t('initiatives.memberAdded', item.person.name));
      draw();
    },
  });
  function draw() {
    clear(list);
    chosen.forEach((entry, index) => {
      const roleId = uid('role');
      const role = h('select', { id: roleId, class: 'select', onchange: () => { entry.role = role.value; } },
        h('option', { value: 'tovholder' }, t('memberRole.tovholder')),
        h('option', { value: 'medlem' }, t('memberRole.medlem')));
      role.value = entry.role;
      list.append(h('li', { class: 'member-list__item' },
        h('span', {}, entry.person.name), ' ',
        h('label', { class: 'visually-hidden', for: roleId }, t('initiatives.roleOf', entry.person.name)),
        role, ' ',
        h('button', {
          type: 'button',
          class: 'btn btn--small',
          onclick: () => {
            chosen.splice(index, 1);
            announce(t('initiatives.memberRemoved', entry.person.name));
            draw();
            combo.input.focus();
          },
        }, t('initiatives.removeMember', entry.person.name))));
    });
  }
  return {
    element: h('div', {}, combo.element, list),
    members: () => chosen.map((c) => ({ person: c.person.id, role: c.role })),
    reset: () => { chosen.length = 0; draw(); },
  };
}

function initiativeForm(onSaved) {
  const kind = kindSelect({ withAll: false });
  const name = h('input', { type: 'text', class: 'input', autocomplete: 'off' });
  const purpose = h('textarea', { rows: '3', class: 'input' });
  const target = h('input', { type: 'text', class: 'input', autocomplete: 'off' });
  const start = h('input', { type: 'date', class: 'input' });
  const end = h('input', { type: 'date', class: 'input' });
  const contact = h('input', { type: 'text', class: 'input', autocomplete: 'off' });
  const units = h('textarea', { rows: '2', class: 'input' });
  const members = membersPicker();
  const similarBox = h('div', { class: 'similar', 'aria-live': 'polite' });
  const status = h('div', {});
  const nameField = field({ label: t('initiatives.name'), control: name, required: true });
  let lastSimilar = [];
  let confirmed = false;

  const draft = () => ({ name: name.value, purpose: purpose.value || null, target_group: target.value || null });

  async function checkSimilar() {
    const text = draft();
    if (!text.name.trim() && !(text.purpose || '').trim()) {
      lastSimilar = [];
      clear(similarBox);
      return lastSimilar;
    }
    const similar = await call('initiative_similar', text);
    lastSimilar = similar;
    confirmed = false;
    clear(similarBox);
    if (similar.length) {
      similarBox.append(h('div', { class: 'alert alert--warn' },
        h('h3', {}, t('initiatives.similarHeading')),
        h('p', {}, t('initiatives.similarIntro', similar.length)),
        similarList(similar)));
    }
    return similar;
  }
  const checkSoon = debounce(() => { checkSimilar().catch(() => {}); }, SIMILAR_DELAY_MS);
  for (const input of [name, purpose, target]) input.addEventListener('input', checkSoon);

  const form = h('form', { class: 'form', 'aria-labelledby': 'ini-form-h', novalidate: true },
    h('h2', { id: 'ini-form-h' }, t('initiatives.formHeading')),
    h('p', { class: 'muted' }, t('initiatives.formIntro')),
    field({ label: t('initiatives.kind'), control: kind, required: true }),
    nameField,
    field({ label: t('initiatives.purpose'), control: purpose, hint: t('initiatives.purposeHint') }),
    field({ label: t('initiatives.targetGroup'), control: target, hint: t('initiatives.targetHint') }),
    similarBox,
    h('div', { class: 'form--inline' },
      field({ label: t('initiatives.start'), control: start, optional: true }),
      field({ label: t('initiatives.end'), control: end, optional: true, hint: t('initiatives.endHint') })),
    field({ label: t('initiatives.units'), control: units, optional: true, hint: t('initiatives.unitsHint') }),
    members.element,
    field({ label: t('initiatives.contact'), control: contact, optional: true, hint: t('initiatives.contactHint') }),
    h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'btn btn--primary' }, t('initiatives.save'))),
    status);

  function reset() {
    form.reset();
    members.reset();
    clear(similarBox);
    lastSimilar = [];
    confirmed = false;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(status);
    if (!name.value.trim()) {
      nameField.setError(t('initiatives.nameMissing'));
      name.focus();
      return;
    }
    try {
      if (!confirmed) {
        const similar = await checkSimilar();
        if (similar.length) {
          confirmed = true;
          const again = h('div', { class: 'alert alert--warn', tabindex: '-1' },
            h('p', {}, t('initiatives.confirmSimilar', similar.length)),
            h('div', { class: 'form__actions' },
              h('button', { type: 'submit', class: 'btn btn--primary' }, t('initiatives.saveAnyway'))));
          status.append(again);
          again.focus();
          return;
        }
      }
      const saved = await call('initiative_save', {
        initiative: {
          kind: kind.value,
          name: name.value,
          purpose: purpose.value || null,
          target_group: target.value || null,
          start_date: start.value || null,
          end_date: end.value || null,
          contact: contact.value || null,
          units: units.value.split('\n').map((u) => u.trim()).filter(Boolean),
          members: members.members(),
        },
      });
      reset();
      const done = h('p', { class: 'alert alert--ok', tabindex: '-1' }, t('initiatives.saved', saved.name));
      status.append(done);
      done.focus();
      onSaved(saved);
    } catch (err) {
      confirmed = false;
      const box = errorBox(err, { title: t('initiatives.saveFailed') });
      box.setAttribute('tabindex', '-1');
      status.append(box);
      box.focus();
    }
  });
  return { element: h('section', { class: 'panel' }, form), lastSimilar: () => lastSimilar };
}

export async function render(main, ctx) {
  const words = h('input', { type: 'search', class: 'input', autocomplete: 'off', value: ctx.query.get('q') || '' });
  const kind = kindSelect({ withAll: true });
  const unit = h('input', { type: 'text', class: 'input', autocomplete: 'off' });
  const current = h('input', { type: 'checkbox' });
  const results = h('div', { 'aria-live': 'polite' });
  const count = h('p', { class: 'muted', role: 'status' });

  async function load() {
    clear(results);
    try {
      const list = await call('initiative_list', {
        text: words.value.trim() || null,
        kind: kind.value || null,
        unit: unit.value.trim() || null,
        current: current.checked,
      });
      count.textContent = t('initiatives.count', list.length);
      if (!list.length) {
        results.append(h('p', {}, t('initiatives.none')));
        return;
      }
      results.append(h('ul', { class: 'cards' }, list.map(initiativeCard)));
    } catch (err) {
      results.append(errorBox(err));
    }
  }
  const loadSoon = debounce(load, 250);
  words.addEventListener('input', loadSoon);
  unit.addEventListener('input', loadSoon);
  kind.addEventListener('change', load);
  current.addEventListener('change', load);

  const filters = h('form', { class: 'form form--inline', role: 'search', 'aria-label': t('initiatives.filterLabel'), onsubmit: (e) => { e.preventDefault(); load(); } },
    field({ label: t('initiatives.filterWords'), control: words }),
    field({ label: t('initiatives.kind'), control: kind }),
    field({ label: t('initiatives.filterUnit'), control: unit, hint: t('initiatives.filterUnitHint') }),
    h('div', { class: 'field' }, h('label', { class: 'checkbox' }, current, h('span', {}, t('initiatives.currentOnly')))));

  const form = initiativeForm(() => load());
  const toForm = h('button', {
    type: 'button',
    class: 'btn',
    onclick: () => {
      form.element.scrollIntoView({ block: 'start' });
      form.element.querySelector('select')?.focus();
    },
  }, t('initiatives.formHeading'));
  main.append(h('div', { class: 'initiatives-screen' },
    h('h1', { tabindex: '-1' }, t('initiatives.title')),
    h('p', { class: 'lead' }, t('initiatives.intro')),
    h('p', {}, toForm),
    h('section', { class: 'panel', 'aria-labelledby': 'ini-list-h' },
      h('h2', { id: 'ini-list-h' }, t('initiatives.listHeading')),
      filters, count, results),
    form.element));
  await load();
  return { title: t('initiatives.title') };
}
