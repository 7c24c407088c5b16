import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { renderPage } from './page-layout';
import { redirect, sendPage } from './page-response';
import { PageSessionService } from './page-session.service';

/** The inbox page (/mitteilungen): the frame only; assets/inbox.js reads GET /api/v1/notifications. */
@ApiExcludeController()
@Public()
@Controller()
export class InboxPageController {
  constructor(private readonly session: PageSessionService) {}

  @Get('mitteilungen')
  async inbox(@Req() req: Request, @Res() res: Response): Promise<void> {
    const viewer = await this.session.viewer(req);
    if (!viewer) return redirect(res, '/anmelden?weiter=%2Fmitteilungen');
    sendPage(
      res,
      200,
      renderPage({
        title: 'Mitteilungen',
        viewer,
        script: 'inbox.js',
        main: `<h1>Mitteilungen</h1>
<p class="lead">Neue Maßnahmen, überfällige und bestätigte Maßnahmen, Abweichungen, die auf Ihre Zustimmung warten, und fehlgeschlagene nächtliche Prüfungen.</p>
<div id="inbox"><p class="loading" role="status">Die Mitteilungen werden geladen …</p></div>`,
      }),
    );
  }
}
