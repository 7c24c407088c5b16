// @ts-check
import { api } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { formatDateTime } from './german-format.js';

// The inbox of the signed-in side: newest first, unread ones marked (symbol and text), with links.

/** @typedef {{ id: string, title: string, body: string, link: string | null, createdAt: string, read: boolean }} Notice */

const root = document.getElementById('inbox');
if (root) load(root).catch((err) => showError(root, err));

/** @param {HTMLElement} box */
async function load(box) {
  /** @type {{ unread: number, items: Notice[] }} */
  const inbox = await api('/api/v1/notifications?limit=200');
  clear(box);
  append(box, [
    el('p', { role: 'status' }, inbox.unread === 1 ? '1 ungelesene Mitteilung.' : `${inbox.unread} ungelesene Mitteilungen.`),
    inbox.unread ? el('button', { type: 'button', onclick: () => api('/api/v1/notifications/read-all', { method: 'POST', body: {} }).then(() => load(box)) }, 'Alle als gelesen markieren') : null,
    inbox.items.length
      ? el(
          'ul',
          { class: 'notification-list' },
          inbox.items.map((n) =>
            el(
              'li',
              { class: n.read ? 'notification-read' : 'notification-unread', 'data-id': n.id },
              el('h3', {}, n.read ? '' : el('span', { class: 'visually-hidden' }, 'Ungelesen: '), n.title),
              el('p', {}, n.body),
              el('p', { class: 'muted' }, formatDateTime(n.createdAt), n.link ? [' · ', el('a', { href: n.link }, 'Öffnen')] : null),
              n.read ? null : el('button', { type: 'button', onclick: () => api(`/api/v1/notifications/${encodeURIComponent(n.id)}/read`, { method: 'POST', body: {} }).then(() => load(box)) }, 'Als gelesen markieren'),
            ),
          ),
        )
      : el('p', {}, 'Keine Mitteilungen.'),
  ]);
}
