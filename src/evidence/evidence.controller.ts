import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ClosureRowDto } from './dto/closure-row.dto';
import { DateRangeQueryDto } from './dto/date-range-query.dto';
import { ClosureView, HotlineCoverageView, MonthlyTimeAggregateView } from './dto/evidence-views.dto';
import { HotlineCoverageRowDto } from './dto/hotline-coverage-row.dto';
import { ImportPreviewDto } from './dto/import-preview.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { TimeRecordRowDto } from './dto/time-record-row.dto';
import { EvidenceImportService, type ImportRequest } from './evidence-import.service';
import { EvidenceListingService } from './evidence-listing.service';
import { DomainError } from '../common/domain-error';
import { EVIDENCE_KINDS, type EvidenceKindName } from './evidence-kind';
import { csvTemplate, TEMPLATE_FILE_NAMES } from './evidence-template';
import { CLOSURE_KIND } from './closure.kind';
import { HOTLINE_COVERAGE_KIND } from './hotline-coverage.kind';
import { TIME_RECORD_KIND } from './time-record.kind';
import { EMPLOYER_ASSIGNMENT_KIND } from './employer-assignment.kind';
import { practiceMeetingKind } from './practice-meeting.kind';
import { TEAM_MEMBERSHIP_KIND } from './team-membership.kind';
import { APPOINTMENT_SLOT_KIND, CASELOAD_HANDOVER_KIND, CONTACT_COUNT_KIND } from './office-register.kinds';

export const IMPORT_RULES =
  'Entweder eine JSON-Liste (application/json) oder eine CSV-Datei (text/csv) mit Kopfzeile; Spaltennamen = Feldnamen oder ihre deutschen Namen (siehe Vorlage), ' +
  'Trennzeichen „;“ oder „,“ (aus der Kopfzeile erkannt), UTF-8 (BOM erlaubt), Text mit Trennzeichen in "Anführungszeichen", ' +
  'leere Zellen = Feld nicht angegeben. Alles oder nichts: eine fehlerhafte Zeile weist die ganze Datei ab (400), ' +
  'details nennt jeden Fehler mit line (CSV: Zeilennummer, Kopfzeile = 1; JSON: Position in der Liste ab 1) und field. ' +
  'Höchstens 50 000 Zeilen. Wiederholtes Einreichen speichert nichts doppelt.';

export const ApiImportBody = (row: new () => object, csvExample: string) =>
  ApiBody({
    description: `${IMPORT_RULES}\n\nCSV-Beispiel:\n\n${csvExample}`,
    schema: { type: 'array', items: { $ref: getSchemaPath(row) } },
  });

export const importRequest = (req: Request): ImportRequest => ({ contentType: req.headers['content-type'], body: req.body });

export const PREVIEW = 'Vorschau: prüft wie der Import (dieselben Fehler mit Zeile und Feld), speichert aber nichts und zeigt, was gespeichert würde.';
const TEMPLATE_KINDS = {
  closures: CLOSURE_KIND,
  'hotline-coverage': HOTLINE_COVERAGE_KIND,
  'time-records': TIME_RECORD_KIND,
  'appointment-slots': APPOINTMENT_SLOT_KIND,
  'contact-counts': CONTACT_COUNT_KIND,
  'caseload-handovers': CASELOAD_HANDOVER_KIND,
  'team-membership': TEAM_MEMBERSHIP_KIND,
  'practice-meetings': practiceMeetingKind([]),
  'employer-assignments': EMPLOYER_ASSIGNMENT_KIND,
} as const;

@ApiTags('Nachweise')
@ApiBearerAuth()
@ApiExtraModels(ClosureRowDto, HotlineCoverageRowDto, TimeRecordRowDto)
@Controller('api/v1/offices/:id')
export class EvidenceController {
  constructor(
    private readonly imports: EvidenceImportService,
    private readonly listing: EvidenceListingService,
  ) {}

  @Post('closures')
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(ClosureRowDto, 'date;from;to;reason\n2026-03-02;;;Personalversammlung\n2026-03-05;14:00;18:00;"Schulung; Teil 2"')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({ summary: 'Schließungen gegen den Öffnungszeitenplan melden (ohne from/to: ganztägig)' })
  importClosures(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.importClosures(p, id, importRequest(req));
  }

