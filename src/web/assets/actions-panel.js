// @ts-check
import { api } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { formatDate, formatPeriod } from './german-format.js';

// Corrective actions (Maßnahmen) on the office page (its own actions, with plan and done) and on the
// coordination overview (open, overdue and recently verified actions per office, with dismiss and
// reopen). Words come from GET /api/v1/standards (vocabulary, rule titles): no label copies here.

/**
 * @typedef {{ text: string, icon: string }} Wording
 * @typedef {{ id: string, title: string, shortTitle: string }} RuleInfo
 * @typedef {{ rules: RuleInfo[], vocabulary: { statuses: Record<string, Wording>, actionStatuses: Record<string, Wording>, overdue: Wording, sides: Record<string, string> } }} Standards
 * @typedef {{ title: string, roundTitle: string, followUp: { roundTitle: string, change: string | null } | null }} SurveyOrigin
 * @typedef {{ id: string, officeId: string | null, scope: string, source: string, sourceLabel: string, ruleId: string | null, status: string, overdue: boolean, responsibleSide: string,
 *   measure: string | null, dueDate: string, doneOn: string | null, verifyPeriod: string | null, dismissReason: string | null, closedAt: string | null, findingCount: number,
 *   survey: SurveyOrigin | null }} Action
 * @typedef {{ id: string, status: string }} Run
 * @typedef {{ ruleId: string, period: string, message: string, status: string }} Finding
 * @typedef {{ id: string, name: string }} Office
 */

const root = document.getElementById('actions-panel');
if (root) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/assets/actions.css';
  document.head.append(link);
  init(root).catch((err) => showError(root, err));
}

/** @param {HTMLElement} container */
async function init(container) {
  /** @type {Standards} */
  const standards = await api('/api/v1/standards');
  const role = container.dataset.role || 'regional';
  const officeId = container.dataset.officeId;
  const ctx = { standards, role, reload: () => init(container) };
  if (officeId) await renderOffice(container, ctx, officeId);
  else await renderCoordination(container, ctx);
}

/**
 * @param {Standards} standards
 * @param {string} ruleId
 */
function ruleTitle(standards, ruleId) {
  return standards.rules.find((r) => r.id === ruleId)?.title ?? ruleId;
}

/**
 * @param {Wording} w
 * @param {string} cls
 */
function badge(w, cls) {
  return el('span', { class: `status ${cls}` }, el('span', { class: 'status-icon', 'aria-hidden': 'true' }, w.icon), ` ${w.text}`);
}

/**
 * @param {HTMLElement} container
 * @param {{ standards: Standards, role: string, reload: () => Promise<void> }} ctx
 * @param {string} officeId
 */
async function renderOffice(container, ctx, officeId) {
  const [actions, runs] = await Promise.all([
    /** @type {Promise<Action[]>} */ (api(`/api/v1/actions?office=${encodeURIComponent(officeId)}`)),
    /** @type {Promise<Run[]>} */ (api('/api/v1/audits')),
  ]);
  const latest = runs.find((r) => r.status === 'succeeded');
  /** @type {Finding[]} */
  const violations = latest ? await api(`/api/v1/audits/${encodeURIComponent(latest.id)}/findings?office=${encodeURIComponent(officeId)}&status=non_compliant`) : [];
  const live = actions.filter((a) => ['open', 'planned', 'done'].includes(a.status));
  const closed = actions.filter((a) => a.status === 'verified' || a.status === 'dismissed');
  const month = previousMonth(container.dataset.today);
  clear(container);
  append(container, [
    el('h2', { id: 'massnahmen-heading' }, 'Feststellungen und Maßnahmen'),
    el('h3', {}, 'Verstöße im letzten Prüflauf'),
    violations.length
      ? el('ul', { id: 'violations' }, violations.map((f) => el('li', {}, badge(ctx.standards.vocabulary.statuses.non_compliant, 'status-non_compliant'), ' ', el('strong', {}, ruleTitle(ctx.standards, f.ruleId)), ` (${formatPeriod(f.period)}): ${f.message}`)))
      : el('p', { id: 'violations' }, latest ? 'Der letzte Prüflauf hat keinen Verstoß festgestellt.' : 'Es gibt noch keinen abgeschlossenen Prüflauf.'),
    el('h3', {}, 'Offene Maßnahmen'),
    live.length ? el('ul', { class: 'action-list', id: 'open-actions' }, live.map((a) => actionItem(a, ctx))) : el('p', { id: 'open-actions' }, 'Keine offenen Maßnahmen.'),
    closed.length ? el('details', {}, el('summary', {}, `Abgeschlossene Maßnahmen (${closed.length})`), el('ul', { class: 'action-list' }, closed.map((a) => actionItem(a, ctx)))) : null,
    el('p', {}, el('a', { href: `/api/v1/offices/${encodeURIComponent(officeId)}/report?period=${month}` }, `Bericht ${formatPeriod(month)} (druckbar)`), ' · ', el('a', { href: `/api/v1/offices/${encodeURIComponent(officeId)}/report.pdf?period=${month}`, id: 'report-pdf-link' }, 'als PDF')),
  ]);
}

