// Course and conference reports: what colleagues brought home, and who went.
// Writing a report is how a course becomes searchable knowledge, so the form
// makes picking the right colleagues and existing skills quick.

import { call } from '../api.js';
import { t, formatDate } from '../i18n.js';
import { h, clear, announce, debounce, uid, field, errorBox, errorSummary, busyIndicator } from '../dom.js';
import { createCombobox } from '../components/combobox.js';
import { suggestPeople } from '../components/people.js';
import { isHr } from '../session.js';

const KINDS = ['kursus', 'konference', 'temadag', 'uddannelse'];
const PAGE = 30;

export async function render(main, ctx) {
  if (ctx.route.sub === 'ny') return renderForm(main, ctx);
  return renderList(main, ctx);
}

function hashFor(q, vis) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (vis) params.set('vis', vis);
  const s = params.toString();
  return '#/kurser' + (s ? '?' + s : '');
}

// Takeaways are often written as "- point" lines; show those as a real list.
function takeawaysBlock(text) {
  const lines = String(text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length > 1 && lines.every((l) => /^[-*•]\s*/.test(l))) {
    return h('ul', { class: 'takeaways' }, lines.map((l) => h('li', {}, l.replace(/^[-*•]\s*/, ''))));
  }
  return h('p', { class: 'preline' }, text);
}

function courseCard(course, { focusId } = {}) {
  const headingId = uid('course-h');
  const dates = course.end_date && course.end_date !== course.date
    ? t('courses.dateRange', formatDate(course.date), formatDate(course.end_date))
    : formatDate(course.date);
  const attendees = course.attendees || [];
  return h('li', { class: 'card-item' },
    h('article', {
      class: ['card', 'course-card', focusId === course.id ? 'is-target' : null],
      'aria-labelledby': headingId,
      id: 'course-' + course.id,
      tabindex: focusId === course.id ? '-1' : null,
    },
    h('h2', { id: headingId, class: 'card__title' }, course.title),
    h('p', { class: 'card__sub' },
      course.hr_only ? [h('span', { class: 'badge badge--hr' }, t('courses.hrOnlyBadge')), ' '] : null,
      course.kind ? h('span', { class: 'tag tag--course' }, t('courseKind.' + course.kind)) : null, ' ',
      dates ? h('span', {}, dates) : null,
      course.provider ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', {}, course.provider)] : null,
      course.location ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '), h('span', {}, course.location)] : null),
    course.summary ? [h('h3', { class: 'card__subhead' }, t('courses.summary')), h('p', { class: 'preline' }, course.summary)] : null,
    course.key_takeaways ? [h('h3', { class: 'card__subhead' }, t('courses.takeaways')), takeawaysBlock(course.key_takeaways)] : null,
    course.skills?.length ? h('div', { class: 'chips-row' },
      h('h3', { class: 'card__subhead card__subhead--inline' }, t('courses.skills')),
      h('ul', { class: 'chips' }, course.skills.map((s) => h('li', { class: 'chip' }, s)))) : null,
    attendees.length || course.former_attendees ? h('div', { class: 'attendees' },
      h('h3', { class: 'card__subhead card__subhead--inline' }, t('courses.attendees')),
      h('ul', { class: 'inline-list' },
        attendees.map((a) => h('li', {},
          h('a', { href: '#/person/' + encodeURIComponent(a.id) }, a.name),
          a.role === 'rapportforfatter' ? h('span', { class: 'muted' }, ` (${t('courses.authorMark')})`) : null,
          shareBackNote(a.share_back))),
        // Erased colleagues are counted, never named.
        course.former_attendees ? h('li', { class: 'muted' }, t('courses.formerAttendees', course.former_attendees)) : null)) : null));
}

// Where and when an attendee presented the course to colleagues.
function shareBackNote(shareBack) {
  if (!shareBack || shareBack.state === 'afventer') return null;
  const key = shareBack.state === 'delt' ? 'courses.sharedAt' : 'courses.sharePlanned';
  return h('span', { class: 'muted' }, ' – ', t(key, formatDate(shareBack.date), shareBack.forum || ''));
}

async function renderList(main, ctx) {
  let q = ctx.query.get('q') || '';
  const vis = ctx.query.get('vis');
  let limit = vis ? 1000 : PAGE;
  let seq = 0;

  const inputId = uid('cq');
  const input = h('input', { id: inputId, type: 'search', class: 'input', value: q, autocomplete: 'off' });
  const count = h('p', { class: 'results__count' });
  const list = h('ol', { class: 'cards cards--courses' });
  const more = h('div', { class: 'results__more' });
  const status = h('div', {});

  main.append(
    h('div', { class: 'screen-head' },
      h('div', {},
        h('h1', { tabindex: '-1' }, t('courses.title')),
        h('p', { class: 'lead' }, t('courses.intro'))),
      h('a', { href: '#/kurser/ny', class: 'btn btn--primary' }, t('courses.write'))),
    h('form', { class: 'searchbar searchbar--small', role: 'search', 'aria-label': t('courses.search'), onsubmit: (e) => { e.preventDefault(); runNow(); } },
      h('label', { for: inputId, class: 'searchbar__label' }, t('courses.search')),
      h('div', { class: 'searchbar__row' }, input, h('button', { type: 'submit', class: 'btn' }, t('search.submit')))),
    status,
    h('section', { class: 'results', 'aria-label': t('courses.title') }, count, list, more));

  async function run({ quiet = false } = {}) {
    const mine = ++seq;
    let courses;
    try {
      courses = await call('course_list', { query: q.trim(), limit: limit + 1 });
    } catch (err) {
      if (mine !== seq) return;
      clear(status); status.append(errorBox(err));
      return;
    }
    if (mine !== seq || !ctx.isCurrent()) return;
    clear(status); clear(list); clear(more);
    // Asking for one more than shown tells whether a "show more" is needed.
    const hasMore = courses.length > limit;
    const shown = courses.slice(0, limit);
    count.textContent = !shown.length && !q.trim() ? t('courses.empty') : t('courses.count', shown.length) + (hasMore ? '+' : '');
    shown.forEach((c) => list.append(courseCard(c, { focusId: vis })));
    if (hasMore) {
      more.append(h('button', {
        type: 'button', class: 'btn',
        onclick: async () => {
          const at = shown.length;
          limit += PAGE;
          await run({ quiet: true });
          list.querySelectorAll('.course-card')[at]?.setAttribute('tabindex', '-1');
          list.querySelectorAll('.course-card')[at]?.focus();
        },
      }, t('search.showMore', PAGE)));
    }
    if (!quiet) announce(count.textContent);
  }
  const runSoon = debounce(run, 200);
  function runNow() { runSoon.cancel(); return run(); }

  input.addEventListener('input', () => {
    q = input.value;
    limit = PAGE;
    ctx.navigate(hashFor(q), { replace: true });
    runSoon();
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      input.value = '';
      q = '';
      ctx.navigate(hashFor(''), { replace: true });
      runNow();
    }
  });

  await run({ quiet: true });
  return {
    title: t('courses.title'),
    cleanup: () => { runSoon.cancel(); seq++; },
    focus: () => (vis ? document.getElementById('course-' + vis) : null),
  };
}

