// @ts-check
import { api, ApiError } from './api-client.js';
import { barChart, weekChart, weekChartLegend } from './charts.js';
import { append, byId, clear, el } from './dom.js';
import { describeFigures, missingDataHint, renderFinding, renderFindingList } from './finding-view.js';
import { formatDate, formatDateTime, formatNumber } from './german-format.js';
import { officePath } from './offices.js';
import { mountSection } from './page-parts.js';
import { periodLabel, SCHEDULE_DAYS, standards, statusBadge, statusWording, weekdayName } from './vocabulary.js';

// Office page: what the latest audit found against this office (violations first, with what to
// change, and each rule's history), the schedule in force as a week chart, weekly hours over time,
// the hotline gaps of the last complete week and the monthly employer-service share.

/** @typedef {import('./api-types').AuditRunView} AuditRunView */
/** @typedef {import('./api-types').AuditFindingView} AuditFindingView */
/** @typedef {import('./api-types').ScheduleVersionView} ScheduleVersionView */
/** @typedef {import('./api-types').TrendPoint} TrendPoint */
/** @typedef {import('./api-types').ComplianceReportView} ComplianceReportView */
/** @typedef {import('./api-types').Rule} Rule */

const root = byId('office');
const officeId = root.dataset.officeId ?? '';
const today = root.dataset.today ?? '';
const lastWeek = root.dataset.lastWeek ?? '';
const base = `/api/v1/offices/${encodeURIComponent(officeId)}`;

/** How an audit was started, as the pages say it. */
export const TRIGGER = { nightly: 'nächtlich', manual: 'manuell', cli: 'über die Kommandozeile' };
/** Worst first, as the matrix ranks a cell's periods (src/audits/audit.service.ts). */
const SEVERITY = ['non_compliant', 'insufficient_data', 'waived', 'compliant', 'observed', 'not_applicable'];

/** The rule the catalog judges with this kind of check (the pages name no rule ids). @param {string} check */
const ruleByCheck = (check) => standards.rules.find((r) => r.check === check);

mountSection(root, { id: 'findings', title: 'Ergebnis des letzten Prüflaufs', load: loadFindings });
mountSection(root, { id: 'schedule', title: 'Öffnungszeitenplan in Kraft', load: loadSchedule });
const grid = root.appendChild(el('div', { class: 'grid-2' }));
mountSection(grid, { id: 'hours', title: 'Wöchentliche Öffnungsstunden im Verlauf', load: loadHours });
mountSection(grid, { id: 'share', title: 'Anteil des Unternehmensservice an der Arbeitszeit je Monat', load: loadShare });
mountSection(root, { id: 'hotline', title: `Telefonische Erreichbarkeit des Unternehmensservice, ${periodLabel(lastWeek)}`, load: loadHotline });
mountSection(root, { id: 'runs', title: 'Prüfläufe und Export', load: loadRuns });

/**
 * The latest audit's findings for this office, one block per standard: violations first with the
 * explanation and what to change, then missing data with what to upload, the rest folded away.
 * @param {HTMLElement} box
 */
