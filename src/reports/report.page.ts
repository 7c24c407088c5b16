import { ACTION_STATUS_LABELS, OBLIGATION_LABELS, OVERDUE_LABEL, periodLabel, STATUS_LABELS } from '../engine';
import { escapeHtml } from '../web/page-layout';
import type { Report, ReportSection } from './report.model';

const de = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '–');

export interface RenderOptions {
  /** For the PDF: the stylesheet inline and no script or on-screen tools (Chromium renders the string itself). */
  inlineCss?: string;
}

/**
 * A report as one HTML document, ready for A4: the screen shows tools (back, print, PDF) that the
 * print stylesheet hides; the running header (office, period, catalog version, date) sits in a
 * table head that Chromium repeats on every printed page, page numbers come from @page margin boxes.
 */
export function renderReport(r: Report, options: RenderOptions = {}): string {
  const head = options.inlineCss !== undefined ? `<style>${options.inlineCss}</style>` : '<link rel="stylesheet" href="/assets/report.css">\n<script type="module" src="/assets/report.js"></script>';
  const tools = options.inlineCss !== undefined
    ? ''
    : `<nav class="report-tools" aria-label="Bericht">
<a href="${escapeHtml(r.backPath)}">← Zurück</a>
<button type="button" id="print-report">Drucken</button>
<a href="${escapeHtml(r.pdfPath)}" id="report-pdf">Als PDF herunterladen</a>
</nav>`;
  const running = `<div class="running-header"><span>${escapeHtml(r.title)}</span><span>${escapeHtml(r.periodText)}</span><span>Regelkatalog ${escapeHtml(r.catalogVersion)} · erstellt ${escapeHtml(r.createdText)}</span></div>`;
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(r.title)} – ${escapeHtml(r.periodText)}</title>
${head}
</head>
<body class="report">
${tools}
<table class="report-frame" role="presentation">
<thead><tr><td>${running}</td></tr></thead>
<tbody><tr><td>
<header class="report-header">
<p class="report-brand">JobAgentur EN · Kundenorientierte Qualitätsstandards (Anlage 3)</p>
<h1>${escapeHtml(r.title)}</h1>
<dl class="report-meta">
<div><dt>Zeitraum</dt><dd>${escapeHtml(r.periodText)}</dd></div>
<div><dt>Regelkatalog</dt><dd>Version ${escapeHtml(r.catalogVersion)}</dd></div>
<div><dt>Erstellt</dt><dd>${escapeHtml(r.createdText)}</dd></div>
</dl>
</header>
<main id="inhalt">
${r.emptyNote ? `<p class="report-note">${escapeHtml(r.emptyNote)}</p>` : ''}
${r.sections.map((s) => renderSection(s, r.sections.length > 1)).join('\n')}
</main>
</td></tr></tbody>
</table>
</body>
</html>
`;
}

function status(code: keyof typeof STATUS_LABELS): string {
  const s = STATUS_LABELS[code];
  return `<span class="status status-${code}"><span aria-hidden="true">${s.icon}</span> ${escapeHtml(s.text)}</span>`;
}

function renderSection(s: ReportSection, withHeading: boolean): string {
  const h = withHeading ? 3 : 2;
  const verdicts = s.verdicts.length
    ? `<table class="report-table">
<caption class="visually-hidden">Beurteilung je Regel</caption>
<thead><tr><th scope="col">Regel</th><th scope="col">Verbindlichkeit</th><th scope="col">Ergebnis</th><th scope="col">Erläuterung</th></tr></thead>
<tbody>
${s.verdicts.map((v) => `<tr><th scope="row">${escapeHtml(v.ruleTitle)}</th><td>${escapeHtml(OBLIGATION_LABELS[v.obligation].short)}</td><td>${status(v.status)}</td><td>${escapeHtml(v.explanation)}</td></tr>`).join('\n')}
</tbody></table>`
    : '<p>Keine Beurteilungen.</p>';
  const actions = s.actions.length
    ? `<table class="report-table">
<caption class="visually-hidden">Maßnahmen</caption>
<thead><tr><th scope="col">Regel</th><th scope="col">Stand</th><th scope="col">Maßnahme</th><th scope="col">Frist</th></tr></thead>
<tbody>
${s.actions
  .map((a) => {
    const st = ACTION_STATUS_LABELS[a.status];
    const overdue = a.overdue ? ` <span class="overdue"><span aria-hidden="true">${OVERDUE_LABEL.icon}</span> ${escapeHtml(OVERDUE_LABEL.text)}</span>` : '';
    const detail = a.status === 'done' && a.verifyPeriod ? ` (erledigt am ${de(a.doneOn)}; entscheidend: ${escapeHtml(periodLabel(a.verifyPeriod))})` : a.status === 'verified' && a.closedAt ? ` (${de(a.closedAt.slice(0, 10))})` : '';
    return `<tr><th scope="row">${escapeHtml(a.ruleTitle)}</th><td><span class="action-status action-${a.status}"><span aria-hidden="true">${st.icon}</span> ${escapeHtml(st.text)}</span>${overdue}${detail}</td><td>${a.measure ? escapeHtml(a.measure) : '<em>noch nicht geplant</em>'}</td><td>${de(a.dueDate)}</td></tr>`;
  })
  .join('\n')}
</tbody></table>`
    : '<p>Keine offenen oder bestätigten Maßnahmen.</p>';
  const deviations = s.deviations.length
    ? `<ul class="report-list">${s.deviations
        .map((d) => `<li><strong>${escapeHtml(d.ruleTitle)}</strong>: ${d.kind === 'waiver' ? 'ausgesetzt' : `mit anderen Werten (${escapeHtml(Object.entries(d.params ?? {}).map(([k, v]) => `${k} = ${String(v)}`).join(', '))})`}, ${de(d.validFrom)} bis ${d.validUntil ? de(d.validUntil) : 'auf Weiteres'}. Begründung: ${escapeHtml(d.reason)}</li>`)
        .join('')}</ul>`
    : '<p>Keine Abweichungen in Kraft.</p>';
  return `<section class="report-section" aria-labelledby="office-${escapeHtml(s.office.id)}">
${withHeading ? `<h2 id="office-${escapeHtml(s.office.id)}">Regionalstelle ${escapeHtml(s.office.name)}</h2>` : `<h2 id="office-${escapeHtml(s.office.id)}" class="visually-hidden">Regionalstelle ${escapeHtml(s.office.name)}</h2>`}
<h${h}>Beurteilung je Regel</h${h}>
${verdicts}
<h${h}>Maßnahmen</h${h}>
${actions}
<h${h}>Abweichungen in Kraft (Abschnitt 6)</h${h}>
${deviations}
</section>`;
}
