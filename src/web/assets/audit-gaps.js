// @ts-check
import { api } from './api-client.js';
import { el } from './dom.js';
import { formatDate } from './german-format.js';

// Coordination overview: the nights the nightly audit did not judge and will not catch up by itself
// (older than NIGHTLY_CATCH_UP_DAYS when the service came back), with the command that audits each
// (issue 10). Shown above the runs; nothing at all when there is no gap.

/**
 * One open gap as GET /api/v1/audits/gaps answers it (src/audits/audit-gaps.ts).
 * @typedef {{ night: string, runId: string, from: string, to: string, periods: string[], command: string }} AuditGap
 */

/** More nights than this are summarised; the API lists them all. */
const SHOWN = 10;

/**
 * @param {AuditGap[]} gaps
 * @returns {HTMLElement}
 */
export function renderAuditGaps(gaps) {
  const shown = gaps.slice(0, SHOWN);
  return el(
    'section',
    { class: 'error-box', role: 'status', 'aria-labelledby': 'audit-gaps-heading' },
    el('h2', { id: 'audit-gaps-heading' }, el('span', { 'aria-hidden': 'true' }, '⚠ '), gaps.length === 1 ? 'Eine Nacht wurde nicht geprüft' : `${gaps.length} Nächte wurden nicht geprüft`),
    el('p', {}, 'Die nächtliche Prüfung holt diese Nächte nicht mehr selbst nach, weil der Dienst zu lange nicht lief. Auf dem Server des Dienstes nachholen mit:'),
    el(
      'ul',
      { class: 'audit-gaps' },
      shown.map((gap) => el('li', { 'data-night': gap.night }, `Prüfung für den ${formatDate(gap.night)}: `, el('code', {}, gap.command))),
    ),
    gaps.length > SHOWN ? el('p', {}, `… und ${gaps.length - SHOWN} weitere (vollständige Liste: GET /api/v1/audits/gaps).`) : null,
  );
}

async function init() {
  const box = document.getElementById('audit-gaps');
  if (!box) return;
  /** @type {AuditGap[]} */
  const gaps = await api('/api/v1/audits/gaps');
  if (gaps.length > 0) box.append(renderAuditGaps(gaps));
}

// The notice is an addition to the page: if it cannot be loaded, the overview still works.
init().catch(() => undefined);