/**
 * @param {HTMLElement} container
 * @param {{ standards: Standards, role: string, reload: () => Promise<void> }} ctx
 */
async function renderCoordination(container, ctx) {
  const [live, verified, offices] = await Promise.all([
    /** @type {Promise<Action[]>} */ (api('/api/v1/actions')),
    /** @type {Promise<Action[]>} */ (api('/api/v1/actions?status=verified&closedWithinDays=30')),
    /** @type {Promise<Office[]>} */ (api('/api/v1/offices')),
  ]);
  const open = live.filter((a) => ['open', 'planned', 'done'].includes(a.status));
  const overdue = open.filter((a) => a.overdue);
  const name = (/** @type {string | null} */ id) => (id === null ? 'ganzer Bezirk' : offices.find((o) => o.id === id)?.name ?? id);
  /** @param {Action[]} list @param {string} id @param {string} empty */
  const byOffice = (list, id, empty) => {
    if (list.length === 0) return el('p', { id }, empty);
    const groups = [...new Set(list.map((a) => a.officeId))];
    return el('div', { id }, groups.map((g) => el('section', { class: 'office-actions', 'data-office': g ?? 'district' }, el('h4', {}, name(g)), el('ul', { class: 'action-list' }, list.filter((a) => a.officeId === g).map((a) => actionItem(a, ctx))))));
  };
  clear(container);
  append(container, [
    el('h2', { id: 'massnahmen-heading' }, 'Maßnahmen der Regionalstellen'),
    el('p', { class: 'summary-counts' }, `${open.length} offen · ${overdue.length} überfällig · ${verified.length} in den letzten 30 Tagen bestätigt`),
    el('h3', {}, `${ctx.standards.vocabulary.overdue.icon} Überfällig`),
    byOffice(overdue, 'overdue-actions', 'Keine überfälligen Maßnahmen.'),
    el('h3', {}, 'Offen, geplant oder erledigt gemeldet'),
    byOffice(open.filter((a) => !a.overdue), 'open-actions', 'Keine weiteren offenen Maßnahmen.'),
    el('h3', {}, 'Kürzlich bestätigt'),
    byOffice(verified, 'verified-actions', 'In den letzten 30 Tagen wurde keine Maßnahme bestätigt.'),
  ]);
}

/**
 * @param {Action} a
 * @param {{ standards: Standards, role: string, reload: () => Promise<void> }} ctx
 */
