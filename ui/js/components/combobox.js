// An accessible autocomplete (ARIA 1.2 combobox with a listbox popup), shared by
// the skill editor and the course form so keyboard and screen-reader behaviour
// is the same everywhere: ↑/↓ to move, Enter to pick, Esc to close.

import { h, clear, uid, debounce, field, announce } from '../dom.js';
import { t } from '../i18n.js';

/**
 * options:
 *  label, hint, required
 *  load(text) -> Promise<items>; an item is { key, text, render?: () => Node, className? }
 *  onPick(item, combo)  called when an option is chosen
 *  onType(text)         called on every edit (e.g. to forget an earlier pick)
 *  emptyText            shown when nothing matches
 */
export function createCombobox({ label, hint, required = false, load, onPick, onType, emptyText, minChars = 1 }) {
  const listId = uid('listbox');
  const input = h('input', {
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    class: 'input combo__input',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo__list', hidden: true, 'aria-label': label });
  const wrapper = field({ label, control: input, hint, required, className: 'combo' });
  // The popup belongs right under the input, inside the field.
  input.after(list);

  let items = [];
  let active = -1;
  let seq = 0;
  let open = false;

  function optionId(i) { return `${listId}-o${i}`; }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, idx) => {
      const on = idx === i;
      li.setAttribute('aria-selected', on ? 'true' : 'false');
      li.classList.toggle('is-active', on);
      if (on) li.scrollIntoView({ block: 'nearest' });
    });
    if (i >= 0) input.setAttribute('aria-activedescendant', optionId(i));
    else input.removeAttribute('aria-activedescendant');
  }

  function close() {
    open = false;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  }

  function render() {
    clear(list);
    items.forEach((item, i) => {
      list.append(h('li', {
        id: optionId(i),
        role: 'option',
        'aria-selected': 'false',
        class: ['combo__option', item.className],
        onmousedown: (e) => e.preventDefault(),
        onclick: () => pick(i),
      }, item.render ? item.render() : item.text));
    });
    if (!items.length && emptyText) {
      // A disabled option keeps the listbox valid while saying why it is empty.
      list.append(h('li', { role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', class: 'combo__empty', id: optionId('none') }, emptyText));
    }
    open = list.children.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', open ? 'true' : 'false');
    setActive(-1);
    announce(t('suggest.count', items.length));
  }

  async function refresh() {
    const text = input.value.trim();
    const mine = ++seq;
    if (text.length < minChars) { items = []; close(); return; }
    let result = [];
    try {
      result = await load(text);
    } catch {
      result = [];
    }
    if (mine !== seq || document.activeElement !== input) return;
    items = result;
    render();
  }
  const refreshSoon = debounce(refresh, 150);

  function pick(i) {
    const item = items[i];
    if (!item) return;
    close();
    seq++;
    onPick?.(item, api);
  }

  input.addEventListener('input', () => {
    onType?.(input.value);
    refreshSoon();
  });
  input.addEventListener('keydown', (e) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) { refresh(); return; }
        if (items.length) setActive(active < items.length - 1 ? active + 1 : 0);
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open && items.length) setActive(active > 0 ? active - 1 : items.length - 1);
        break;
      case 'Enter':
        if (open && active >= 0) { e.preventDefault(); pick(active); }
        else if (open) { e.preventDefault(); }
        break;
      case 'Escape':
        if (open) { e.preventDefault(); e.stopPropagation(); close(); }
        else if (input.value) { e.preventDefault(); e.stopPropagation(); input.value = ''; onType?.(''); }
        break;
      case 'Tab':
        close();
        break;
      default:
    }
  });
  input.addEventListener('blur', () => { window.setTimeout(close, 120); });

  const api = {
    element: wrapper,
    input,
    setError: wrapper.setError,
    close,
    reset() { input.value = ''; items = []; close(); },
  };
  return api;
}