function renderForm(main, ctx) {
  const container = h('div', { class: 'course-form' });
  main.append(
    h('div', { class: 'screen-head' },
      h('div', {},
        h('h1', { tabindex: '-1' }, t('courseForm.heading')),
        h('p', { class: 'lead' }, t('courseForm.intro')))),
    container);

  function build() {
    clear(container);
    const attendees = []; // { id, name, author }
    const skills = [];
    const status = h('div', { class: 'form-status' });

    const title = h('input', { type: 'text', class: 'input' });
    const titleField = field({ label: t('courseForm.fieldTitle'), control: title, required: true, className: 'field--wide' });
    const kind = h('select', { class: 'select' }, KINDS.map((k) => h('option', { value: k }, t('courseKind.' + k))));
    const provider = h('input', { type: 'text', class: 'input' });
    const date = h('input', { type: 'date', class: 'input' });
    const dateField = field({ label: t('courseForm.fieldDate'), control: date, required: true });
    const endDate = h('input', { type: 'date', class: 'input' });
    const endField = field({ label: t('courseForm.fieldEndDate'), control: endDate, hint: t('courseForm.fieldEndDateHint'), optional: true });
    const location = h('input', { type: 'text', class: 'input' });
    const summary = h('textarea', { class: 'textarea', rows: '6' });
    // Only HR and administrators may keep a report to HR; others never see the choice.
    const hrOnlyId = uid('hr-only');
    const hrOnly = isHr() ? h('input', { type: 'checkbox', id: hrOnlyId, 'aria-describedby': hrOnlyId + '-hint' }) : null;
    const hrOnlyField = hrOnly ? h('div', { class: 'field field--wide field--check' },
      h('div', { class: 'checkbox' }, hrOnly, h('label', { for: hrOnlyId }, t('courseForm.hrOnly'))),
      h('p', { class: 'field__hint', id: hrOnlyId + '-hint' }, t('courseForm.hrOnlyHint'))) : null;
    const takeaways = h('textarea', { class: 'textarea', rows: '5' });

    // Attendees: picked from the directory, shown as chips; authors are among them.
    const attendeeList = h('ul', { class: 'chips chips--people', 'aria-label': t('courseForm.attendeesChosen') });
    const attendeeEmpty = h('p', { class: 'muted' }, t('courseForm.attendeesNone'));
    const peopleCombo = createCombobox({
      label: t('courseForm.fieldAttendees'),
      hint: t('courseForm.fieldAttendeesHint'),
      emptyText: t('suggest.noPeople'),
      load: (text) => suggestPeople(text, { exclude: (p) => attendees.some((a) => a.id === p.id) }),
      onPick: (item, c) => {
        attendees.push({ id: item.person.id, name: item.person.name, author: attendees.length === 0 });
        c.reset();
        c.setError(null);
        renderAttendees();
        announce(t('courseForm.attendeeAdded', item.person.name));
        c.input.focus();
      },
    });

    function renderAttendees() {
      clear(attendeeList);
      attendeeEmpty.hidden = attendees.length > 0;
      attendeeList.hidden = attendees.length === 0;
      attendees.forEach((a, i) => {
        const authorId = uid('author');
        attendeeList.append(h('li', { class: 'chip chip--person' },
          h('span', { class: 'chip__name' }, a.name),
          h('span', { class: 'checkbox checkbox--small' },
            h('input', { type: 'checkbox', id: authorId, checked: a.author, onchange: (e) => { a.author = e.target.checked; } }),
            h('label', { for: authorId }, t('courseForm.author'), h('span', { class: 'visually-hidden' }, ` (${a.name})`))),
          h('button', {
            type: 'button', class: 'chip__remove', 'aria-label': t('courseForm.removeAttendee', a.name),
            onclick: () => {
              attendees.splice(i, 1);
              renderAttendees();
              announce(t('courseForm.attendeeRemoved', a.name));
              (attendeeList.querySelectorAll('.chip__remove')[Math.min(i, attendees.length - 1)] || peopleCombo.input).focus();
            },
          }, h('span', { 'aria-hidden': 'true' }, '×'))));
      });
    }
    renderAttendees();

    const skillList = h('ul', { class: 'chips', 'aria-label': t('courseForm.skillsChosen') });
    const skillCombo = createCombobox({
      label: t('courseForm.fieldSkills'),
      hint: t('courseForm.fieldSkillsHint'),
      load: async (text) => {
        const found = (await call('skill_suggest', { prefix: text, limit: 8 })).filter((s) => !skills.includes(s.name));
        const items = found.map((s) => ({
          key: s.name, name: s.name, className: s.known ? 'combo__option--known' : 'combo__option--term',
          render: () => [h('span', { class: 'combo__main' }, s.name),
            h('span', { class: 'combo__meta' }, s.known ? t('suggest.people', s.people) : t('suggest.thesaurus'))],
        }));
        const typed = text.trim();
        if (typed && !found.some((s) => s.name.toLocaleLowerCase('da') === typed.toLocaleLowerCase('da')) && !skills.includes(typed)) {
          items.push({ key: '__new', name: typed, className: 'combo__option--create',
            render: () => [h('span', { class: 'combo__plus', 'aria-hidden': 'true' }, '+'), h('span', { class: 'combo__main' }, t('suggest.create', typed))] });
        }
        return items;
      },
      onPick: (item, c) => {
        skills.push(item.name);
        c.reset();
        renderSkills();
        announce(t('person.addSkillAdded', item.name));
        c.input.focus();
      },
    });
    function renderSkills() {
      clear(skillList);
      skillList.hidden = skills.length === 0;
      skills.forEach((s, i) => skillList.append(h('li', { class: 'chip' }, s,
        h('button', {
          type: 'button', class: 'chip__remove', 'aria-label': t('person.skillRemove', s),
          onclick: () => {
            skills.splice(i, 1);
            renderSkills();
            announce(t('person.skillRemoved', s));
            (skillList.querySelectorAll('.chip__remove')[Math.min(i, skills.length - 1)] || skillCombo.input).focus();
          },
        }, h('span', { 'aria-hidden': 'true' }, '×')))));
    }
    renderSkills();

    const saveBtn = h('button', { type: 'submit', class: 'btn btn--primary' }, t('courseForm.save'));
    const busy = h('div', { class: 'form-busy' });
    const form = h('form', { class: 'form', novalidate: true, 'aria-label': t('courseForm.heading') },
      status,
      h('fieldset', { class: 'form__section' },
        h('legend', {}, t('courseForm.about')),
        h('div', { class: 'form__grid' },
          titleField,
          field({ label: t('courseForm.fieldKind'), control: kind }),
          field({ label: t('courseForm.fieldProvider'), control: provider, optional: true }),
          dateField,
          endField,
          field({ label: t('courseForm.fieldLocation'), control: location, optional: true, className: 'field--wide' }),
          hrOnlyField)),
      h('fieldset', { class: 'form__section' },
        h('legend', {}, t('courseForm.people')),
        peopleCombo.element,
        attendeeEmpty,
        attendeeList),
      h('fieldset', { class: 'form__section' },
        h('legend', {}, t('courseForm.report')),
        field({ label: t('courseForm.fieldSummary'), control: summary, hint: t('courseForm.fieldSummaryHint') }),
        field({ label: t('courseForm.fieldTakeaways'), control: takeaways, hint: t('courseForm.fieldTakeawaysHint') }),
        skillCombo.element,
        skillList),
      h('div', { class: 'form__actions' }, saveBtn, h('a', { href: '#/kurser', class: 'btn btn--ghost' }, t('common.cancel'))),
      busy);

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(status);
      const errors = [];
      const check = (fieldEl, control, message) => {
        fieldEl.setError(message);
        if (message) errors.push({ control, message });
      };
      check(titleField, title, title.value.trim() ? null : t('courseForm.errTitle'));
      check(dateField, date, /^\d{4}-\d{2}-\d{2}$/.test(date.value) ? null : t('courseForm.errDate'));
      check(endField, endDate, endDate.value && date.value && endDate.value < date.value ? t('courseForm.errEndDate') : null);
      let attendeeError = null;
      if (peopleCombo.input.value.trim()) attendeeError = t('courseForm.errAttendeeTyped');
      else if (!attendees.length) attendeeError = t('courseForm.errAttendees');
      check(peopleCombo, peopleCombo.input, attendeeError);
      if (errors.length) {
        const box = errorSummary(errors);
        status.append(box);
        box.focus();
        return;
      }

      saveBtn.disabled = true;
      form.setAttribute('aria-busy', 'true');
      busy.append(busyIndicator(t('courseForm.saving')));
      try {
        const saved = await call('course_save', {
          course: {
            title: title.value.trim(),
            kind: kind.value,
            provider: provider.value.trim(),
            date: date.value,
            end_date: endDate.value || null,
            location: location.value.trim(),
            summary: summary.value.trim(),
            key_takeaways: takeaways.value.trim(),
            skills: [...skills],
            attendees: attendees.map((a) => a.id),
            authors: attendees.filter((a) => a.author).map((a) => a.id),
            ...(hrOnly ? { hr_only: hrOnly.checked } : {}),
          },
        });
        showSaved(saved);
        ctx.refreshStats();
      } catch (err) {
        saveBtn.disabled = false;
        form.removeAttribute('aria-busy');
        clear(busy);
        const box = errorBox(err);
        box.setAttribute('tabindex', '-1');
        status.append(box);
        box.focus();
      }
    });

    container.append(form);
  }

  function showSaved(course) {
    clear(container);
    const heading = h('h2', { tabindex: '-1' }, t('courseForm.savedTitle'));
    const query = course.title;
    container.append(h('div', { class: 'alert alert--ok confirmation' },
      heading,
      h('p', {}, course.hr_only ? t('courseForm.savedBodyHrOnly', course.title) : t('courseForm.savedBody', course.title)),
      h('ul', { class: 'link-list' },
        h('li', {}, h('a', { href: '#/sog?' + new URLSearchParams({ q: query }).toString(), class: 'btn btn--primary' }, t('courses.findAttendees'))),
        h('li', {}, h('a', { href: '#/kurser?vis=' + encodeURIComponent(course.id), class: 'btn' }, t('courseForm.backToList'))),
        h('li', {}, h('button', { type: 'button', class: 'btn btn--ghost', onclick: () => { build(); main.querySelector('h1')?.focus(); } }, t('courseForm.writeAnother'))))));
    heading.focus();
    announce(t('courseForm.savedTitle'));
  }

  build();
  return { title: t('courseForm.heading') };
}
