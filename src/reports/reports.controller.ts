import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { sendPage } from '../web/page-response';
import { PdfRenderer } from './pdf-renderer';
import type { Report } from './report.model';
import { renderReport } from './report.page';
import { reportPeriod, ReportService } from './report.service';

/**
 * Printable reports. The HTML answers with the pages' headers (CSP, no caching) and works with the
 * session cookie in the browser; the PDF is the same page rendered by Chromium.
 */
@ApiTags('Berichte')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly pdf: PdfRenderer,
  ) {}

  @Get('offices/:id/report')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Bericht einer Regionalstelle für eine Kalenderwoche oder einen Monat (?period=2026-W48 oder 2026-11), druckfertig (A4)' })
  async officeHtml(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('period') period: unknown, @Res() res: Response): Promise<void> {
    sendPage(res, 200, renderReport(await this.reports.officeReport(p, id, reportPeriod(period))));
  }

  @Get('offices/:id/report.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Derselbe Bericht als PDF (503, wenn Chromium fehlt)' })
  async officePdf(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('period') period: unknown, @Res() res: Response): Promise<void> {
    const report = await this.reports.officeReport(p, id, reportPeriod(period));
    await this.sendPdf(res, report, `bericht-${id}-${report.htmlPath.split('period=')[1]}.pdf`);
  }

  @Get('audits/:id/report')
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'Bericht eines Prüflaufs (je sichtbarer Regionalstelle), druckfertig (A4)' })
  async runHtml(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendPage(res, 200, renderReport(await this.reports.runReport(p, id)));
  }

  @Get('audits/:id/report.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'Bericht eines Prüflaufs als PDF (503, wenn Chromium fehlt)' })
  async runPdf(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.sendPdf(res, await this.reports.runReport(p, id), `pruefbericht-${id.slice(0, 8)}.pdf`);
  }

  private async sendPdf(res: Response, report: Report, name: string): Promise<void> {
    const body = await this.pdf.render(renderReport(report, { inlineCss: this.pdf.css }));
    res.status(200);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(body);
  }
}
