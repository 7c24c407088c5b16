/* global document */
import { api, ApiError } from './api-client.js';
import { append, clear, el, showError } from './dom.js';
import { barChart, weekChart, weekChartLegend } from './charts.js';
import { renderFindingList } from './finding-view.js';
import { SCHEDULE_DAYS, WEEKDAY, formatDate, formatDateTime, formatNumber, formatPeriod, statusBadge } from './german-format.js';

// Office page: the schedule in force as a week chart, weekly hours over time, the hotline gaps of
// the last complete week and the monthly employer-service share. Each part loads on its own, so
// one missing piece of data does not hide the others.

const root = document.getElementById('office');
const TRIGGER = { nightly: 'nächtlich', manual: 'manuell', cli: 'Kommandozeile' };
const officeId = root.dataset.officeId;
const base = `/api/v1/offices/${encodeURIComponent(officeId)}`;

const sections = {
  schedule: section('schedule', 'Öffnungszeitenplan in Kraft'),
  hours: section('hours', 'Wöchentliche Öffnungsstunden im Verlauf'),
  hotline: section('hotline', `Telefonische Erreichbarkeit des Unternehmensservice, ${formatPeriod(root.dataset.lastWeek)}`),
  share: section('share', 'Anteil des Unternehmensservice an der Arbeitszeit je Monat'),
  runs: section('runs', 'Prüfläufe und Export'),
};
append(root, [sections.schedule, el('div', { class: 'grid-2' }, sections.hours, sections.share), sections.hotline, sections.runs]);

function section(id, title) {
  return el('section', { class: 'card', id: `section-${id}`, 'aria-labelledby': `${id}-heading` }, el('h2', { id: `${id}-heading` }, title), el('div', { class: 'body' }, el('p', { class: 'loading' }, 'Wird geladen …')));
}

function body(sectionEl) {
  return clear(sectionEl.querySelector('.body'));
}

load(sections.schedule, loadSchedule);
load(sections.hours, loadHours);
load(sections.hotline, loadHotline);
load(sections.share, loadShare);
load(sections.runs, loadRuns);

function load(sectionEl, fn) {
  fn(body(sectionEl)).catch((err) => showError(body(sectionEl), err));
}

async function loadSchedule(box) {
  let version;
  try {
    version = await api(`${base}/schedule?date=${root.dataset.today}`);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      box.append(el('p', {}, 'Für heute ist kein Öffnungszeitenplan hinterlegt. '), el('a', { href: `/regionalstellen/${encodeURIComponent(officeId)}/oeffnungszeiten` }, 'Jetzt Öffnungszeiten einreichen'));
      return;
    }
    throw err;
  }
  const weekly = version.findings.find((f) => f.ruleId === 'opening.weekly-minimum');
  const minimum = weekly?.required ?? 21.5;
  const applies = weekly ? weekly.status !== 'not_applicable' : true;
  append(box, [
    el('p', {}, `Gültig ab ${formatDate(version.validFrom)}${version.validUntil ? ` bis ${formatDate(version.validUntil)}` : ''}, eingereicht am ${formatDateTime(version.submittedAt)}. `, statusBadge(version.compliant ? 'compliant' : 'non_compliant'), version.compliant ? ' Alle Muss- und Soll-Standards sind erfüllt.' : ' Mindestens ein Muss- oder Soll-Standard ist nicht erfüllt.'),
    weekChartLegend(),
    weekChart(version.week, { minimumHours: minimum, applies }),
    el(
      'table',
      { class: 'data-table' },
      el('caption', { class: 'visually-hidden' }, 'Öffnungszeiten als Tabelle'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Tag'), el('th', { scope: 'col' }, 'Öffnungszeiten'))),
      el('tbody', {}, SCHEDULE_DAYS.map((d) => el('tr', {}, el('th', { scope: 'row' }, WEEKDAY[d]), el('td', {}, (version.week[d] || []).map((i) => `${i.from}–${i.to} Uhr`).join(', ') || 'geschlossen')))),
    ),
    version.openingHours ? el('p', { class: 'muted' }, `Als opening_hours: ${version.openingHours}`) : null,
    el('h3', {}, 'Prüfung des Plans'),
    renderFindingList(version.findings, { heading: 'h4' }),
  ]);
}

