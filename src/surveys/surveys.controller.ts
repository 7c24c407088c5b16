import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import QRCode from 'qrcode';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { assertOfficeAccess, type Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import type { SurveyActionSummary } from './actions/survey-action-source';
import { IssueCodesDto, OpenRoundDto, ResultsQueryDto, SurveyActionRequestDto } from './dto/open-round.dto';
import type { Questionnaire } from './questionnaire';
import { QuestionnaireCatalog } from './questionnaire-catalog.service';
import { SurveyActionsService, type ActionPlanView } from './survey-actions.service';
import { codesCsv } from './participation-codes.csv';
import type { RoundView } from './survey-round.view';
import { resultsCsv, resultsXlsx } from './survey-results.export';
import { SurveyResultsService, type RoundResults } from './survey-results.service';
import { SurveyRoundsService, type OpenedRound } from './survey-rounds.service';
import { surveyVocabulary } from './survey-vocabulary';

@ApiTags('Befragungen')
@ApiBearerAuth()
@Controller('api/v1/surveys')
export class SurveysController {
  constructor(
    private readonly catalog: QuestionnaireCatalog,
    private readonly rounds: SurveyRoundsService,
    private readonly results: SurveyResultsService,
    private readonly actions: SurveyActionsService,
  ) {}

  @Get('questionnaires')
  @ApiOperation({ summary: 'Die Fragebögen aus config/surveys und die deutschen Bezeichnungen der Befragungen (vocabulary)' })
  questionnaires(): { questionnaires: readonly Questionnaire[]; vocabulary: ReturnType<typeof surveyVocabulary> } {
    return { questionnaires: this.catalog.all, vocabulary: surveyVocabulary() };
  }

  @Get('rounds')
  @ApiOperation({ summary: 'Befragungsrunden, neueste zuerst (Regionalstelle: Runden, die sie betreffen, nur mit den eigenen Regionalstellen)' })
  list(@CurrentPrincipal() p: Principal): Promise<RoundView[]> {
    return this.rounds.list(p);
  }

  @Post('rounds')
  @Roles('coordination')
  @ApiOperation({ summary: 'Befragungsrunde eröffnen (Koordinierungsstelle); Mitarbeiterbefragungen: Einmal-Codes je Regionalstelle, nur in dieser Antwort sichtbar' })
  open(@CurrentPrincipal() p: Principal, @Body() dto: OpenRoundDto): Promise<OpenedRound> {
    return this.rounds.open(p, dto);
  }

  @Get('rounds/:id')
  @ApiOperation({ summary: 'Eine Befragungsrunde mit Status und Rücklauf je Regionalstelle (Zahlen erst ab der Mindestgröße)' })
  show(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<RoundView> {
    return this.rounds.show(p, id);
  }

  @Post('rounds/:id/close')
  @HttpCode(200)
  @Roles('coordination')
  @ApiOperation({ summary: 'Befragung vorzeitig beenden (Koordinierungsstelle): danach keine Antworten mehr, Ergebnisse werden sichtbar' })
  async close(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<RoundView> {
    const view = await this.rounds.close(p, id);
    // The round's results are out now: done actions of earlier rounds may be decided by it (also done by the periodic sweep).
    await this.actions.settleQuietly();
    return view;
  }

  @Post('rounds/:id/codes')
  @Roles('coordination')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Weitere Einmal-Codes für eine Regionalstelle (nur in dieser Antwort sichtbar); ?format=csv liefert sie als CSV' })
  async codes(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: IssueCodesDto, @Query() q: ResultsQueryDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (q.format === 'xlsx') throw DomainError.validation([{ field: 'format', message: "Codes gibt es als JSON oder mit format=csv." }]);
    const issued = await this.rounds.issueCodes(p, id, dto.officeId, dto.count);
    if (q.format !== 'csv') return issued;
    const round = await this.rounds.show(p, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="codes-${dto.officeId}-${id.slice(0, 8)}.csv"`);
    return codesCsv(round.title, [issued], `${origin(req)}/teilnahme`);
  }

  @Get('rounds/:id/offices/:officeId/qr.svg')
  @ApiProduces('image/svg+xml')
  @ApiOperation({ summary: 'QR-Code des öffentlichen Links einer Regionalstelle (Kundenbefragung), als SVG' })
  async qr(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('officeId') officeId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    assertOfficeAccess(p, officeId);
    const round = await this.rounds.show(p, id);
    const office = round.offices.find((o) => o.officeId === officeId);
    if (!office) throw DomainError.notFound(`Die Regionalstelle „${officeId}“ gehört nicht zu dieser Befragung.`);
    if (!office.linkPath) throw DomainError.notFound('Diese Befragung hat keinen öffentlichen Link; sie wird mit Einmal-Codes beantwortet.');
    const svg = await QRCode.toString(`${origin(req)}${office.linkPath}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    res.status(200).setHeader('Content-Type', 'image/svg+xml');
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(svg);
  }

  @Get('rounds/:id/results')
  @ApiOperation({ summary: 'Ergebnisse nach dem Ende: je Kreis und Regionalstelle (ab Mindestgröße) Verteilung, Mittelwerte, Lücke, Rang, Vergleich mit der Vorrunde' })
  roundResults(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<RoundResults> {
    return this.results.results(p, id);
  }

  @Get('rounds/:id/export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOperation({ summary: 'Export der Ergebnisse (nur Zusammenfassungen, keine Einzelantworten): XLSX mit einem Blatt je Themenfeld, oder CSV' })
  async export(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ResultsQueryDto, @Res() res: Response): Promise<void> {
    const results = await this.results.results(p, id);
    const format = q.format ?? 'xlsx';
    const name = `befragung-${results.round.questionnaireId}-${results.round.from}-${id.slice(0, 8)}.${format}`;
    const body = format === 'csv' ? resultsCsv(results) : await resultsXlsx(results);
    res.status(200);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.send(body);
  }

  @Post('rounds/:id/actions')
  @ApiOperation({ summary: 'Maßnahme aus einem Themenfeld oder einer Frage ableiten (Quelle „Befragung“); Koordinierungsstelle, oder eine Regionalstelle für die eigenen Ergebnisse; 409 bei einer schon offenen Maßnahme derselben Frage' })
  openAction(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: SurveyActionRequestDto): Promise<SurveyActionSummary> {
    return this.actions.open(p, id, dto);
  }

  @Get('rounds/:id/action-plan')
  @ApiOperation({ summary: 'Maßnahmenplan einer Runde je Themenfeld, mit dem Ergebnis der folgenden Runde' })
  actionPlan(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ActionPlanView> {
    return this.actions.plan(p, id);
  }
}

/** Where this service is reached (behind a proxy with TRUST_PROXY, as the proxy reports it). */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
