import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ClosureRowDto } from './dto/closure-row.dto';
import { DateRangeQueryDto } from './dto/date-range-query.dto';
import { ClosureView, HotlineCoverageView, MonthlyTimeAggregateView } from './dto/evidence-views.dto';
import { HotlineCoverageRowDto } from './dto/hotline-coverage-row.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { TimeRecordRowDto } from './dto/time-record-row.dto';
import { EvidenceImportService, type ImportRequest } from './evidence-import.service';
import { EvidenceListingService } from './evidence-listing.service';

const IMPORT_RULES =
  'Entweder eine JSON-Liste (application/json) oder eine CSV-Datei (text/csv) mit Kopfzeile; Spaltennamen = Feldnamen, ' +
  'Trennzeichen „;“ oder „,“ (aus der Kopfzeile erkannt), UTF-8 (BOM erlaubt), Text mit Trennzeichen in "Anführungszeichen", ' +
  'leere Zellen = Feld nicht angegeben. Alles oder nichts: eine fehlerhafte Zeile weist die ganze Datei ab (400), ' +
  'details nennt jeden Fehler mit line (CSV: Zeilennummer, Kopfzeile = 1; JSON: Position in der Liste ab 1) und field. ' +
  'Höchstens 50 000 Zeilen. Wiederholtes Einreichen speichert nichts doppelt.';

const ApiImportBody = (row: new () => object, csvExample: string) =>
  ApiBody({
    description: `${IMPORT_RULES}\n\nCSV-Beispiel:\n\n${csvExample}`,
    schema: { type: 'array', items: { $ref: getSchemaPath(row) } },
  });

const importRequest = (req: Request): ImportRequest => ({ contentType: req.headers['content-type'], body: req.body });

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

  @Get('time-records')
  @ApiOkResponse({ type: [MonthlyTimeAggregateView] })
  @ApiOperation({ summary: 'Zeiterfassung nur als Summen je Monat, Rollengruppe und Tätigkeit (nie je Person)' })
  timeRecords(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<MonthlyTimeAggregateView[]> {
    return this.listing.timeRecordAggregates(p, id, range);
  }
}
