import type { Office } from '../offices/office.entity';
import type { PageViewer } from './page-session.service';

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const ROLE_NAMES_DE: Record<string, string> = {
  coordination: 'Koordinierungsstelle',
  regional: 'Regionalstelle',
};

export const OFFICE_ROLE_NAMES_DE: Record<string, string> = {
  standalone: 'eigenständige Regionalstelle',
  'tandem-seat': 'Regionalstellensitz eines Tandems',
  'tandem-minor': 'kleinerer Standort eines Tandems',
};

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

function renderHeader(spec: PageSpec): string {
  const viewer = spec.viewer;
  const brand = `<a class="brand" href="/">Qualitätsstandards <span class="brand-sub">JobAgentur EN</span></a>`;
  if (!viewer) return `<header class="site-header">${brand}</header>`;
  const links: Array<[string, string, string]> = [];
  if (viewer.principal.role === 'coordination') links.push(['uebersicht', '/', 'Übersicht']);
  for (const office of viewer.principal.role === 'regional' ? viewer.offices : []) {
    links.push([`office:${office.id}`, officePath(office), office.name]);
    links.push([`schedule:${office.id}`, `${officePath(office)}/oeffnungszeiten`, `Öffnungszeiten ${office.name}`]);
  }
  links.push(['befragungen', '/befragungen', 'Befragungen']);
  links.push(['abweichungen', '/abweichungen', 'Abweichungen']);
  const nav = links
    .map(([key, href, label]) => `<li><a href="${escapeHtml(href)}"${spec.current === key ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`)
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
