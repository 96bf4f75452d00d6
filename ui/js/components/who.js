// "Hvem er du?": the local user says which role they have and, as an
// employee or a leader, which colleague they are. At first start the panel
// sits under the header without blocking anything (the search works as
// before); the header always says who you are, with "Skift" to change it.

import { t } from '../i18n.js';
import { h, clear, uid, announce, errorBox, errorSummary } from '../dom.js';
import { createCombobox } from './combobox.js';
import { suggestPeople } from './people.js';
import { ROLES, session, chooseSession, needsPerson } from '../session.js';

// "Vælg senere" hides the first-start panel for this window only.
const LATER_KEY = 'hvemved.whoLater';

export function roleName(role) {
  return t('role.' + role);
}

/** "Lise Leder (leder)", "HR" or "Administrator (ikke valgt endnu)". */
export function whoLabel(s = session()) {
  if (!s?.viewer) return '';
  const role = s.viewer.role;
  if (!s.chosen) return t('who.notChosen', t('who.role.' + role));
  if (s.name) return t('who.withName', s.name, roleName(role));
  return t('who.role.' + role);
}

function laterChosen() {
  try { return window.sessionStorage.getItem(LATER_KEY) === '1'; } catch { return false; }
}
function rememberLater(on) {
  try {
    if (on) window.sessionStorage.setItem(LATER_KEY, '1');
    else window.sessionStorage.removeItem(LATER_KEY);
  } catch { /* storage unavailable: the panel comes back at the next screen load */ }
}

export function initWho() {
  const slot = document.getElementById('who-slot');
  const box = document.getElementById('whoami');
  const text = document.getElementById('whoami-text');
  const change = document.getElementById('whoami-change');

  let open = false;
  let mode = 'first'; // 'first' (shown by itself at first start) or 'change' (opened with Skift)
  let draft = { role: null, person: null }; // person: { id, name }

  function renderHeader() {
    const s = session();
    box.hidden = !s || s.unavailable;
    if (box.hidden) return;
    text.textContent = t('who.youAre', whoLabel(s));
    clear(change);
    change.append(t('who.change'), h('span', { class: 'visually-hidden' }, t('who.changeHidden')));
    change.setAttribute('aria-expanded', open ? 'true' : 'false');
  }

  function draftFromSession() {
    const s = session();
    if (!s?.chosen) return { role: null, person: null };
    const person = s.viewer.person ? { id: s.viewer.person, name: s.name || s.viewer.person } : null;
    return { role: s.viewer.role, person };
  }

  function show(how, { focus = false } = {}) {
    mode = how;
    open = true;
    build();
    renderHeader();
    if (focus) slot.querySelector('#who-h')?.focus();
  }

  function hide({ focusChange = false } = {}) {
    open = false;
    clear(slot);
    renderHeader();
    if (focusChange) change.focus();
  }

  function build() {
    clear(slot);
    const status = h('div', { class: 'form-status' });
    const groupName = uid('who-role');
    const roleErrorId = uid('who-role-err');
    const roleError = h('p', { class: 'field__error', id: roleErrorId, hidden: true });
    const radios = ROLES.map((role) => {
      const id = uid('who-r');
      const input = h('input', { type: 'radio', id, name: groupName, value: role, checked: draft.role === role });
      input.addEventListener('change', () => {
        if (!input.checked) return;
        draft.role = role;
        setRoleError(null);
        personBox.hidden = !needsPerson(role);
      });
      return { role, input, el: h('div', { class: 'radio' }, input, h('label', { for: id }, t('who.role.' + role))) };
    });
    const roles = h('fieldset', { class: 'who__roles' },
      h('legend', { class: 'field__label' }, t('who.roleLegend')),
      roleError,
      h('div', { class: 'who__radios' }, radios.map((r) => r.el)));

    function setRoleError(message) {
      roleError.textContent = '';
      if (message) {
        roleError.append(h('span', { class: 'field__error-icon', 'aria-hidden': 'true' }, '!'), ' ', message);
        roleError.hidden = false;
        roles.setAttribute('aria-describedby', roleErrorId);
        radios.forEach((r) => r.input.setAttribute('aria-invalid', 'true'));
      } else {
        roleError.hidden = true;
        roles.removeAttribute('aria-describedby');
        radios.forEach((r) => r.input.removeAttribute('aria-invalid'));
      }
    }

    const combo = createCombobox({
      label: t('who.person'),
      hint: t('who.personHint'),
      required: true,
      emptyText: t('suggest.noPeople'),
      load: (typed) => suggestPeople(typed),
      onPick: (item, c) => {
        draft.person = { id: item.person.id, name: item.person.name };
        c.input.value = item.person.name;
        c.setError(null);
      },
      onType: () => { draft.person = null; },
    });
    combo.input.value = draft.person?.name || '';
    const personBox = h('div', { class: 'who__person', hidden: !needsPerson(draft.role) }, combo.element);

    const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, t('who.submit'));
    const dismiss = h('button', {
      type: 'button',
      class: 'btn btn--ghost',
      onclick: () => {
        if (mode === 'first') {
          rememberLater(true);
          announce(t('who.laterDone'));
        }
        hide({ focusChange: true });
      },
    }, mode === 'first' ? t('who.later') : t('common.cancel'));

    const form = h('form', { class: 'who__form', novalidate: true },
      status,
      h('div', { class: 'who__fields' }, roles, personBox,
        h('div', { class: 'form__actions who__actions' }, submit, dismiss)));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(status);
      const errors = [];
      if (!draft.role) {
        setRoleError(t('who.errRole'));
        errors.push({ control: radios[0].input, message: t('who.errRole') });
      } else setRoleError(null);
      if (needsPerson(draft.role) && !draft.person) {
        combo.setError(t('who.errPerson'));
        errors.push({ control: combo.input, message: t('who.errPerson') });
      } else combo.setError(null);
      if (errors.length) {
        const summary = errorSummary(errors);
        status.append(summary);
        summary.focus();
        return;
      }
      submit.disabled = true;
      try {
        await chooseSession(draft.role, needsPerson(draft.role) ? draft.person.id : undefined);
      } catch (err) {
        submit.disabled = false;
        const errBox = errorBox(err);
        errBox.setAttribute('tabindex', '-1');
        status.append(errBox);
        errBox.focus();
        return;
      }
      rememberLater(false);
      hide({ focusChange: true });
      announce(t('who.changed', whoLabel()));
    });

    const section = h('section', { class: 'who', id: 'who-panel', 'aria-labelledby': 'who-h' },
      h('div', { class: 'who__inner' },
        h('h2', { id: 'who-h', class: 'who__heading', tabindex: '-1' }, t('who.heading')),
        h('p', { class: 'who__intro' }, t('who.intro'), mode === 'first' ? [' ', t('who.introFirst')] : null),
        form));
    // Esc closes the panel, unless the name field used it to close its suggestions.
    section.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        hide({ focusChange: true });
      }
    });
    slot.append(section);
  }

  change.addEventListener('click', () => {
    if (open) {
      hide({ focusChange: true });
    } else {
      draft = draftFromSession();
      show('change', { focus: true });
    }
  });

  return {
    /** After the session is known: at first start, show the panel (without taking focus). */
    start() {
      const s = session();
      draft = draftFromSession();
      if (s && !s.unavailable && !s.chosen && !laterChosen()) show('first');
      else renderHeader();
    },
    /** Texts again, in the language just chosen, keeping what was picked. */
    relabel() {
      if (open) build();
      renderHeader();
    },
  };
}
