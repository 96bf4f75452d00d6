// Videndeling efter kurser: the duty to share what one learned. Sessions
// coming up that anyone can join, one's own share-backs to plan or mark as
// done, and which units are behind — so that a course reaches the team.

import { call } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { h, clear, announce, uid, field, errorBox } from '../dom.js';
import { createCombobox } from '../components/combobox.js';
import { suggestPeople } from '../components/people.js';
import { digestSection } from './digest.js';
import { session, isHr } from '../session.js';

const ME_KEY = 'hvemved.me';

const personLink = (item) => h('a', { href: '#/person/' + encodeURIComponent(item.person_id) }, item.person_name);
const courseLink = (item) => h('a', { href: '#/kurser?q=' + encodeURIComponent(item.course_title) }, item.course_title);

function statusText(item) {
  if (item.state === 'planlagt') return t('shareback.statePlanned', formatDate(item.date), item.forum || '');
  if (item.state === 'delt') return t('shareback.stateShared', formatDate(item.date), item.forum || '');
  return item.due ? t('shareback.statePendingDue', formatDate(item.due)) : t('shareback.statePending');
}

function statusLine(item) {
  return h('p', { class: ['shareback__status', item.overdue ? 'is-overdue' : null] },
    item.overdue ? h('strong', {}, t('shareback.overdueMark'), ' ') : null,
    statusText(item),
    item.hr_only || item.course_hr_only ? [' ', h('span', { class: 'badge badge--hr' }, t('courses.hrOnlyBadge'))] : null);
}