async function loadFindings(box) {
  /** @type {AuditRunView[]} */
  const runs = await api('/api/v1/audits');
  const run = runs.find((r) => r.status === 'succeeded' && r.officeIds.includes(officeId));
  if (!run) {
    box.append(el('p', {}, 'Diese Regionalstelle wurde noch in keinem Prüflauf beurteilt. Die Ergebnisse erscheinen nach dem nächsten Prüflauf.'));
    return;
  }
  /** @type {AuditFindingView[]} */
  const findings = await api(`/api/v1/audits/${encodeURIComponent(run.id)}/findings?office=${encodeURIComponent(officeId)}`);
  const byRule = standards.rules
    .map((rule) => {
      const own = findings.filter((f) => f.ruleId === rule.id).sort((a, b) => a.period.localeCompare(b.period));
      const worst = SEVERITY.find((s) => own.some((f) => f.status === s));
      // The block shows the latest period with the worst status: what to act on now.
      const lead = [...own].reverse().find((f) => f.status === worst);
      return { rule, own, worst, lead };
    })
    .filter((r) => r.lead);
  const count = (/** @type {string} */ status) => byRule.filter((r) => r.worst === status).length;
  const violations = count('non_compliant');
  const missing = count('insufficient_data');
  append(box, [
    el(
      'p',
      { class: 'run-line' },
      `Prüflauf ${run.label} (${TRIGGER[run.trigger] ?? 'gestartet'} am ${formatDateTime(run.startedAt)}): `,
      el('strong', {}, violations === 0 ? 'kein Standard verletzt' : `${violations} ${violations === 1 ? 'Standard' : 'Standards'} nicht erfüllt`),
      missing ? `, bei ${missing} ${missing === 1 ? 'Standard fehlen' : 'Standards fehlen'} Daten` : '',
      '.',
    ),
    byRule
      .filter((r) => r.worst === 'non_compliant' || r.worst === 'insufficient_data')
      .sort((a, b) => SEVERITY.indexOf(a.worst ?? '') - SEVERITY.indexOf(b.worst ?? ''))
      .map(({ rule, own, lead }) => el('div', { class: 'rule-block', 'data-rule': rule.id }, renderFinding(/** @type {AuditFindingView} */ (lead), { heading: 'h3', officeId }), periodStrip(own), historyDisclosure(rule))),
  ]);
  const rest = byRule.filter((r) => r.worst !== 'non_compliant' && r.worst !== 'insufficient_data');
  if (rest.length) {
    box.append(
      el(
        'details',
        { class: 'more-findings' },
        el('summary', {}, `${rest.length} ${rest.length === 1 ? 'weiterer Standard' : 'weitere Standards'}: erfüllt, ausgesetzt oder entfällt`),
        rest.map(({ rule, own, lead }) => el('div', { class: 'rule-block', 'data-rule': rule.id }, renderFinding(/** @type {AuditFindingView} */ (lead), { heading: 'h3', compact: true, officeId }), periodStrip(own), historyDisclosure(rule))),
      ),
    );
  }
}

/**
 * The periods of the run for one standard, one status each: KW 45 ✓ · KW 46 ✗ …
 * @param {AuditFindingView[]} own
 */
function periodStrip(own) {
  if (own.length < 2) return null;
  return el(
    'p',
    { class: 'period-strip' },
    el('span', { class: 'muted' }, 'Im Prüflauf: '),
    own.map((f, k) => [k ? ' · ' : '', el('span', { class: `status-text status-${f.status}` }, `${periodLabel(f.period)} `, el('span', { 'aria-hidden': 'true' }, statusWording(f.status).icon), el('span', { class: 'visually-hidden' }, statusWording(f.status).text))]),
  );
}

/**
 * The standard over all stored audits (GET …/trend), loaded when first opened.
 * @param {Rule} rule
 */
function historyDisclosure(rule) {
  const body = el('div', {});
  const details = el('details', { class: 'history-disclosure' }, el('summary', {}, 'Verlauf über alle Prüfläufe'), body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    body.append(el('p', { class: 'loading' }, 'Wird geladen …'));
    try {
      /** @type {TrendPoint[]} */
      const points = await api(`${base}/trend?rule=${encodeURIComponent(rule.id)}`);
      clear(body).append(points.length ? trendTable(points.slice(-12), rule.id) : el('p', {}, 'Noch keine gespeicherten Ergebnisse.'));
    } catch (err) {
      loaded = false;
      clear(body).append(el('p', { class: 'error-box' }, err instanceof Error ? err.message : String(err)));
    }
  });
  return details;
}

/**
 * @param {TrendPoint[]} points
 * @param {string} ruleId
 */
function trendTable(points, ruleId) {
  return el(
    'table',
    { class: 'data-table trend-table' },
    el('thead', {}, el('tr', {}, ['Zeitraum', 'Stand', 'Ergebnis', 'Anforderung'].map((h) => el('th', { scope: 'col' }, h)))),
    el(
      'tbody',
      {},
      points.map((p) => {
        const figures = describeFigures({ ...p, ruleId });
        return el('tr', {}, el('th', { scope: 'row' }, periodLabel(p.period)), el('td', {}, statusBadge(p.status)), el('td', {}, figures.measured ?? '–'), el('td', {}, figures.required ?? '–'));
      }),
    ),
  );
}

