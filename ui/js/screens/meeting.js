// "Mød en kollega" on the person page: lunch with a colleague one does not
// know (opt-in, a new name each time), mentors for what one wants to learn
// and colleagues who want to learn what one can mentor, and units to visit
// for a day of job rotation.

import { call } from '../api.js';
import { t } from '../i18n.js';
import { h, clear, announce, errorBox } from '../dom.js';

const personLink = (p) => h('a', { href: '#/person/' + encodeURIComponent(p.id) }, p.name);

function lunchPart(profile, { editable = true } = {}) {
  const result = h('div', { 'aria-live': 'polite' });
  const optIn = h('input', { type: 'checkbox', checked: !!profile.lunch_opt_in });
  const ask = h('button', { type: 'button', class: 'btn', disabled: !profile.lunch_opt_in }, t('meeting.lunchAsk'));
  optIn.addEventListener('change', async () => {
    clear(result);
    try {
      await call('person_update', { id: profile.id, lunch_opt_in: optIn.checked });
      ask.disabled = !optIn.checked;
      announce(optIn.checked ? t('meeting.lunchOn') : t('meeting.lunchOff'));
    } catch (err) {
      optIn.checked = !optIn.checked;
      result.append(errorBox(err));
    }
  });
  ask.addEventListener('click', async () => {
    clear(result);
    try {
      const s = await call('suggest_lunch', { person: profile.id });
      if (!s) {
        result.append(h('p', {}, t('meeting.lunchNone')));
        return;
      }
      const p = s.partner;
      result.append(h('p', { class: 'alert alert--ok' },
        t('meeting.lunchWith'), ' ', personLink(p),
        [p.title, p.department].filter(Boolean).length ? ` (${[p.title, p.department].filter(Boolean).join(', ')})` : '',
        '. ', s.other_forvaltning ? t('meeting.lunchOtherForvaltning') : t('meeting.lunchOtherUnit'),
        s.first_time ? '' : ' ' + t('meeting.lunchAgain')));
    } catch (err) {
      result.append(errorBox(err));
    }
  });
  return h('div', {},
    h('h3', {}, t('meeting.lunchHeading')),
    // Only the person themself (or HR) may opt in or out; others see the choice.
    editable
      ? h('label', { class: 'checkbox' }, optIn, h('span', {}, t('meeting.lunchOptIn')))
      : h('p', { class: 'muted' }, profile.lunch_opt_in ? t('meeting.lunchOptedIn') : t('meeting.lunchNotOptedIn')),
    h('p', {}, ask),
    result);
}

function matchList(matches, emptyKey) {
  if (!matches.length) return h('p', { class: 'muted' }, t(emptyKey));
  return h('ul', { class: 'plain-list' }, matches.map((m) => h('li', {},
    h('strong', {}, m.label), ': ',
    m.people.length
      ? m.people.map((p, n) => [n ? ', ' : '', personLink(p), p.level ? ` (${t('meeting.level', p.level)})` : ''])
      : h('span', { class: 'muted' }, t('meeting.noOneYet')))));
}

export function meetingSection(profile, { editable = true } = {}) {
  const mentors = h('div', {});
  const rotation = h('div', {});
  const section = h('section', { class: 'panel', 'aria-labelledby': 'meeting-h' },
    h('h2', { id: 'meeting-h' }, t('meeting.title')),
    lunchPart(profile, { editable }),
    h('h3', {}, t('meeting.mentorHeading')), mentors,
    h('h3', {}, t('meeting.rotationHeading')), rotation);
  (async () => {
    try {
      const matches = await call('suggest_mentor', { person: profile.id });
      mentors.append(
        h('h4', {}, t('meeting.mentorsFor')), matchList(matches.mentors, 'meeting.noWishes'),
        h('h4', {}, t('meeting.menteesFor')), matchList(matches.mentees, 'meeting.noMentoring'));
      const units = await call('suggest_rotation', { person: profile.id });
      rotation.append(units.length
        ? h('ul', { class: 'plain-list' }, units.map((u) => h('li', {},
          h('strong', {}, u.unit), ': ', u.concepts.join(', '),
          u.contact ? [' – ', t('meeting.ask'), ' ', personLink(u.contact)] : null)))
        : h('p', { class: 'muted' }, t('meeting.rotationNone')));
    } catch (err) {
      mentors.append(errorBox(err));
    }
  })();
  return section;
}
