// One colleague's profile: how to reach them, what they know and where they
// learned it. The same screen lets a person correct their own details and
// declare skills, because a directory nobody can update goes stale. What
// colleagues see is the person's choice: a skill or a contact field can be
// hidden from them (the person, their leaders and HR still see it), and a
// skill imported by HR waits for the person to confirm it. The person can
// take home everything stored about them ("Mine data"); HR marks a leaving
// and erases, each after a confirmation that says what will happen.

import { call } from '../api.js';
import { t, levelName, formatDate } from '../i18n.js';
import { h, clear, announce, field, errorBox, errorSummary, copyText, uid, busyIndicator } from '../dom.js';
import { createCombobox } from '../components/combobox.js';
import { saveOrDownload } from '../components/import-files.js';
import { confirmDialog } from '../components/confirm-dialog.js';
import { meetingSection } from './meeting.js';
import { mayEditPerson, isSelf, isHr } from '../session.js';

function initials(name) {
  return String(name || '?').split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]).join('').toUpperCase();
}

function levelMeter(level) {
  return h('span', { class: 'meter', 'aria-hidden': 'true' },
    [1, 2, 3, 4, 5].map((n) => h('span', { class: ['meter__step', level && n <= level ? 'is-on' : null] })));
}

function levelText(level) {
  return level ? `${level} · ${levelName(level)}` : levelName(null);
}

// The contact fields a person may hide from colleagues, as the core names them.
const HIDEABLE = ['phone', 'location', 'bio', 'languages'];

export function levelSelect({ id, value, includeNone = false, required = false, label }) {
  const select = h('select', { id, class: 'select', 'aria-label': label || null, 'aria-required': required ? 'true' : null });
  if (required || value === undefined) select.append(h('option', { value: '' }, t('person.chooseLevel')));
  else if (includeNone) select.append(h('option', { value: '' }, t('level.none')));
  for (let n = 1; n <= 5; n += 1) {
    select.append(h('option', { value: String(n), selected: value === n }, `${n} – ${levelName(n)}`));
  }
  if (value === null && includeNone) select.value = '';
  return select;
}

