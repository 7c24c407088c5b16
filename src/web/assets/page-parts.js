// @ts-check
import { clear, el, showError } from './dom.js';

// The building blocks the pages are made of: a card with a heading whose content loads on its own,
// so one missing piece of data does not hide the others. A new panel on a page is one import and
// one call: mountSection(parent, { id, title, load }).

/**
 * @typedef {object} Section
 * @property {string} id the section is #section-<id>, its heading #<id>-heading
 * @property {string} title
 * @property {(body: HTMLElement) => Promise<void>} load fills the section's body
 * @property {string} [className] extra classes of the card
 */

/**
 * @param {HTMLElement} parent
 * @param {Section} section
 * @returns {HTMLElement} the section element
 */
export function mountSection(parent, { id, title, load, className }) {
  const loading = el('p', { class: 'loading' }, 'Wird geladen …');
  const content = el('div', { class: 'section-content' });
  const body = el('div', { class: 'body' }, loading, content);
  const node = el('section', { class: `card ${className ?? ''}`.trim(), id: `section-${id}`, 'aria-labelledby': `${id}-heading` }, el('h2', { id: `${id}-heading` }, title), body);
  parent.append(node);
  load(content)
    .catch((err) => showError(clear(content), err))
    .finally(() => loading.remove());
  return node;
}

/**
 * @param {HTMLElement} section
 * @param {string} title
 */
export function setSectionTitle(section, title) {
  const heading = section.querySelector('h2');
  if (heading) heading.textContent = title;
}
