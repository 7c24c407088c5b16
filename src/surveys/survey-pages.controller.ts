import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { escapeHtml, renderPage, renderRefusal } from '../web/page-layout';
import { redirect, safeReturnPath, sendPage } from '../web/page-response';
import { PageSessionService, type PageViewer } from '../web/page-session.service';
import { SurveyRoundsService } from './survey-rounds.service';

const STYLES = '<link rel="stylesheet" href="/assets/survey.css">';

/**
 * The survey pages. Like the other pages they are @Public() for the guard: the signed-in pages
 * resolve the session themselves and redirect to the sign-in page without one; their data comes
 * from the guarded API. /teilnahme and /befragung/:key are public for real: the forms people
 * answer on (a phone, or a tablet at the counter), without sign-in, reading only the questionnaire.
 */
@ApiExcludeController()
@Public()
@Controller()
export class SurveyPagesController {
  constructor(
    private readonly session: PageSessionService,
    private readonly rounds: SurveyRoundsService,
  ) {}

  @Get('befragungen')
  async list(@Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.viewerOrSignIn(req, res);
    if (!viewer) return;
    sendPage(
      res,
      200,
      renderPage({
        title: 'Befragungen',
        viewer,
        current: 'befragungen',
        script: 'surveys.js',
        main: `${STYLES}<h1>Befragungen und Selbstbewertung</h1>
<p class="lead">Befragungen der Kundinnen und Kunden (Abschnitt 1.1 der Anlage 3) und der Mitarbeiterinnen und Mitarbeiter (Abschnitt 3), dazu die Selbstbewertung. Alle Antworten sind anonym; Ergebnisse gibt es nur für Gruppen ab der Mindestgröße.</p>
<div id="surveys" data-role="${escapeHtml(viewer.principal.role)}" data-today="${this.rounds.today()}"><p class="loading" role="status">Die Befragungen werden geladen …</p></div>`,
      }),
    );
  }

  @Get('befragungen/:id')
  async round(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const found = await this.roundPage(req, res, id);
    if (!found) return;
    sendPage(
      res,
      200,
      renderPage({
        title: found.title,
        viewer: found.viewer,
        current: 'befragungen',
        script: 'survey-round.js',
        main: `${STYLES}<div class="page-title"><h1>${escapeHtml(found.title)}</h1><p><a href="/befragungen">Alle Befragungen</a> · <a href="/befragungen/${escapeHtml(id)}/massnahmenplan">Maßnahmenplan</a></p></div>
<div id="survey-round" data-round-id="${escapeHtml(id)}" data-role="${escapeHtml(found.viewer.principal.role)}"><p class="loading" role="status">Die Befragung wird geladen …</p></div>`,
      }),
    );
  }

  @Get('befragungen/:id/massnahmenplan')
  async actionPlan(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const found = await this.roundPage(req, res, id);
    if (!found) return;
    sendPage(
      res,
      200,
      renderPage({
        title: `Maßnahmenplan: ${found.title}`,
        viewer: found.viewer,
        current: 'befragungen',
        script: 'survey-action-plan.js',
        main: `${STYLES}<div class="page-title"><h1>Maßnahmenplan</h1><p class="subtitle">${escapeHtml(found.title)}</p><p><a href="/befragungen/${escapeHtml(id)}">Zurück zu den Ergebnissen</a></p></div>
<div id="action-plan" data-round-id="${escapeHtml(id)}"><p class="loading" role="status">Der Maßnahmenplan wird geladen …</p></div>`,
      }),
    );
  }

  @Get('teilnahme')
  participate(@Res() res: Response): void {
    sendPage(res, 200, publicPage('Befragung der Mitarbeiterinnen und Mitarbeiter', `<div id="survey-answer" data-mode="code"></div>`));
  }

  @Get('befragung/:key')
  answerByLink(@Res() res: Response, @Param('key') key: string): void {
    // The key is checked when the script opens the form; an unknown one shows a German message there.
    sendPage(res, 200, publicPage('Ihre Meinung', `<div id="survey-answer" data-mode="link" data-link-key="${escapeHtml(key.slice(0, 64))}"></div>`));
  }

  private async viewerOrSignIn(req: Request, res: Response): Promise<PageViewer | undefined> {
    const viewer = await this.session.viewer(req);
    if (!viewer) {
      const here = safeReturnPath(req.path);
      redirect(res, here ? `/anmelden?weiter=${encodeURIComponent(here)}` : '/anmelden');
    }
    return viewer;
  }

  /** A round page only for a viewer who may see the round (else a 403/404 page without its title). */
  private async roundPage(req: Request, res: Response, id: string): Promise<{ viewer: PageViewer; title: string } | undefined> {
    const viewer = await this.viewerOrSignIn(req, res);
    if (!viewer) return undefined;
    try {
      const round = await this.rounds.roundFor(viewer.principal, id);
      return { viewer, title: round.title };
    } catch (err) {
      if (!(err instanceof DomainError) || (err.code !== 'not_found' && err.code !== 'forbidden')) throw err;
      if (err.code === 'forbidden') sendPage(res, 403, renderRefusal(viewer, 'Kein Zugriff', 'Diese Befragung betrifft keine der Regionalstellen Ihres Zugangstokens.'));
      else sendPage(res, 404, renderRefusal(viewer, 'Befragung nicht gefunden', 'Eine Befragung mit dieser Kennung gibt es nicht.'));
      return undefined;
    }
  }
}

/** The frame of the answering pages: no navigation, no session, large controls for a phone or tablet. */
function publicPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – JobAgentur EN</title>
<link rel="stylesheet" href="/assets/style.css">
<link rel="stylesheet" href="/assets/survey.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<script type="module" src="/assets/survey-answer.js"></script>
</head>
<body class="public-survey">
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<header class="site-header"><span class="brand">JobAgentur EN <span class="brand-sub">Befragung</span></span></header>
<main id="inhalt" tabindex="-1">
${main}
<noscript><p class="error-box">Bitte aktivieren Sie JavaScript, um an der Befragung teilzunehmen.</p></noscript>
</main>
</body>
</html>
`;
}