export async function render(main) {
  const intro = h('p', { class: 'lead' });
  const upcoming = h('section', { class: 'panel', 'aria-labelledby': 'sb-upcoming-h' },
    h('h2', { id: 'sb-upcoming-h' }, t('shareback.upcomingHeading')),
    h('p', { class: 'muted' }, t('shareback.upcomingIntro')));
  const upcomingBody = h('div', {});
  upcoming.append(upcomingBody);

  const mine = h('section', { class: 'panel', 'aria-labelledby': 'sb-mine-h' },
    h('h2', { id: 'sb-mine-h' }, t('shareback.mineHeading')));
  const mineBody = h('div', { 'aria-live': 'polite' });

  const overdue = h('section', { class: 'panel', 'aria-labelledby': 'sb-overdue-h' },
    h('h2', { id: 'sb-overdue-h' }, t('shareback.overdueHeading')));
  const overdueBody = h('div', {});
  overdue.append(overdueBody);

  const policy = h('section', { class: 'panel', 'aria-labelledby': 'sb-policy-h' },
    h('h2', { id: 'sb-policy-h' }, t('shareback.policyHeading')));

  main.append(h('div', { class: 'shareback-screen' },
    h('h1', { tabindex: '-1' }, t('shareback.title')), intro, upcoming, mine, overdue, digestSection(), policy));

  let policyDays = 30;

  async function loadUpcoming() {
    clear(upcomingBody);
    try {
      const list = await call('shareback_list', { upcoming: true });
      policyDays = list.policy_days;
      intro.textContent = t('shareback.intro', policyDays);
      if (!list.items.length) {
        upcomingBody.append(h('p', {}, t('shareback.upcomingNone')));
        return;
      }
      upcomingBody.append(h('ul', { class: 'shareback-list' }, list.items.map((item) => h('li', { class: 'shareback-item' },
        h('p', { class: 'shareback__when' }, h('strong', {}, formatDate(item.date)), ' · ', item.forum || ''),
        h('p', {}, personLink(item), ' ', t('shareback.presents'), ' ', courseLink(item)),
        item.unit ? h('p', { class: 'muted' }, item.unit) : null))));
    } catch (err) {
      upcomingBody.append(errorBox(err));
    }
  }

  // Who "I" am is remembered on this machine only, to spare picking oneself each time.
  const combo = createCombobox({
    label: t('shareback.whoAreYou'),
    hint: t('shareback.whoAreYouHint'),
    emptyText: t('suggest.noPeople'),
    load: (text) => suggestPeople(text),
    onPick: (item, c) => {
      c.input.value = item.person.name;
      try { window.localStorage.setItem(ME_KEY, JSON.stringify({ id: item.person.id, name: item.person.name })); } catch { /* private mode */ }
      loadMine(item.person.id, item.person.name);
    },
  });
  mine.append(combo.element, mineBody);

  function updateForm(item, onSaved) {
    const formId = uid('sb-form');
    const state = h('select', {},
      h('option', { value: 'planlagt' }, t('shareback.actionPlan')),
      h('option', { value: 'delt' }, t('shareback.actionShared')));
    const date = h('input', { type: 'date', value: item.date || '' });
    const forum = h('input', { type: 'text', autocomplete: 'off', value: item.forum || '' });
    const note = h('textarea', { rows: '2' }, item.note || '');
    // Only HR decides what is for HR only; the attendee and their leader
    // still see and record it.
    const hrOnlyId = uid('sb-hr-only');
    const hrOnly = isHr() ? h('input', { type: 'checkbox', id: hrOnlyId, checked: Boolean(item.hr_only), 'aria-describedby': hrOnlyId + '-hint' }) : null;
    const hrOnlyField = hrOnly ? h('div', { class: 'field field--check' },
      h('div', { class: 'checkbox' }, hrOnly, h('label', { for: hrOnlyId }, t('shareback.hrOnly'))),
      h('p', { class: 'field__hint', id: hrOnlyId + '-hint' }, t('shareback.hrOnlyHint'))) : null;
    const status = h('div', {});
    const form = h('form', { class: 'form form--inline', id: formId, 'aria-label': t('shareback.formLabel', item.course_title), novalidate: true },
      field({ label: t('shareback.fieldState'), control: state }),
      field({ label: t('shareback.fieldDate'), control: date, required: true }),
      field({ label: t('shareback.fieldForum'), hint: t('shareback.fieldForumHint'), control: forum }),
      field({ label: t('shareback.fieldNote'), control: note, optional: true }),
      hrOnlyField,
      h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'btn btn--primary' }, t('common.save'))),
      status);
    if (item.state === 'planlagt') state.value = 'delt';
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(status);
      try {
        const saved = await call('shareback_set', {
          person: item.person_id, course: item.course_id, state: state.value,
          date: date.value || null, forum: forum.value || null, note: note.value || null,
          ...(hrOnly ? { hr_only: hrOnly.checked } : {}),
        });
        announce(t('shareback.saved', saved.course_title));
        onSaved(saved);
      } catch (err) {
        const box = errorBox(err, { title: t('shareback.saveFailed') });
        box.setAttribute('tabindex', '-1');
        status.append(box);
        box.focus();
      }
    });
    return form;
  }

  async function loadMine(personId, name) {
    clear(mineBody);
    try {
      const list = await call('shareback_list', { person: personId, pending: true });
      const heading = h('h3', { tabindex: '-1' }, t('shareback.mineFor', name, list.items.length));
      mineBody.append(heading);
      if (!list.items.length) {
        mineBody.append(h('p', {}, t('shareback.mineNone')));
        return;
      }
      mineBody.append(h('ul', { class: 'shareback-list' }, list.items.map((item) => {
        const li = h('li', { class: 'shareback-item' });
        const fill = (current) => {
          clear(li);
          li.append(
            h('h4', { class: 'shareback__course' }, courseLink(current),
              current.course_date ? h('span', { class: 'muted' }, ' · ', formatDate(current.course_date)) : null),
            statusLine(current),
            current.state === 'delt' ? null : updateForm(current, (saved) => { fill(saved); loadUpcoming(); loadOverdue(); }));
        };
        fill(item);
        return li;
      })));
    } catch (err) {
      mineBody.append(errorBox(err));
    }
  }

  async function loadOverdue() {
    clear(overdueBody);
    try {
      const list = await call('shareback_list', { overdue: true });
      if (!list.items.length) {
        overdueBody.append(h('p', {}, t('shareback.overdueNone')));
        return;
      }
      // Per forvaltning first: where a leader should look.
      const perUnit = new Map();
      for (const item of list.items) {
        const top = (item.unit || t('shareback.noUnit')).split(' / ')[0];
        perUnit.set(top, (perUnit.get(top) || 0) + 1);
      }
      const rows = [...perUnit.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'da'));
      overdueBody.append(
        h('table', { class: 'table' },
          h('caption', {}, t('shareback.overdueCaption', list.items.length)),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('shareback.colUnit')), h('th', { scope: 'col', class: 'num' }, t('shareback.colOverdue')))),
          h('tbody', {}, rows.map(([unit, n]) => h('tr', {}, h('th', { scope: 'row' }, unit), h('td', { class: 'num' }, String(n)))))),
        h('details', {},
          h('summary', {}, t('shareback.overdueShowAll', list.items.length)),
          h('ul', { class: 'shareback-list' }, list.items.map((item) => h('li', { class: 'shareback-item' },
            h('p', {}, personLink(item), ' – ', courseLink(item)),
            item.unit ? h('p', { class: 'muted' }, item.unit) : null,
            statusLine(item))))));
    } catch (err) {
      overdueBody.append(errorBox(err));
    }
  }

  function renderPolicy() {
    const days = h('input', { type: 'number', min: '1', max: '365', value: String(policyDays), class: 'input input--short' });
    const status = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'form form--inline', novalidate: true },
      field({ label: t('shareback.policyDays'), hint: t('shareback.policyHint'), control: days }),
      h('div', { class: 'form__actions' }, h('button', { type: 'submit', class: 'btn' }, t('common.save'))),
      status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clear(status);
      try {
        const saved = await call('shareback_policy_set', { days: Number(days.value) });
        policyDays = saved.days;
        intro.textContent = t('shareback.intro', policyDays);
        status.append(h('p', { class: 'alert alert--ok' }, t('shareback.policySaved', saved.days)));
        loadOverdue();
      } catch (err) {
        status.append(errorBox(err, { title: t('shareback.saveFailed') }));
      }
    });
    policy.append(form);
  }

  await loadUpcoming();
  // The deadline is HR's to set; everyone reads it in the introduction.
  if (isHr()) renderPolicy();
  else policy.remove();
  await loadOverdue();
  // Who the user said they are ("Hvem er du?" in the header) comes first.
  const viewer = session();
  let me = viewer?.chosen && viewer.viewer?.person ? { id: viewer.viewer.person, name: viewer.name || viewer.viewer.person } : null;
  if (!me) {
    try { me = JSON.parse(window.localStorage.getItem(ME_KEY) || 'null'); } catch { /* nothing remembered */ }
  }
  if (me?.id) {
    combo.input.value = me.name;
    await loadMine(me.id, me.name);
  }
  return { title: t('shareback.title') };
}
