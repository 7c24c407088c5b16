import { ROLE_LABELS, SIDE_LABELS } from '../engine/vocabulary';
import type { Office } from '../offices/office.entity';
import type { PageViewer } from './page-session.service';

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The words of the one vocabulary (src/engine/vocabulary.ts), under the names the pages used. */
export const ROLE_NAMES_DE: Readonly<Record<string, string>> = SIDE_LABELS;
export const OFFICE_ROLE_NAMES_DE: Readonly<Record<string, string>> = ROLE_LABELS;

export interface PageSpec {
  title: string;
  viewer?: PageViewer;
  /** Marks the current navigation entry (aria-current). */
  current?: string;
  /** Inner HTML of <main>; escape everything that comes from data. */
  main: string;
  /** A module under /assets/ that fills the page from the JSON API. */
  script?: string;
}

/**
 * The frame of every page: skip link, header with navigation, role, offices and sign-out, and the
 * main region. Pages carry no data of their own beyond the viewer's name tag; their scripts fetch
 * it from the guarded API with the session cookie.
 */
export function renderPage(spec: PageSpec): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.title)} – Qualitätsstandards</title>
<link rel="stylesheet" href="/assets/style.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${spec.script ? `<script type="module" src="/assets/${escapeHtml(spec.script)}"></script>` : ''}
${spec.viewer && spec.script ? '<script type="module" src="/assets/inbox-badge.js"></script>' : ''}
</head>
<body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
${renderHeader(spec)}
<main id="inhalt" tabindex="-1">
${spec.main}
</main>
</body>
</html>
`;
}

/** One entry of the main navigation: a link, or a named list of links (the offices). */
type NavEntry = { key: string; href: string; label: string } | { label: string; links: Array<{ key: string; href: string; label: string }> };

/**
 * The main navigation of a viewer. The coordination office reaches every office from a list; a
 * regional office sees its own page, schedule form and upload forms. New pages add one entry here.
 */
function navEntries(viewer: PageViewer): NavEntry[] {
  const entries: NavEntry[] = [];
  if (viewer.principal.role === 'coordination') {
    entries.push({ key: 'uebersicht', href: '/', label: 'Übersicht' });
    entries.push({ label: 'Regionalstellen', links: viewer.offices.map((o) => ({ key: `office:${o.id}`, href: officePath(o), label: o.name })) });
  } else {
    const several = viewer.offices.length > 1;
    for (const office of viewer.offices) {
      entries.push({ key: `office:${office.id}`, href: officePath(office), label: office.name });
      entries.push({ key: `schedule:${office.id}`, href: `${officePath(office)}/oeffnungszeiten`, label: several ? `Öffnungszeiten ${office.name}` : 'Öffnungszeiten' });
      entries.push({ key: `evidence:${office.id}`, href: `${officePath(office)}/nachweise`, label: several ? `Nachweise ${office.name}` : 'Nachweise' });
    }
  }
  entries.push({ key: 'befragungen', href: '/befragungen', label: 'Befragungen' });
  entries.push({ key: 'abweichungen', href: '/abweichungen', label: 'Abweichungen' });
  entries.push({ key: 'katalog', href: '/katalog', label: 'Katalog' });
  return entries;
}

function renderNavEntry(entry: NavEntry, current: string | undefined): string {
  const link = (l: { key: string; href: string; label: string }) =>
    `<a href="${escapeHtml(l.href)}"${current === l.key ? ' aria-current="page"' : ''}>${escapeHtml(l.label)}</a>`;
  if (!('links' in entry)) return `<li>${link(entry)}</li>`;
  // A disclosure: works without script and by keyboard; the list is short (9 offices).
  // On any page of an office (its page, schedule, uploads) the list shows where one is.
  const officeOf = (key: string | undefined) => key?.split(':')[1];
  const inside = current !== undefined && entry.links.some((l) => officeOf(l.key) === officeOf(current));
  return `<li class="nav-list"><details><summary${inside ? ' class="nav-current"' : ''}>${escapeHtml(entry.label)}</summary><ul>${entry.links.map((l) => `<li>${link(l)}</li>`).join('')}</ul></details></li>`;
}

function renderHeader(spec: PageSpec): string {
  const viewer = spec.viewer;
  const brand = `<a class="brand" href="/">Qualitätsstandards <span class="brand-sub">JobAgentur EN</span></a>`;
  if (!viewer) return `<header class="site-header">${brand}</header>`;
  const nav = navEntries(viewer)
    .map((entry) => renderNavEntry(entry, spec.current))
    .join('');
  const who =
    viewer.principal.role === 'coordination'
      ? 'Koordinierungsstelle · alle Regionalstellen'
      : `Regionalstelle · ${viewer.offices.map((o) => o.name).join(', ') || 'keine zugeordnet'}`;
  return `<header class="site-header">
${brand}
<nav aria-label="Hauptnavigation"><ul>${nav}</ul></nav>
<div class="session">
<span class="who" data-role="${escapeHtml(viewer.principal.role)}"><span class="visually-hidden">Angemeldet als </span>${escapeHtml(who)}</span>
<form method="post" action="/web/abmelden"><button type="submit" class="button-quiet">Abmelden</button></form>
</div>
</header>`;
}

export function officePath(office: Pick<Office, 'id'>): string {
  return `/regionalstellen/${encodeURIComponent(office.id)}`;
}

/** A page that says no, with a way on; for 403 and 404 of the page routes. */
export function renderRefusal(viewer: PageViewer | undefined, heading: string, text: string): string {
  return renderPage({
    title: heading,
    viewer,
    main: `<section class="refusal" aria-labelledby="refusal-heading">
<h1 id="refusal-heading">${escapeHtml(heading)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="/">Zur Startseite</a></p>
</section>`,
  });
}