  @Post('closures/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(ClosureRowDto, 'Datum;von;bis;Grund\n02.03.2026;;;Personalversammlung\n05.03.2026;14.00;18.00;Schulung')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Schließungen: Vorschau des Imports', description: PREVIEW })
  previewClosures(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'closures', importRequest(req));
  }

  @Get('closures')
  @ApiOkResponse({ type: [ClosureView] })
  @ApiOperation({ summary: 'Gemeldete Schließungen' })
  closures(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<ClosureView[]> {
    return this.listing.closures(p, id, range);
  }

  @Post('hotline-coverage')
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(HotlineCoverageRowDto, 'start;end;coveredBy\n2026-03-30T08:00;2026-03-30T12:00;staff\n2026-03-30T10:00:00Z;2026-03-30T14:00:00Z;call_centre')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({
    summary: 'Besetzung der Unternehmens-Hotline melden',
    description:
      'Zeitpunkte nach ISO 8601 mit Zeitzone (…Z, …+02:00) oder ohne als Ortszeit Berlin. Eine Ortszeit, die es wegen der ' +
      'Umstellung auf Sommerzeit nicht gibt (z. B. 2026-03-29T02:30), wird abgewiesen; eine doppelt vorkommende Ortszeit bei der ' +
      'Umstellung auf Winterzeit (z. B. 2026-10-25T02:30) gilt als die erste (noch Sommerzeit, +02:00). Höchstens 24 Stunden je Eintrag.',
  })
  importHotlineCoverage(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.importHotlineCoverage(p, id, importRequest(req));
  }

  @Post('hotline-coverage/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(HotlineCoverageRowDto, 'Beginn;Ende;abgedeckt durch\n30.03.2026 08:00;30.03.2026 12:00;Personal')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Hotline-Besetzung: Vorschau des Imports', description: PREVIEW })
  previewHotlineCoverage(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'hotline-coverage', importRequest(req));
  }

  @Get('hotline-coverage')
  @ApiOkResponse({ type: [HotlineCoverageView] })
  @ApiOperation({ summary: 'Gemeldete Hotline-Besetzung (Zeiträume, die die Tage from … to berühren)' })
  hotlineCoverage(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<HotlineCoverageView[]> {
    return this.listing.hotlineCoverage(p, id, range);
  }

  @Post('time-records')
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(TimeRecordRowDto, 'staffRef;role;date;minutes;activity\nVM-07;placement_officer;2026-03-02;240;employer_service')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({
    summary: 'Zeiterfassung (pseudonym) melden',
    description: 'staffRef ist ein Kürzel, kein Name. Andere Minuten für dieselbe Person, denselben Tag, dieselbe Rolle und Tätigkeit gelten als Korrektur.',
  })
  importTimeRecords(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.importTimeRecords(p, id, importRequest(req));
  }

  @Post('time-records/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(TimeRecordRowDto, 'Kürzel;Funktion;Datum;Minuten;Tätigkeit\nvm-07;Arbeitsvermittlung;02.03.2026;240;Unternehmensservice')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Zeiterfassung: Vorschau des Imports (nur Summen je Monat, nie je Person)', description: PREVIEW })
  previewTimeRecords(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'time-records', importRequest(req));
  }

  @Get('time-records')
  @ApiOkResponse({ type: [MonthlyTimeAggregateView] })
  @ApiOperation({ summary: 'Zeiterfassung nur als Summen je Monat, Rollengruppe und Tätigkeit (nie je Person)' })
  timeRecords(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<MonthlyTimeAggregateView[]> {
    return this.listing.timeRecordAggregates(p, id, range);
  }
}

/** Templates hold no data of any office: every signed-in caller may download them. */
@ApiTags('Nachweise')
@ApiBearerAuth()
@Controller('api/v1/evidence/templates')
export class EvidenceTemplateController {
  @Get(':kind')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'CSV-Vorlage einer Nachweisart (deutsche Spaltennamen, Semikolon, UTF-8 mit BOM, eine Beispielzeile)' })
  template(@Param('kind') kind: string, @Res() res: Response): void {
    if (!(EVIDENCE_KINDS as readonly string[]).includes(kind)) {
      throw DomainError.notFound(`Eine Vorlage „${kind}“ gibt es nicht; es gibt: ${EVIDENCE_KINDS.join(', ')}.`);
    }
    const name = kind as EvidenceKindName;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${TEMPLATE_FILE_NAMES[name]}"`);
    res.send(csvTemplate(TEMPLATE_KINDS[name]));
  }
}
