import { escapeHtml } from './page-layout';
import type { PageViewer } from './page-session.service';

/**
 * The container of the corrective-actions panel (assets/actions-panel.js) that the overview and
 * office pages add below their own content: one call each, so those pages stay as they are.
 */
export function actionsPanel(viewer: PageViewer, officeId?: string, today?: string): string {
  const data = [`data-role="${escapeHtml(viewer.principal.role)}"`, officeId ? `data-office-id="${escapeHtml(officeId)}"` : '', today ? `data-today="${escapeHtml(today)}"` : ''].filter(Boolean).join(' ');
  return `<section class="card" id="massnahmen" aria-labelledby="massnahmen-heading">
<div id="actions-panel" ${data}><h2 id="massnahmen-heading">Maßnahmen</h2><p class="loading" role="status">Die Maßnahmen werden geladen …</p></div>
</section>
<script type="module" src="/assets/actions-panel.js"></script>`;
}