/** @param {HTMLElement} box */
async function loadSchedule(box) {
  /** @type {ScheduleVersionView} */
  let version;
  try {
    version = await api(`${base}/schedule?date=${today}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      box.append(el('p', {}, 'Für heute ist kein Öffnungszeitenplan hinterlegt. ', el('a', { href: `${officePath(officeId)}/oeffnungszeiten` }, 'Jetzt Öffnungszeiten einreichen')));
      return;
    }
    throw err;
  }
  const weeklyRule = ruleByCheck('weekly-hours');
  const weekly = version.findings.find((f) => f.ruleId === weeklyRule?.id);
  const minimum = weekly?.required ?? Number(weeklyRule?.params.minimumHours?.value ?? 0);
  const applies = weekly ? weekly.status !== 'not_applicable' : true;
  append(box, [
    el(
      'p',
      {},
      `Gültig ab ${formatDate(version.validFrom)}${version.validUntil ? ` bis ${formatDate(version.validUntil)}` : ''}, eingereicht am ${formatDateTime(version.submittedAt)}. `,
      statusBadge(version.compliant ? 'compliant' : 'non_compliant'),
      version.compliant ? ' Alle Muss- und Soll-Standards sind erfüllt.' : ' Mindestens ein Muss- oder Soll-Standard ist nicht erfüllt.',
    ),
    weekChartLegend(),
    weekChart(version.week, { minimumHours: minimum, applies }),
    el(
      'table',
      { class: 'data-table' },
      el('caption', { class: 'visually-hidden' }, 'Öffnungszeiten als Tabelle'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Tag'), el('th', { scope: 'col' }, 'Öffnungszeiten'))),
      el('tbody', {}, SCHEDULE_DAYS.map((d) => el('tr', {}, el('th', { scope: 'row' }, weekdayName(d)), el('td', {}, (version.week[d] || []).map((i) => `${i.from}–${i.to} Uhr`).join(', ') || 'geschlossen')))),
    ),
    version.openingHours ? el('p', { class: 'muted' }, 'Als opening_hours-Text: ', el('code', {}, version.openingHours)) : null,
    planCheck(version),
  ]);
}

/**
 * The plan's own check, folded: the audit above already shows what the real weeks came to.
 * @param {ScheduleVersionView} version
 */
function planCheck(version) {
  const failing = version.findings.filter((f) => f.status === 'non_compliant').length;
  return el(
    'details',
    { class: 'plan-check' },
    el('summary', {}, `Prüfung des Plans: ${failing === 0 ? 'alle prüfbaren Standards erfüllt' : `${failing} ${failing === 1 ? 'Standard' : 'Standards'} nicht erfüllt`}`),
    renderFindingList(version.findings, { heading: 'h4', officeId }),
  );
}

/** @param {HTMLElement} box */
async function loadHours(box) {
  const rule = ruleByCheck('weekly-hours');
  if (!rule) return;
  /** @type {TrendPoint[]} */
  const all = await api(`${base}/trend?rule=${encodeURIComponent(rule.id)}`);
  const points = all.filter((p) => p.periodKind === 'week').slice(-12);
  if (points.length === 0) {
    box.append(el('p', {}, 'Noch keine geprüften Wochen. Die Werte erscheinen nach dem nächsten Prüflauf.'));
    return;
  }
  if (points.every((p) => p.status === 'not_applicable')) {
    box.append(el('p', {}, 'Die Mindestöffnungszeit gilt für diese Regionalstelle nicht (kleinerer Standort eines Tandems, Abschnitt 2).'));
    return;
  }
  const limit = points.find((p) => typeof p.required === 'number')?.required ?? Number(rule.params.minimumHours?.value ?? 0);
  append(box, [
    barChart(
      points.map((p) => ({ label: periodLabel(p.period).replace(/\/\d{4}$/, ''), value: p.measured, status: p.status })),
      { title: 'Öffnungsstunden je Kalenderwoche', limit, limitLabel: `Mindestwert ${formatNumber(limit)} Std.`, unit: 'Std.', minMax: 25 },
    ),
    valuesTable(points, 'Kalenderwoche', rule.id),
  ]);
}

/** @param {HTMLElement} box */
async function loadShare(box) {
  const rule = ruleByCheck('time-share');
  if (!rule) return;
  /** @type {TrendPoint[]} */
  const all = await api(`${base}/trend?rule=${encodeURIComponent(rule.id)}`);
  const points = all.filter((p) => p.periodKind === 'month').slice(-12);
  if (points.length === 0) {
    box.append(el('p', {}, 'Noch keine geprüften Monate. Die Werte erscheinen, sobald Zeiterfassungen gemeldet und geprüft sind. '), el('a', { href: `${officePath(officeId)}/nachweise#time-records` }, 'Zeiterfassung hochladen'));
    return;
  }
  if (points.every((p) => p.status === 'not_applicable')) {
    box.append(el('p', {}, 'Dieser Zielwert gilt für diese Regionalstelle nicht.'));
    return;
  }
  const limit = points.find((p) => typeof p.required === 'number')?.required ?? Number(rule.params.minimumOfficersPercent?.value ?? 0);
  // measured: the share of placement officers who reach the aim per person (issue 11).
  append(box, [
    barChart(
      points.map((p) => ({ label: periodLabel(p.period), value: p.measured, status: p.status })),
      { title: 'Anteil der Arbeitsvermittlung, die die Hälfte für den Unternehmensservice erreicht, je Monat', limit, limitLabel: `Ziel ${formatNumber(limit)} %`, unit: '%', minMax: 60 },
    ),
    valuesTable(points, 'Monat', rule.id),
  ]);
}

/**
 * @param {TrendPoint[]} points
 * @param {string} periodHeading
 * @param {string} ruleId
 */
function valuesTable(points, periodHeading, ruleId) {
  return el('details', {}, el('summary', {}, 'Werte als Tabelle'), trendTable(points, ruleId), el('span', { class: 'visually-hidden' }, periodHeading));
}

/** @param {HTMLElement} box */
async function loadHotline(box) {
  const rule = ruleByCheck('hotline-coverage');
  /** @type {ComplianceReportView} */
  const report = await api(`${base}/compliance?week=${encodeURIComponent(lastWeek)}`);
  const finding = report.findings.find((f) => f.ruleId === rule?.id);
  if (!finding || finding.status === 'not_applicable') {
    box.append(el('p', {}, 'Dieser Standard gilt für diese Regionalstelle nicht.'));
    return;
  }
  const evidence = /** @type {{ days?: Array<{ weekday: string, date: string, excused?: string, uncoveredMinutes: number, gaps: string[] }>, window?: string }} */ (finding.evidence);
  const days = Array.isArray(evidence.days) ? evidence.days : [];
  const figures = describeFigures(finding);
  append(box, [
    el('p', {}, statusBadge(finding.status), ' ', finding.message),
    figures.measured ? el('p', { class: 'figures-line' }, el('strong', {}, figures.measured), figures.required ? ` (verlangt: ${figures.required})` : '') : null,
    missingDataHint(finding, officeId),
    days.length
      ? el(
          'table',
          { class: 'data-table', id: 'hotline-gaps' },
          el('caption', {}, `Lücken im Zeitfenster ${evidence.window ?? ''} Uhr`),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Tag'), el('th', { scope: 'col' }, 'Nicht erreichbar'), el('th', { scope: 'col' }, 'Lücken'))),
          el(
            'tbody',
            {},
            days.map((d) =>
              el(
                'tr',
                {},
                el('th', { scope: 'row' }, `${weekdayName(d.weekday)}, ${formatDate(d.date)}`),
                el('td', { class: 'num' }, d.excused ? '–' : `${formatNumber(d.uncoveredMinutes)} Min.`),
                el('td', {}, d.excused ? `Feiertag (${d.excused})` : d.gaps.length ? d.gaps.join(', ') : el('span', {}, el('span', { 'aria-hidden': 'true' }, '✓ '), 'durchgehend erreichbar')),
              ),
            ),
          ),
        )
      : null,
    el('p', { class: 'hint' }, 'Grundlage: die gemeldete Besetzung der Hotline (Personal oder Call Center) in der letzten vollständigen Kalenderwoche.'),
  ]);
}

/** @param {HTMLElement} box */
async function loadRuns(box) {
  /** @type {AuditRunView[]} */
  const all = await api('/api/v1/audits');
  const runs = all.filter((r) => r.status === 'succeeded').slice(0, 5);
  if (runs.length === 0) {
    box.append(el('p', {}, 'Es gibt noch keinen abgeschlossenen Prüflauf.'));
    return;
  }
  box.append(
    el(
      'ul',
      { class: 'run-list' },
      runs.map((r) =>
        el(
          'li',
          {},
          `${r.label} (${TRIGGER[r.trigger] ?? 'gestartet'} am ${formatDateTime(r.startedAt)}): `,
          el('a', { href: `/api/v1/audits/${encodeURIComponent(r.id)}/export?format=csv`, download: true }, 'CSV'),
          ' · ',
          el('a', { href: `/api/v1/audits/${encodeURIComponent(r.id)}/export?format=json`, download: true }, 'JSON'),
        ),
      ),
    ),
  );
}