function actionItem(a, ctx) {
  const v = ctx.standards.vocabulary;
  const status = v.actionStatuses[a.status] ?? { text: a.status, icon: '•' };
  const details = [
    `Frist ${formatDate(a.dueDate)}`,
    a.doneOn ? `erledigt gemeldet am ${formatDate(a.doneOn)}` : null,
    a.verifyPeriod ? `entscheidend: ${formatPeriod(a.verifyPeriod)}` : null,
    a.survey ? `Quelle: ${a.sourceLabel} „${a.survey.roundTitle}“` : `${a.findingCount} ${a.findingCount === 1 ? 'Feststellung' : 'Feststellungen'}`,
    a.survey?.followUp ? `Folgerunde „${a.survey.followUp.roundTitle}“: ${a.survey.followUp.change === 'better' ? 'besser' : a.survey.followUp.change === 'worse' ? 'schlechter' : 'unverändert'}` : null,
  ].filter(Boolean);
  const status_ = el('p', { class: 'muted' }, details.join(' · '));
  const feedback = el('p', { class: 'field-error', role: 'alert', hidden: true });
  return el(
    'li',
    { class: 'action-item', 'data-action-id': a.id, 'data-rule': a.ruleId ?? '', 'data-source': a.source, 'data-status': a.status },
    el('div', { class: 'action-head' }, el('h4', {}, a.survey ? a.survey.title : ruleTitle(ctx.standards, a.ruleId ?? '')), badge(status, `action-status-${a.status}`), a.overdue ? badge(v.overdue, 'overdue-badge') : null),
    a.measure ? el('p', {}, el('strong', {}, 'Maßnahme: '), a.measure) : el('p', { class: 'muted' }, 'Noch keine Maßnahme geplant.'),
    a.dismissReason ? el('p', {}, el('strong', {}, 'Verworfen: '), a.dismissReason) : null,
    status_,
    controls(a, ctx, feedback),
    feedback,
  );
}

/**
 * The buttons and forms this side may use on this action (the API checks again and answers 403 or 409 otherwise).
 * @param {Action} a
 * @param {{ standards: Standards, role: string, reload: () => Promise<void> }} ctx
 * @param {HTMLElement} feedback
 */
function controls(a, ctx, feedback) {
  /** @param {string} command @param {object} body */
  const send = async (command, body) => {
    feedback.hidden = true;
    try {
      await api(`/api/v1/actions/${encodeURIComponent(a.id)}/${command}`, { method: 'POST', body });
      await ctx.reload();
    } catch (err) {
      feedback.hidden = false;
      feedback.textContent = err instanceof Error ? err.message : String(err);
    }
  };
  const responsible = ctx.role === a.responsibleSide;
  const parts = [];
  if (responsible && (a.status === 'open' || a.status === 'planned')) {
    const id = `measure-${a.id}`;
    const text = /** @type {HTMLTextAreaElement} */ (el('textarea', { id, name: 'measure', rows: 2, required: true }, a.measure ?? ''));
    parts.push(
      el(
        'form',
        { class: 'action-form', onsubmit: (/** @type {Event} */ e) => (e.preventDefault(), send('plan', { measure: text.value })) },
        el('div', { class: 'field' }, el('label', { for: id }, a.status === 'open' ? 'Geplante Maßnahme' : 'Maßnahme ändern'), text),
        el('button', { type: 'submit', class: 'button-primary' }, 'Maßnahme speichern'),
      ),
    );
  }
  if (responsible && a.status === 'planned') parts.push(el('button', { type: 'button', onclick: () => send('done', {}) }, 'Als erledigt melden'));
  if (ctx.role === 'coordination' && ['open', 'planned', 'done'].includes(a.status)) {
    const id = `dismiss-${a.id}`;
    const reason = /** @type {HTMLInputElement} */ (el('input', { id, type: 'text', name: 'reason', required: true }));
    parts.push(
      el(
        'form',
        { class: 'action-form', onsubmit: (/** @type {Event} */ e) => (e.preventDefault(), send('dismiss', { reason: reason.value })) },
        el('div', { class: 'field' }, el('label', { for: id }, 'Begründung zum Verwerfen'), reason),
        el('button', { type: 'submit' }, 'Verwerfen'),
      ),
    );
  }
  if (ctx.role === 'coordination' && ['done', 'verified', 'dismissed'].includes(a.status)) parts.push(el('button', { type: 'button', onclick: () => send('reopen', {}) }, 'Wieder öffnen'));
  return parts.length ? el('div', { class: 'stack' }, parts) : null;
}

/** @param {string | undefined} today YYYY-MM-DD */
function previousMonth(today) {
  const [y, m] = (today ?? new Date().toISOString().slice(0, 10)).split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}
