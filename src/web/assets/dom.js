// @ts-check
// A tiny element builder: text is always set as text (never parsed as HTML).

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Something to put into an element: a node, text, or a (nested) list of them; empty values are skipped.
 * @typedef {Node | string | number | null | undefined | false | ChildList} Child
 */
/** @typedef {ReadonlyArray<Child>} ChildList */

/**
 * Attributes; `on…` functions become listeners, `dataset` fills data-*, `true` is an empty attribute.
 * @typedef {Record<string, string | number | boolean | null | undefined | ((event: any) => void) | Record<string, string>>} Attrs
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/**
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {...Child} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs = {}, ...children) {
  return build(/** @type {SVGElementTagNameMap[K]} */ (document.createElementNS(SVG_NS, tag)), attrs, children);
}

/**
 * @template {HTMLElement | SVGElement} E
 * @param {E} node
 * @param {Attrs} attrs
 * @param {ChildList} children
 * @returns {E}
 */
function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'dataset' && typeof value === 'object') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/**
 * @template {Node} N
 * @param {N} node
 * @param {ChildList} children
 * @returns {N}
 */
export function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : /** @type {Node} */ (child));
  }
  return node;
}

/**
 * @template {Node} N
 * @param {N} node
 * @returns {N}
 */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/**
 * Replaces a container's content and announces the error as text.
 * @param {Element} container
 * @param {unknown} err
 */
export function showError(container, err) {
  clear(container).append(el('p', { class: 'error-box', role: 'alert' }, el('span', { 'aria-hidden': 'true' }, '✗ '), err instanceof Error ? err.message : String(err)));
}

/**
 * The element with this id; a page script that cannot find its own element is broken, so say so.
 * @param {string} id
 * @returns {HTMLElement}
 */
export function byId(id) {
  const found = document.getElementById(id);
  if (!found) throw new Error(`Element #${id} fehlt auf der Seite.`);
  return found;
}
