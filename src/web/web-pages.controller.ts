import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DateTime } from 'luxon';
import { Public } from '../auth/auth.decorators';
import { canAccessOffice } from '../auth/principal';
import { isoWeekOf, ZONE } from '../calendar';
import { berlinToday, CLOCK, type Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Office } from '../offices/office.entity';
import { OfficesService } from '../offices/offices.service';
import { escapeHtml, OFFICE_ROLE_NAMES_DE, officePath, renderPage, renderRefusal } from './page-layout';
import { redirect, safeReturnPath, sendPage } from './page-response';
import { PageSessionService, type PageViewer } from './page-session.service';
import { actionsPanel } from './actions-panel.html';
import { renderSignIn } from './sign-in.page';

/**
 * The pages. They are @Public() for the global guard because without a session they redirect to
 * the sign-in page instead of answering 401; each resolves the session itself, and the data comes
 * from the guarded JSON API, fetched by the page's script with the same cookie. A regional user
 * asking for another office's page gets a 403 page before any script could ask for data.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WebPagesController {
  constructor(
    private readonly session: PageSessionService,
    private readonly offices: OfficesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('anmelden')
  async signIn(@Req() req: Request, @Res() res: Response, @Query('abgemeldet') signedOut?: string, @Query('weiter') returnTo?: string): Promise<void> {
    const viewer = await this.session.viewer(req);
    if (viewer) return redirect(res, safeReturnPath(returnTo) ?? this.session.landingPath(viewer));
    sendPage(res, 200, renderSignIn({ notice: signedOut ? 'Sie wurden abgemeldet.' : undefined, returnTo: safeReturnPath(returnTo) }));
  }

  @Get()
  async overview(@Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewerOrSignIn(req, res);
    if (!viewer) return;
    if (viewer.principal.role !== 'coordination') {
      if (viewer.offices.length > 0) return redirect(res, officePath(viewer.offices[0]));
      return sendPage(res, 403, renderRefusal(viewer, 'Keine Regionalstelle zugeordnet', 'Diesem Zugangstoken ist keine Regionalstelle zugeordnet. Bitte wenden Sie sich an den Betrieb.'));
    }
    sendPage(
      res,
      200,
      renderPage({
        title: 'Übersicht',
        viewer,
        current: 'uebersicht',
        script: 'overview.js',
        main: `<h1>Übersicht der Prüfläufe</h1>
<div id="audit-gaps"></div><script type="module" src="/assets/audit-gaps.js"></script>
<div id="overview" data-today="${berlinToday(this.clock)}"><p class="loading" role="status">Die Prüfläufe werden geladen …</p></div>
${actionsPanel(viewer)}
<div id="practice-meetings"></div><script type="module" src="/assets/practice-meetings.js"></script>`,
      }),
    );
  }

  @Get('regionalstellen/:id')
  async office(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const found = await this.officePage(req, res, id);
    if (!found) return;
    const { viewer, office } = found;
    const today = berlinToday(this.clock);
    const seat = office.seatId ? await this.offices.get(office.seatId).catch(() => undefined) : undefined;
    sendPage(
      res,
      200,
      renderPage({
        title: office.name,
        viewer,
        current: `office:${office.id}`,
        script: 'office.js',
        main: `<div class="page-title">
<h1>Regionalstelle ${escapeHtml(office.name)}</h1>
<p class="subtitle">${escapeHtml(OFFICE_ROLE_NAMES_DE[office.role] ?? office.role)}${office.seatId ? ` (Sitz: ${escapeHtml(seat?.name ?? office.seatId)})` : ''}</p>
<p class="toolbar"><a class="button-link" href="${escapeHtml(officePath(office))}/oeffnungszeiten">Öffnungszeiten einreichen</a> <a class="button-link" href="${escapeHtml(officePath(office))}/nachweise">Nachweise hochladen</a></p>
</div>
<div id="office" data-office-id="${escapeHtml(office.id)}" data-office-name="${escapeHtml(office.name)}" data-today="${today}" data-last-week="${lastCompleteWeek(today)}"></div>
${actionsPanel(viewer, office.id, today)}`,
      }),
    );
  }

  @Get('regionalstellen/:id/oeffnungszeiten')
  async scheduleForm(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const found = await this.officePage(req, res, id);
    if (!found) return;
    const { viewer, office } = found;
    sendPage(
      res,
      200,
      renderPage({
        title: `Öffnungszeiten ${office.name}`,
        viewer,
        current: `schedule:${office.id}`,
        script: 'schedule-form.js',
        main: `<div class="page-title">
<h1>Öffnungszeiten einreichen: ${escapeHtml(office.name)}</h1>
<p><a href="${escapeHtml(officePath(office))}">Zurück zur Regionalstelle</a></p>
</div>
<div id="schedule-form" data-office-id="${escapeHtml(office.id)}" data-today="${berlinToday(this.clock)}"></div>`,
      }),
    );
  }

  @Get('regionalstellen/:id/nachweise')
  async evidenceForms(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const found = await this.officePage(req, res, id);
    if (!found) return;
    const { viewer, office } = found;
    sendPage(
      res,
      200,
      renderPage({
        title: `Nachweise ${office.name}`,
        viewer,
        current: `evidence:${office.id}`,
        script: 'evidence.js',
        main: `<div class="page-title">
<h1>Nachweise hochladen: ${escapeHtml(office.name)}</h1>
<p class="lead">Schließungen, die Besetzung der Hotline des Unternehmensservice, die Zeiterfassung der Arbeitsvermittlung, Termine außerhalb der Öffnungszeiten, Kontakte mit und ohne Termin, Zuständigkeitswechsel, die Teammitgliedschaften in den Multiplikatorenteams und die Ansprechpersonen der Unternehmen, als CSV-Datei oder eingefügte Zeilen. Vor dem Speichern zeigt eine Vorschau, was übernommen wird; eine fehlerhafte Zeile hält die ganze Datei an.</p>
<p><a href="${escapeHtml(officePath(office))}">Zurück zur Regionalstelle</a></p>
</div>
<div id="evidence" data-office-id="${escapeHtml(office.id)}"></div>`,
      }),
    );
  }

  @Get('abweichungen')
  async deviations(@Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewerOrSignIn(req, res);
    if (!viewer) return;
    sendPage(
      res,
      200,
      renderPage({
        title: 'Abweichungen',
        viewer,
        current: 'abweichungen',
        script: 'deviations.js',
        main: `<h1>Abweichungen nach Abschnitt 6</h1>
<p class="lead">Abweichungen von den Standards gelten nur im gegenseitigen Einvernehmen: Eine Seite schlägt vor, die andere stimmt zu oder lehnt ab.</p>
<div id="deviations" data-role="${escapeHtml(viewer.principal.role)}"><p class="loading" role="status">Die Abweichungen werden geladen …</p></div>`,
      }),
    );
  }

  @Get('katalog')
  async catalog(@Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewerOrSignIn(req, res);
    if (!viewer) return;
    sendPage(
      res,
      200,
      renderPage({
        title: 'Katalog',
        viewer,
        current: 'katalog',
        script: 'catalog.js',
        main: `<h1>Katalog der Qualitätsstandards</h1>
<p class="lead">Die ganze Anlage 3 „Kundenorientierte Qualitätsstandards“: jede geprüfte Regel mit ihrer Fundstelle, Verbindlichkeit, ihren Werten und deren Auslegung, und die Standards, die sich aus Aufzeichnungen nicht beurteilen lassen, mit dem Grund.</p>
<div id="catalog"><p class="loading" role="status">Der Katalog wird geladen …</p></div>`,
      }),
    );
  }

  private async viewerOrSignIn(req: Request, res: Response): Promise<PageViewer | undefined> {
    const viewer = await this.session.viewer(req);
    if (!viewer) {
      const here = safeReturnPath(req.path);
      redirect(res, here && here !== '/' ? `/anmelden?weiter=${encodeURIComponent(here)}` : '/anmelden');
    }
    return viewer;
  }

  /** The office of an office page, or a 403/404 page (never another office's page, not even its name). */
  private async officePage(req: Request, res: Response, id: string): Promise<{ viewer: PageViewer; office: Office } | undefined> {
    const viewer = await this.viewerOrSignIn(req, res);
    if (!viewer) return undefined;
    if (!canAccessOffice(viewer.principal, id)) {
      sendPage(res, 403, renderRefusal(viewer, 'Kein Zugriff', 'Ihr Zugangstoken berechtigt nicht, die Seite dieser Regionalstelle zu sehen. Sie sehen nur die Regionalstellen, die Ihrem Token zugeordnet sind.'));
      return undefined;
    }
    try {
      return { viewer, office: await this.offices.get(id) };
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'not_found') throw err;
      sendPage(res, 404, renderRefusal(viewer, 'Regionalstelle nicht gefunden', 'Eine Regionalstelle mit dieser Kennung gibt es nicht.'));
      return undefined;
    }
  }
}

/** The ISO week before the current one: the latest week whose records can be complete. */
function lastCompleteWeek(today: string): string {
  return isoWeekOf(DateTime.fromISO(today, { zone: ZONE }).minus({ days: 7 }).toISODate()!);
}