async function loadHours(box) {
  const points = (await api(`${base}/trend?rule=opening.weekly-minimum`)).filter((p) => p.periodKind === 'week').slice(-12);
  if (points.length === 0) {
    box.append(el('p', {}, 'Noch keine geprüften Wochen. Die Werte erscheinen nach dem nächsten Prüflauf.'));
    return;
  }
  if (points.every((p) => p.status === 'not_applicable')) {
    box.append(el('p', {}, 'Die Mindestöffnungszeit gilt für diese Regionalstelle nicht (kleinerer Standort eines Tandems, Abschnitt 2).'));
    return;
  }
  const limit = points.find((p) => typeof p.required === 'number')?.required ?? 21.5;
  append(box, [
    barChart(points.map((p) => ({ label: formatPeriod(p.period).replace(/\/\d{4}$/, ''), value: p.measured, status: p.status })), {
      title: 'Öffnungsstunden je Kalenderwoche',
      limit,
      limitLabel: `Mindestwert ${formatNumber(limit)} Std.`,
      unit: 'Std.',
      minMax: 25,
    }),
    trendTable(points, 'Kalenderwoche', 'Std.'),
  ]);
}

async function loadShare(box) {
  const points = (await api(`${base}/trend?rule=employer-service.time-share`)).filter((p) => p.periodKind === 'month').slice(-12);
  if (points.length === 0) {
    box.append(el('p', {}, 'Noch keine geprüften Monate. Die Werte erscheinen, sobald Zeiterfassungen gemeldet und geprüft sind.'));
    return;
  }
  if (points.every((p) => p.status === 'not_applicable')) {
    box.append(el('p', {}, 'Dieser Zielwert gilt für diese Regionalstelle nicht.'));
    return;
  }
  // measured: the share of placement officers who reach the aim per person (catalog: minimumPercent).
  const limit = points.find((p) => typeof p.required === 'number')?.required ?? 80;
  append(box, [
    barChart(points.map((p) => ({ label: formatPeriod(p.period), value: p.measured, status: p.status })), {
      title: 'Anteil der Arbeitsvermittlung, die die Hälfte für den Unternehmensservice erreicht, je Monat',
      limit,
      limitLabel: `Ziel ${formatNumber(limit)} %`,
      unit: '%',
      minMax: 60,
    }),
    trendTable(points, 'Monat', '%'),
  ]);
}

function trendTable(points, periodLabel, unit) {
  return el(
    'details',
    {},
    el('summary', {}, 'Werte als Tabelle'),
    el(
      'table',
      { class: 'data-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, periodLabel), el('th', { scope: 'col' }, 'Gemessen'), el('th', { scope: 'col' }, 'Gefordert'), el('th', { scope: 'col' }, 'Stand'))),
      el(
        'tbody',
        {},
        points.map((p) =>
          el('tr', {}, el('th', { scope: 'row' }, formatPeriod(p.period)), el('td', { class: 'num' }, p.measured === null ? '–' : `${formatNumber(p.measured)} ${unit}`), el('td', { class: 'num' }, p.required === null ? '–' : `${formatNumber(p.required)} ${unit}`), el('td', {}, statusBadge(p.status))),
        ),
      ),
    ),
  );
}

async function loadHotline(box) {
  const report = await api(`${base}/compliance?week=${encodeURIComponent(root.dataset.lastWeek)}`);
  const finding = report.findings.find((f) => f.ruleId === 'hotline.employer-service-hours');
  if (!finding) {
    box.append(el('p', {}, 'Dieser Standard gilt für diese Regionalstelle nicht.'));
    return;
  }
  const days = Array.isArray(finding.evidence?.days) ? finding.evidence.days : [];
  append(box, [
    el('p', {}, statusBadge(finding.status), ' ', finding.message),
    days.length
      ? el(
          'table',
          { class: 'data-table', id: 'hotline-gaps' },
          el('caption', {}, `Lücken im Zeitfenster ${finding.evidence.window || '08:00–17:00'} Uhr`),
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Tag'), el('th', { scope: 'col' }, 'Nicht erreichbar'), el('th', { scope: 'col' }, 'Lücken'))),
          el(
            'tbody',
            {},
            days.map((d) =>
              el(
                'tr',
                {},
                el('th', { scope: 'row' }, `${WEEKDAY[d.weekday] || d.weekday}, ${formatDate(d.date)}`),
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

async function loadRuns(box) {
  const runs = (await api('/api/v1/audits')).filter((r) => r.status === 'succeeded').slice(0, 5);
  if (runs.length === 0) {
    box.append(el('p', {}, 'Es gibt noch keinen abgeschlossenen Prüflauf.'));
    return;
  }
  box.append(
    el(
      'ul',
      {},
      runs.map((r) =>
        el(
          'li',
          {},
          `${formatDate(r.from)} – ${formatDate(r.to)} (${TRIGGER[r.trigger] || r.trigger}, ${formatDateTime(r.startedAt)}): `,
          el('a', { href: `/api/v1/audits/${encodeURIComponent(r.id)}/export?format=csv`, download: true }, 'CSV'),
          ' · ',
          el('a', { href: `/api/v1/audits/${encodeURIComponent(r.id)}/export?format=json`, download: true }, 'JSON'),
        ),
      ),
    ),
  );
}
