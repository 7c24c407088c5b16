import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { formatClock } from '../engine';
import { OfficesService } from '../offices/offices.service';
import { DateRangeQueryDto } from './dto/date-range-query.dto';
import { ImportPreviewDto } from './dto/import-preview.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { AppointmentSlotRowDto, CaseloadHandoverRowDto, ContactCountRowDto } from './dto/office-register-rows.dto';
import { AppointmentSlotView, CaseloadHandoverView, ContactCountView } from './dto/office-register-views.dto';
import { EvidenceImportService, type ImportRequest } from './evidence-import.service';
import { OfficeRegistersRepository } from './office-registers.repository';

const IMPORT_RULES =
  'Entweder eine JSON-Liste (application/json) oder eine CSV-Datei (text/csv) mit Kopfzeile; Spaltennamen = Feldnamen oder ihre deutschen Namen (siehe Vorlage). ' +
  'Alles oder nichts: eine fehlerhafte Zeile weist die ganze Datei ab (400), details nennt jeden Fehler mit line und field. Wiederholtes Einreichen speichert nichts doppelt.';
const PREVIEW = 'Vorschau: prüft wie der Import (dieselben Fehler mit Zeile und Feld), speichert aber nichts und zeigt, was gespeichert würde.';

const body = (row: new () => object, csvExample: string) =>
  ApiBody({ description: `${IMPORT_RULES}\n\nCSV-Beispiel:\n\n${csvExample}`, schema: { type: 'array', items: { $ref: getSchemaPath(row) } } });

const importRequest = (req: Request): ImportRequest => ({ contentType: req.headers['content-type'], body: req.body });

/**
 * The office registers of issue 15 (Anlage 3, sections 1.2 and 2): appointment slots, contact
 * counts and caseload handovers. Import and preview go through the shared evidence import; the
 * listings show counts and times, never a person.
 */
@ApiTags('Nachweise')
@ApiBearerAuth()
@ApiExtraModels(AppointmentSlotRowDto, ContactCountRowDto, CaseloadHandoverRowDto)
@Controller('api/v1/offices/:id')
export class OfficeRegistersController {
  constructor(
    private readonly imports: EvidenceImportService,
    private readonly offices: OfficesService,
    private readonly registers: OfficeRegistersRepository,
  ) {}

  @Post('appointment-slots')
  @ApiConsumes('application/json', 'text/csv')
  @body(AppointmentSlotRowDto, 'Datum;von;bis;Bereich\n05.03.2026;16:00;16:30;Fachberatung')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({ summary: 'Termine (angeboten oder wahrgenommen) melden, auch außerhalb der Öffnungszeiten (Abschnitt 2)' })
  importAppointmentSlots(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.import(p, id, 'appointment-slots', importRequest(req));
  }

  @Post('appointment-slots/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @body(AppointmentSlotRowDto, 'Datum;von;bis;Bereich\n05.03.2026;16:00;16:30;Fachberatung')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Termine: Vorschau des Imports', description: PREVIEW })
  previewAppointmentSlots(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'appointment-slots', importRequest(req));
  }

  @Get('appointment-slots')
  @ApiOkResponse({ type: [AppointmentSlotView] })
  @ApiOperation({ summary: 'Gemeldete Termine' })
  async appointmentSlots(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<AppointmentSlotView[]> {
    await this.allowed(p, id, range);
    return (await this.registers.appointmentSlots(id, range)).map((r) => ({ ...r, from: formatClock(r.from), to: formatClock(r.to) }));
  }

  @Post('contact-counts')
  @ApiConsumes('application/json', 'text/csv')
  @body(ContactCountRowDto, 'Monat;Bereich;mit Termin;ohne Termin\n03.2026;Leistung;240;60')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({ summary: 'Kontakte je Monat und Bereich mit und ohne Termin melden (Abschnitt 2)', description: 'Andere Zahlen für denselben Monat und Bereich gelten als Korrektur.' })
  importContactCounts(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.import(p, id, 'contact-counts', importRequest(req));
  }

  @Post('contact-counts/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @body(ContactCountRowDto, 'Monat;Bereich;mit Termin;ohne Termin\n03.2026;Leistung;240;60')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Kontakte mit und ohne Termin: Vorschau des Imports', description: PREVIEW })
  previewContactCounts(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'contact-counts', importRequest(req));
  }

  @Get('contact-counts')
  @ApiOkResponse({ type: [ContactCountView] })
  @ApiOperation({ summary: 'Gemeldete Kontakte mit und ohne Termin (Monate, die den Zeitraum berühren)' })
  async contactCounts(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<ContactCountView[]> {
    await this.allowed(p, id, range);
    return this.registers.contactCounts(id, range);
  }

  @Post('caseload-handovers')
  @ApiConsumes('application/json', 'text/csv')
  @body(CaseloadHandoverRowDto, 'Monat;Fälle;Zuständigkeitswechsel\n03.2026;850;12')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({ summary: 'Zuständigkeitswechsel je Monat melden (Abschnitt 1.2; nur Zahlen, keine Personen)', description: 'Andere Zahlen für denselben Monat gelten als Korrektur.' })
  importCaseloadHandovers(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.import(p, id, 'caseload-handovers', importRequest(req));
  }

  @Post('caseload-handovers/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @body(CaseloadHandoverRowDto, 'Monat;Fälle;Zuständigkeitswechsel\n03.2026;850;12')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Zuständigkeitswechsel: Vorschau des Imports', description: PREVIEW })
  previewCaseloadHandovers(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'caseload-handovers', importRequest(req));
  }

  @Get('caseload-handovers')
  @ApiOkResponse({ type: [CaseloadHandoverView] })
  @ApiOperation({ summary: 'Gemeldete Zuständigkeitswechsel je Monat (Monate, die den Zeitraum berühren)' })
  async caseloadHandovers(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<CaseloadHandoverView[]> {
    await this.allowed(p, id, range);
    return this.registers.caseloadHandovers(id, range);
  }

  private async allowed(principal: Principal, officeId: string, range: DateRangeQueryDto): Promise<void> {
    await this.offices.getFor(principal, officeId);
    if (range.from && range.to && range.to < range.from) {
      throw DomainError.validation([{ field: 'to', message: 'darf nicht vor dem Beginn des Zeitraums liegen' }]);
    }
  }
}
