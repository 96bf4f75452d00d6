// Colleagues to pick while typing, as every people combobox offers them:
// the name, with title and unit beside it.

import { call } from '../api.js';
import { h } from '../dom.js';

const LIMIT = 8;

/** Combobox items for the people whose name starts with `text`, leaving out those `exclude` names. */
export async function suggestPeople(text, { exclude = () => false } = {}) {
  const people = await call('people_suggest', { prefix: text, limit: LIMIT });
  return people.filter((p) => !exclude(p)).map((p) => ({
    key: p.id, person: p,
    render: () => [h('span', { class: 'combo__main' }, p.name),
      h('span', { class: 'combo__meta' }, [p.title, p.department].filter(Boolean).join(' · '))],
  }));
}
