// The question asked before something that cannot be undone (clearing the
// demo data, erasing a person, applying the retention rules): a modal
// <dialog>, so focus stays inside it and Esc cancels, that says in words what
// will happen. The safe choice has focus, so Enter does not delete by accident.

import { t } from '../i18n.js';
import { h, uid } from '../dom.js';

/**
 * Resolves to true when the user confirms, false when they cancel. `body` is
 * a text or a list of texts and nodes, each its own paragraph. The caller
 * puts focus where the answer leaves the user (back on the button that asked,
 * or on the outcome), since the dialog is gone by then.
 */
export function confirmDialog({ title, body, confirm, cancel = t('common.cancel') }) {
  return new Promise((resolve) => {
    const titleId = uid('dlg-h');
    const bodyId = uid('dlg-b');
    const cancelBtn = h('button', { type: 'button', class: 'btn', value: 'cancel' }, cancel);
    const okBtn = h('button', { type: 'button', class: 'btn btn--danger-solid', value: 'ok' }, confirm);
    const paragraphs = (Array.isArray(body) ? body : [body]).filter(Boolean)
      .map((part) => (part instanceof Node ? part : h('p', {}, part)));
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId, 'aria-describedby': bodyId },
      h('h2', { id: titleId }, title),
      h('div', { id: bodyId }, paragraphs),
      h('div', { class: 'form__actions' }, cancelBtn, okBtn));
    const finish = (answer) => { dialog.close(); dialog.remove(); resolve(answer); };
    cancelBtn.addEventListener('click', () => finish(false));
    okBtn.addEventListener('click', () => finish(true));
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); finish(false); });
    document.body.append(dialog);
    dialog.showModal();
    cancelBtn.focus();
  });
}
