// @ts-check
import { api } from './api-client.js';
import { el } from './dom.js';

// The unread count on every page: a link to the inbox in the header, before the sign-out button.

const session = document.querySelector('.site-header .session');
if (session) {
  api('/api/v1/notifications/unread-count')
    .then((/** @type {{ unread: number }} */ { unread }) => {
      const label = unread === 1 ? '1 ungelesene Mitteilung' : `${unread} ungelesene Mitteilungen`;
      session.prepend(el('a', { class: 'inbox-link', href: '/mitteilungen', id: 'inbox-link', 'aria-label': `Mitteilungen: ${label}` }, el('span', { 'aria-hidden': 'true' }, unread ? '✉ ' : ''), `Mitteilungen (${unread})`));
    })
    .catch(() => undefined); // the page works without the count
}