export async function render(main, ctx) {
  const id = ctx.route.id;
  const loading = busyIndicator(t('common.loading'));
  main.append(loading);

  let profile;
  try {
    profile = await call('person_show', { id });
  } catch (err) {
    loading.remove();
    main.append(h('h1', { tabindex: '-1' }, t('person.title')), errorBox(err),
      h('p', {}, h('a', { href: '#/sog' }, t('common.toSearch'))));
    return { title: t('person.title') };
  }
  loading.remove();

  let editing = false;
  // The core refuses changes by others; only offer them to those who may.
  const editable = mayEditPerson(profile.id);
  const self = isSelf(profile.id);
  const root = h('div', { class: 'person' });
  main.append(root);

  const editButton = h('button', { type: 'button', class: 'btn', onclick: () => setEditing(true) }, t('person.edit'));

  function renderHeader() {
    return h('div', { class: 'person__head' },
      h('div', { class: 'avatar avatar--large', 'aria-hidden': 'true' }, initials(profile.name)),
      h('div', { class: 'person__ident' },
        h('h1', { tabindex: '-1', class: 'person__name' }, profile.name),
        profile.title ? h('p', { class: 'person__title' }, profile.title) : null,
        profile.units?.length ? h('div', { class: 'unit-path' },
          h('ol', { 'aria-label': t('person.unit') }, profile.units.map((u) => h('li', {}, u)))) : null,
        profile.active === false ? h('p', { class: 'badge badge--muted' },
          profile.left_at ? t('person.inactiveSince', formatDate(profile.left_at.slice(0, 10))) : t('person.inactive')) : null),
      h('div', { class: 'person__actions' }, editing || !editable ? null : editButton));
  }

  function copyButton(value, label, done) {
    const btn = h('button', { type: 'button', class: 'btn btn--small btn--copy', 'aria-label': label }, t('person.copy'));
    btn.addEventListener('click', async () => {
      const ok = await copyText(value);
      if (ok) {
        btn.textContent = t('person.copied');
        btn.classList.add('is-done');
        announce(done);
        window.setTimeout(() => { btn.textContent = t('person.copy'); btn.classList.remove('is-done'); }, 2500);
      } else {
        announce(t('person.copyFailed'), { assertive: true });
      }
    });
    return btn;
  }

  // Only the person, their leaders and HR get hidden fields at all.
  const isHidden = (name) => (profile.hidden_fields || []).includes(name);
  function hiddenMark(name) {
    return isHidden(name) ? h('span', { class: 'badge badge--hidden' }, t('person.hiddenMark')) : null;
  }

  function renderContact() {
    const rows = [];
    if (profile.email) {
      rows.push(h('div', { class: 'dl__row' },
        h('dt', {}, t('person.email')),
        h('dd', {},
          h('a', { href: 'mailto:' + profile.email, class: 'contact__value', 'aria-label': `${profile.email} – ${t('person.writeEmail', profile.name)}` }, profile.email),
          copyButton(profile.email, t('person.copyEmail'), t('person.copiedEmail')))));
    }
    if (profile.phone) {
      rows.push(h('div', { class: 'dl__row' },
        h('dt', {}, t('person.phone')),
        h('dd', {},
          h('a', { href: 'tel:' + profile.phone.replace(/\s+/g, ''), class: 'contact__value' }, profile.phone),
          copyButton(profile.phone, t('person.copyPhone'), t('person.copiedPhone')),
          hiddenMark('phone'))));
    }
    if (profile.location) rows.push(h('div', { class: 'dl__row' }, h('dt', {}, t('person.location')), h('dd', {}, profile.location, hiddenMark('location'))));
    if (profile.profession) rows.push(h('div', { class: 'dl__row' }, h('dt', {}, t('person.profession')), h('dd', {}, profile.profession)));
    if (profile.languages?.length) rows.push(h('div', { class: 'dl__row' }, h('dt', {}, t('person.languages')), h('dd', {}, profile.languages.join(', '), hiddenMark('languages'))));
    return h('section', { class: 'panel', 'aria-labelledby': 'contact-h' },
      h('h2', { id: 'contact-h' }, t('person.contact')),
      h('dl', { class: 'dl' }, rows));
  }

  function renderBio() {
    return h('section', { class: 'panel panel--bio', 'aria-labelledby': 'bio-h' },
      h('h2', { id: 'bio-h' }, t('person.bio')),
      profile.bio ? h('p', { class: 'bio' }, profile.bio) : h('p', { class: 'muted' }, t('person.bioEmpty')),
      profile.bio && isHidden('bio') ? h('p', { class: 'hidden-note' }, hiddenMark('bio')) : null);
  }

  // Colleagues never get hidden skills; the person, leaders and HR get them with shown: false.
  const isPending = (skill) => skill.awaiting_confirmation === true;

  // Every hidden skill is marked; one from HR also says it waits for the person.
  function visibilityBadges(skill) {
    if (skill.shown !== false) return [];
    return [
      h('span', { class: 'badge badge--hidden' }, t('person.skillHidden')),
      isPending(skill) ? h('span', { class: 'badge badge--pending' }, self ? t('person.skillPending') : t('person.skillPendingOther')) : null,
    ];
  }

  async function setSkillShown(skill, shown) {
    profile = await call('person_skill_visibility', { id: profile.id, skill: skill.name, shown });
  }

  // "Bekræft og vis": the person confirms a skill HR imported, and colleagues see it.
  function confirmButton(skill, { onDone, status }) {
    const btn = h('button', { type: 'button', class: 'btn btn--small', dataset: { skillConfirm: skill.name } },
      t('person.confirmSkill'), h('span', { class: 'visually-hidden' }, ` ${skill.name}`));
    btn.addEventListener('click', async () => {
      clear(status);
      btn.disabled = true;
      try {
        await setSkillShown(skill, true);
        announce(t('person.skillConfirmed', skill.name));
        onDone();
      } catch (err) {
        btn.disabled = false;
        status.append(errorBox(err));
      }
    });
    return btn;
  }

  function skillNotes(skill, status) {
    const notes = [...visibilityBadges(skill).filter(Boolean)];
    if (skill.can_mentor) notes.push(h('span', { class: 'badge badge--mentor' }, t('person.canMentor')));
    if (skill.wants_to_learn) notes.push(h('span', { class: 'badge badge--learn' }, t('person.wantsToLearn')));
    if (skill.source === 'hr' && !isPending(skill)) notes.push(h('span', { class: 'badge badge--muted' }, t('person.sourceHr')));
    if (isPending(skill) && editable) {
      notes.push(confirmButton(skill, {
        status,
        onDone: () => {
          renderView();
          const th = [...root.querySelectorAll('.skills-table tbody th')].find((el) => el.dataset.skill === skill.name);
          th?.setAttribute('tabindex', '-1');
          (th || root.querySelector('#skills-h'))?.focus();
        },
      }));
    }
    return notes;
  }

  function renderSkills() {
    const skills = profile.skills || [];
    const section = h('section', { class: 'panel', 'aria-labelledby': 'skills-h' }, h('h2', { id: 'skills-h' }, t('person.skills')));
    if (!skills.length) {
      section.append(h('p', { class: 'muted' }, t('person.skillsEmpty')));
      return section;
    }
    section.append(h('table', { class: 'table skills-table' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, t('person.skillName')),
        h('th', { scope: 'col' }, t('person.skillLevel')),
        h('th', { scope: 'col' }, t('person.skillNotes')))),
      h('tbody', {}, skills.map((s) => {
        const status = h('div', { class: 'row-status' });
        return h('tr', { class: s.shown === false ? 'is-hidden' : null },
          h('th', { scope: 'row', dataset: { skill: s.name } }, s.name, s.english_label ? h('span', { class: 'muted', lang: 'en' }, ` (${s.english_label})`) : null),
          h('td', {}, h('span', { class: 'level' }, levelMeter(s.level), h('span', { class: 'level__text' }, levelText(s.level)))),
          h('td', { class: 'notes' }, h('div', { class: 'notes__list' }, skillNotes(s, status)), status));
      }))));
    return section;
  }

  function courseItem(c) {
    return h('li', {},
      h('a', { href: '#/kurser?vis=' + encodeURIComponent(c.id) }, c.title),
      h('span', { class: 'muted' }, ' · ', t('courseKind.' + c.kind) || c.kind, c.date ? ', ' + formatDate(c.date) : ''),
      c.hr_only ? h('span', { class: 'badge badge--hr' }, t('courses.hrOnlyBadge')) : null);
  }

  function renderInitiatives() {
    const initiatives = profile.initiatives || [];
    const section = h('section', { class: 'panel', 'aria-labelledby': 'initiatives-h' }, h('h2', { id: 'initiatives-h' }, t('person.initiatives')));
    if (!initiatives.length) {
      section.append(h('p', { class: 'muted' }, t('person.initiativesEmpty')));
      return section;
    }
    section.append(h('ul', { class: 'plain-list' }, initiatives.map((i) => h('li', {},
      h('a', { href: '#/initiativer?q=' + encodeURIComponent(i.name) }, i.name),
      h('span', { class: 'muted' }, ' · ', t('initiativeKind.' + i.kind), ', ', t('memberRole.' + i.role).toLowerCase())))));
    return section;
  }

  function renderCourses() {
    const courses = profile.courses || [];
    const authored = courses.filter((c) => c.role === 'rapportforfatter');
    const attended = courses.filter((c) => c.role !== 'rapportforfatter');
    const section = h('section', { class: 'panel', 'aria-labelledby': 'courses-h' }, h('h2', { id: 'courses-h' }, t('person.courses')));
    if (!courses.length) section.append(h('p', { class: 'muted' }, t('person.coursesEmpty')));
    if (authored.length) section.append(h('h3', {}, t('person.authored')), h('ul', { class: 'plain-list' }, authored.map(courseItem)));
    if (attended.length) section.append(h('h3', {}, t('person.attended')), h('ul', { class: 'plain-list' }, attended.map(courseItem)));
    return section;
  }

  // ---- Personal data ---------------------------------------------------

  // An id comes from the HR system; keep the file name to what every file system takes.
  const dataFileName = () => `mine-data-${String(profile.id).replace(/[^A-Za-z0-9._-]/g, '_')}.json`;

  function statusMessage(status, message) {
    clear(status);
    const box = h('p', { class: 'alert alert--ok', tabindex: '-1' }, message);
    status.append(box);
    return box;
  }

  function statusError(status, err) {
    clear(status);
    const box = errorBox(err);
    box.setAttribute('tabindex', '-1');
    status.append(box);
    box.focus();
  }

  async function downloadData(button, status) {
    clear(status);
    button.disabled = true;
    status.append(busyIndicator(t('person.dataPreparing')));
    try {
      const data = await call('person_data', { id: profile.id });
      const fileName = dataFileName();
      const saved = await saveOrDownload(fileName, new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      clear(status);
      if (saved) {
        const message = saved.path ? t('person.dataSavedAt', saved.path) : t('person.dataSaved', fileName);
        statusMessage(status, message);
        announce(message);
      }
    } catch (err) {
      statusError(status, err);
    } finally {
      button.disabled = false;
    }
  }

  // The confirmation says when the person goes for good, by the rules in force.
  async function leavingRule() {
    try {
      const rules = (await call('retention', {})).rules;
      if (!rules) return t('person.leaveConfirmUnknown');
      return rules.left_people_days === null ? t('person.leaveConfirmNever') : t('person.leaveConfirmDays', rules.left_people_days);
    } catch {
      return t('person.leaveConfirmUnknown');
    }
  }

  async function markLeft(button, status) {
    clear(status);
    const rule = await leavingRule();
    const confirmed = await confirmDialog({
      title: t('person.leaveConfirmTitle', profile.name),
      body: [t('person.leaveConfirmBody', profile.name), rule],
      confirm: t('person.leaveConfirm'),
    });
    if (!confirmed) {
      button.focus();
      announce(t('common.nothingChanged'));
      return;
    }
    button.disabled = true;
    let left;
    try {
      left = await call('person_leave', { id: profile.id });
    } catch (err) {
      button.disabled = false;
      statusError(status, err);
      return;
    }
    profile.active = false;
    profile.left_at = left.left_at;
    ctx.refreshStats();
    renderView();
    const newStatus = root.querySelector('#person-data-status');
    statusMessage(newStatus, t('person.leaveDone', profile.name, formatDate(left.left_at))).focus();
  }

  async function erase(button, status) {
    clear(status);
    const confirmed = await confirmDialog({
      title: t('person.eraseConfirmTitle', profile.name),
      body: [t('person.eraseConfirmBody', profile.name), t('person.eraseConfirmCourses'), t('person.eraseConfirmUndo')],
      confirm: t('person.eraseConfirm'),
    });
    if (!confirmed) {
      button.focus();
      announce(t('common.nothingChanged'));
      return;
    }
    const buttons = [...root.querySelectorAll('.person-data button')];
    buttons.forEach((b) => { b.disabled = true; });
    status.append(busyIndicator(t('person.erasing')));
    let report;
    try {
      report = await call('person_erase', { id: profile.id });
    } catch (err) {
      buttons.forEach((b) => { b.disabled = false; });
      statusError(status, err);
      return;
    }
    const title = t('person.erasedTitle', profile.name);
    const lines = [
      t('person.erasedSkills', report.skills),
      t('person.erasedCourses', report.courses),
      t('person.erasedInitiatives', report.initiatives),
      report.owned_areas ? t('person.erasedAreas', report.owned_areas) : null,
    ].filter(Boolean);
    await ctx.refreshStats();
    // The profile is gone, so the screen is too; the next one says what went.
    if (ctx.isCurrent()) ctx.navigate('#/persondata', { notice: { title, lines } });
    else announce(title);
  }

  // Only the person themself and HR may have the data; only HR marks a
  // leaving or erases. The core refuses anyone else all the same.
  function renderPersonalData() {
    const hr = isHr();
    if (!self && !hr) return null;
    const status = h('div', { class: 'form-status', id: 'person-data-status' });
    const download = h('button', { type: 'button', class: 'btn' },
      self ? t('person.dataDownloadSelf') : t('person.dataDownload', profile.name));
    download.addEventListener('click', () => downloadData(download, status));
    let hrTools = null;
    if (hr) {
      const leave = profile.active === false ? null : h('button', { type: 'button', class: 'btn' }, t('person.leave'));
      leave?.addEventListener('click', () => markLeft(leave, status));
      const eraseBtn = h('button', { type: 'button', class: 'btn btn--danger' }, t('person.erase'));
      eraseBtn.addEventListener('click', () => erase(eraseBtn, status));
      hrTools = [
        h('h3', {}, t('person.leftHeading')),
        h('div', { class: 'form__actions' }, leave, eraseBtn),
      ];
    }
    return h('section', { class: 'panel person-data', 'aria-labelledby': 'person-data-h' },
      h('h2', { id: 'person-data-h' }, self ? t('person.dataHeadingSelf') : t('person.dataHeadingHr')),
      h('p', {}, self ? t('person.dataIntroSelf') : t('person.dataIntroHr', profile.name)),
      h('div', { class: 'form__actions' }, download),
      hrTools,
      status);
  }

  function renderView() {
    clear(root);
    root.append(renderHeader(),
      h('div', { class: 'person__grid' },
        h('div', { class: 'person__side' }, renderContact(), renderPersonalData()),
        h('div', { class: 'person__main' }, renderBio(), renderSkills(), renderCourses(), renderInitiatives(), meetingSection(profile, { editable }))));
  }

  // ---- Edit mode -------------------------------------------------------

  function renderProfileForm() {
    const status = h('div', { class: 'form-status' });
    const title = h('input', { type: 'text', class: 'input', value: profile.title || '', autocomplete: 'organization-title' });
    const phone = h('input', { type: 'tel', class: 'input', value: profile.phone || '', autocomplete: 'tel' });
    const location = h('input', { type: 'text', class: 'input', value: profile.location || '' });
    const bio = h('textarea', { class: 'textarea', rows: '5' });
    bio.value = profile.bio || '';
    const languages = h('input', { type: 'text', class: 'input', value: (profile.languages || []).join(', ') });
    const saveBtn = h('button', { type: 'submit', class: 'btn btn--primary' }, t('person.saveProfile'));

    // "Skjul for kolleger" under each field a person may keep to those close to them.
    const hideBoxes = {};
    function withHide(name, fieldEl, fieldLabel) {
      const id = uid('hide-' + name);
      const box = h('input', { type: 'checkbox', id, checked: isHidden(name), dataset: { hideField: name } });
      hideBoxes[name] = box;
      fieldEl.append(h('div', { class: 'checkbox checkbox--small field__hide' }, box,
        h('label', { for: id }, t('person.hideField'), h('span', { class: 'visually-hidden' }, ` (${fieldLabel})`))));
      return fieldEl;
    }

    // Where a field's value came from: the HR system, or the person's own
    // correction, which the next import lists as a conflict instead of
    // overwriting.
    const sourceHint = (name) => t((profile.own_fields || []).includes(name) ? 'person.ownField' : 'person.fromHr');

    const form = h('form', { class: 'form', novalidate: true, 'aria-labelledby': 'edit-profile-h' },
      h('h2', { id: 'edit-profile-h' }, t('person.editHeading')),
      h('p', { class: 'muted' }, t('person.editIntro')),
      status,
      h('p', { class: 'muted' }, t('person.hideFieldsIntro')),
      h('div', { class: 'form__grid' },
        field({ label: t('person.fieldTitle'), control: title, hint: sourceHint('title') }),
        withHide('phone', field({ label: t('person.fieldPhone'), control: phone, hint: sourceHint('phone') }), t('person.fieldPhone')),
        withHide('location', field({ label: t('person.fieldLocation'), control: location, className: 'field--wide', hint: sourceHint('location') }), t('person.fieldLocation'))),
      withHide('bio', field({ label: t('person.fieldBio'), control: bio, hint: t('person.fieldBioHint') }), t('person.fieldBio')),
      withHide('languages', field({ label: t('person.fieldLanguages'), control: languages, hint: t('person.fieldLanguagesHint') }), t('person.fieldLanguages')),
      h('div', { class: 'form__actions' }, saveBtn));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(status);
      saveBtn.disabled = true;
      try {
        profile = await call('person_update', {
          id: profile.id,
          title: title.value.trim(),
          phone: phone.value.trim(),
          location: location.value.trim(),
          bio: bio.value.trim(),
          languages: languages.value.split(',').map((s) => s.trim()).filter(Boolean),
          hidden_fields: HIDEABLE.filter((name) => hideBoxes[name].checked),
        });
        status.append(h('p', { class: 'alert alert--ok' }, t('person.profileSaved')));
        announce(t('person.profileSaved'));
        root.querySelector('.person__name').textContent = profile.name;
        for (const [name, control] of [['title', title], ['phone', phone], ['location', location]]) {
          const hint = document.getElementById(control.id + '-hint');
          if (hint) hint.textContent = sourceHint(name);
        }
      } catch (err) {
        status.append(errorBox(err));
      } finally {
        saveBtn.disabled = false;
      }
    });
    return form;
  }

  const skillsEditor = h('div', { class: 'skills-edit' });

  async function saveSkill(name, level, canMentor, wantsToLearn) {
    profile = await call('person_skill_set', {
      id: profile.id, skill: name, level, can_mentor: canMentor, wants_to_learn: wantsToLearn,
    });
  }

  function renderSkillRow(skill, index) {
    const levelId = uid('sk-level');
    const level = levelSelect({ id: levelId, value: skill.level ?? null, includeNone: true });
    const mentorId = uid('sk-m');
    const learnId = uid('sk-l');
    const mentor = h('input', { type: 'checkbox', id: mentorId, checked: !!skill.can_mentor });
    const learn = h('input', { type: 'checkbox', id: learnId, checked: !!skill.wants_to_learn });
    const rowStatus = h('div', { class: 'row-status' });
    const save = h('button', { type: 'button', class: 'btn btn--small', dataset: { skillSave: skill.name } }, t('person.skillSave'));
    const remove = h('button', { type: 'button', class: 'btn btn--small btn--danger', 'aria-label': t('person.skillRemove', skill.name) }, t('common.remove'));

    save.addEventListener('click', async () => {
      clear(rowStatus);
      save.disabled = true;
      try {
        await saveSkill(skill.name, level.value ? Number(level.value) : null, mentor.checked, learn.checked);
        renderSkillsEditor();
        skillsEditor.querySelector(`[data-skill-save="${CSS.escape(skill.name)}"]`)?.focus();
        announce(t('person.skillSaved', skill.name));
      } catch (err) {
        save.disabled = false;
        rowStatus.append(errorBox(err));
      }
    });
    remove.addEventListener('click', async () => {
      clear(rowStatus);
      remove.disabled = true;
      try {
        profile = await call('person_skill_remove', { id: profile.id, skill: skill.name });
        renderSkillsEditor();
        const saves = skillsEditor.querySelectorAll('[data-skill-save]');
        (saves[Math.min(index, saves.length - 1)] || skillsEditor.querySelector('.combo__input'))?.focus();
        announce(t('person.skillRemoved', skill.name));
      } catch (err) {
        remove.disabled = false;
        rowStatus.append(errorBox(err));
      }
    });

    const nameId = uid('sk-name');
    level.setAttribute('aria-labelledby', `${nameId} ${levelId}-lbl`);
    // Shown to everyone, or only to the person, their leaders and HR; saved at
    // once. Ticking it for a skill from HR confirms that skill.
    const shownId = uid('sk-v');
    const shown = h('input', { type: 'checkbox', id: shownId, checked: skill.shown !== false, dataset: { skillShown: skill.name } });
    shown.addEventListener('change', async () => {
      clear(rowStatus);
      shown.disabled = true;
      try {
        await setSkillShown(skill, shown.checked);
        announce(shown.checked ? t('person.skillShownNow', skill.name) : t('person.skillHiddenNow', skill.name));
        renderSkillsEditor();
        [...skillsEditor.querySelectorAll('[data-skill-shown]')].find((el) => el.dataset.skillShown === skill.name)?.focus();
      } catch (err) {
        shown.disabled = false;
        shown.checked = !shown.checked;
        rowStatus.append(errorBox(err));
      }
    });
    const visibility = h('div', { class: 'checkbox skill-row__visibility' }, shown,
      h('label', { for: shownId }, t('person.showToAll'), h('span', { class: 'visually-hidden' }, ` (${skill.name})`)));
    return h('li', { class: ['skill-row', skill.shown === false ? 'is-hidden' : null], dataset: { skill: skill.name } },
      h('div', { class: 'skill-row__head' },
        h('div', { class: 'skill-row__name' }, h('span', { id: nameId }, skill.name),
          skill.source === 'hr' && !isPending(skill) ? h('span', { class: 'badge badge--muted' }, t('person.sourceHr')) : null,
          visibilityBadges(skill)),
        visibility),
      h('div', { class: 'skill-row__level' },
        h('label', { for: levelId, id: levelId + '-lbl', class: 'small-label' }, t('person.skillLevel')),
        level),
      h('div', { class: 'skill-row__checks' },
        h('div', { class: 'checkbox' }, mentor, h('label', { for: mentorId }, t('person.canMentor'), h('span', { class: 'visually-hidden' }, ` (${skill.name})`))),
        h('div', { class: 'checkbox' }, learn, h('label', { for: learnId }, t('person.wantsToLearn'), h('span', { class: 'visually-hidden' }, ` (${skill.name})`)))),
      h('div', { class: 'skill-row__actions' }, save, remove),
      rowStatus);
  }

  function renderAddSkill() {
    let chosen = null; // { name, isNew }
    const status = h('div', { class: 'form-status' });
    const combo = createCombobox({
      label: t('person.addSkillField'),
      hint: t('person.addSkillHint'),
      required: true,
      load: async (text) => {
        const suggestions = await call('skill_suggest', { prefix: text, limit: 8 });
        const items = suggestions.map((s) => ({
          key: s.name,
          name: s.name,
          isNew: false,
          className: s.known ? 'combo__option--known' : 'combo__option--term',
          render: () => [
            h('span', { class: 'combo__main' }, s.name),
            h('span', { class: 'combo__meta' }, s.known ? t('suggest.people', s.people) : t('suggest.thesaurus')),
          ],
        }));
        const typed = text.trim();
        const exists = suggestions.some((s) => s.name.toLocaleLowerCase('da') === typed.toLocaleLowerCase('da'));
        if (typed && !exists) {
          items.push({
            key: '__new', name: typed, isNew: true, className: 'combo__option--create',
            render: () => [h('span', { class: 'combo__plus', 'aria-hidden': 'true' }, '+'), h('span', { class: 'combo__main' }, t('suggest.create', typed))],
          });
        }
        return items;
      },
      onPick: (item, c) => {
        chosen = { name: item.name, isNew: item.isNew };
        c.input.value = item.name;
        c.setError(null);
      },
      onType: () => { chosen = null; },
    });

    const levelId = uid('add-level');
    const level = levelSelect({ id: levelId, required: true });
    const levelField = field({ label: t('person.skillLevel'), control: level, required: true });
    const mentorId = uid('add-m');
    const learnId = uid('add-l');
    const mentor = h('input', { type: 'checkbox', id: mentorId });
    const learn = h('input', { type: 'checkbox', id: learnId });
    const add = h('button', { type: 'submit', class: 'btn btn--primary' }, t('person.addSkillButton'));

    const form = h('form', { class: 'form add-skill', novalidate: true, 'aria-labelledby': 'add-skill-h' },
      h('h3', { id: 'add-skill-h' }, t('person.addSkill')),
      status,
      h('div', { class: 'form__grid' }, combo.element, levelField),
      h('div', { class: 'checks-inline' },
        h('div', { class: 'checkbox' }, mentor, h('label', { for: mentorId }, t('person.canMentor'))),
        h('div', { class: 'checkbox' }, learn, h('label', { for: learnId }, t('person.wantsToLearn')))),
      h('div', { class: 'form__actions' }, add));

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(status);
      const errors = [];
      if (!chosen) {
        combo.setError(t('person.errSkillPick'));
        errors.push({ control: combo.input, message: t('person.errSkillPick') });
      } else combo.setError(null);
      if (!level.value) {
        levelField.setError(t('person.errLevel'));
        errors.push({ control: level, message: t('person.errLevel') });
      } else levelField.setError(null);
      if (errors.length) {
        const summary = errorSummary(errors);
        status.append(summary);
        summary.focus();
        return;
      }
      add.disabled = true;
      try {
        const name = chosen.name;
        await saveSkill(name, Number(level.value), mentor.checked, learn.checked);
        renderSkillsEditor();
        skillsEditor.querySelector('.add-skill .combo__input')?.focus();
        announce(t('person.addSkillAdded', name));
      } catch (err) {
        add.disabled = false;
        status.append(errorBox(err));
      }
    });
    return form;
  }

  function renderSkillsEditor() {
    clear(skillsEditor);
    skillsEditor.append(
      h('h2', { id: 'edit-skills-h' }, t('person.skillsEdit')),
      (profile.skills || []).length ? h('p', { class: 'muted' }, t('person.visibilityHint')) : null,
      (profile.skills || []).length
        ? h('ul', { class: 'skill-rows', 'aria-labelledby': 'edit-skills-h' }, profile.skills.map(renderSkillRow))
        : h('p', { class: 'muted' }, t('person.skillsEmpty')),
      renderAddSkill());
  }

  function renderEdit() {
    clear(root);
    const done = h('button', { type: 'button', class: 'btn btn--primary', onclick: () => setEditing(false) }, t('person.doneEditing'));
    renderSkillsEditor();
    root.append(renderHeader(),
      h('section', { class: 'panel panel--edit', 'aria-label': t('person.editHeading') },
        renderProfileForm(),
        skillsEditor,
        h('div', { class: 'form__actions form__actions--end' }, done)));
  }

  function setEditing(on) {
    editing = on;
    if (on) {
      renderEdit();
      root.querySelector('#edit-profile-h')?.setAttribute('tabindex', '-1');
      root.querySelector('#edit-profile-h')?.focus();
    } else {
      renderView();
      root.querySelector('.person__actions .btn')?.focus();
    }
  }

  renderView();
  return { title: profile.name };
}
