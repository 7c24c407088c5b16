import { Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { OfficesService } from '../offices/offices.service';
import { CooperationRegistersRepository } from './cooperation-registers.repository';
import { EmployerAssignmentView, PracticeMeetingView, TeamMembershipView } from './dto/cooperation-views.dto';
import { DateRangeQueryDto } from './dto/date-range-query.dto';
import { EmployerAssignmentRowDto } from './dto/employer-assignment-row.dto';
import { ImportPreviewDto } from './dto/import-preview.dto';
import { ImportResultDto } from './dto/import-result.dto';
import { PracticeMeetingRowDto } from './dto/practice-meeting-row.dto';
import { TeamMembershipRowDto } from './dto/team-membership-row.dto';
import { ApiImportBody, importRequest, PREVIEW } from './evidence.controller';
import { assertCoordination, EvidenceImportService } from './evidence-import.service';

function checkedRange(range: DateRangeQueryDto): DateRangeQueryDto {
  if (range.from && range.to && range.to < range.from) throw DomainError.validation([{ field: 'to', message: 'darf nicht vor dem Beginn des Zeitraums liegen' }]);
  return range;
}

/**
 * The registers of sections 4.1 and 4.2 an office keeps: its delegates to the multiplier teams and
 * the contact person of each employer (pseudonyms only). Same import rules as all evidence.
 */
@ApiTags('Nachweise')
@ApiBearerAuth()
@ApiExtraModels(TeamMembershipRowDto, EmployerAssignmentRowDto, PracticeMeetingRowDto)
@Controller('api/v1/offices/:id')
export class CooperationRegistersController {
  constructor(
    private readonly imports: EvidenceImportService,
    private readonly offices: OfficesService,
    private readonly registers: CooperationRegistersRepository,
  ) {}

  @Post('team-membership')
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(TeamMembershipRowDto, 'Team;Kürzel;von;bis\nArbeitsvermittlung;mt-av-01;01.01.2026;\nFachberatung;mt-fb-01;01.01.2026;30.06.2026')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({
    summary: 'Teammitgliedschaften in den Multiplikatorenteams melden (Abschnitt 4.1)',
    description: 'Je Team (Arbeitsvermittlung, Fachberatung) die entsandte Person als Kürzel, kein Name; bis leer: offen. Ein anderes Ende für dieselbe Person, dasselbe Team und denselben Beginn gilt als Korrektur.',
  })
  importTeamMembership(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.import(p, id, 'team-membership', importRequest(req));
  }

  @Post('team-membership/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(TeamMembershipRowDto, 'Team;Kürzel;von;bis\nArbeitsvermittlung;mt-av-01;01.01.2026;')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Teammitgliedschaften: Vorschau des Imports', description: PREVIEW })
  previewTeamMembership(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'team-membership', importRequest(req));
  }

  @Get('team-membership')
  @ApiOkResponse({ type: [TeamMembershipView] })
  @ApiOperation({ summary: 'Gemeldete Teammitgliedschaften (Zeiträume, die die Tage from … to berühren)' })
  async teamMembership(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<TeamMembershipView[]> {
    await this.offices.getFor(p, id);
    return this.registers.teamMembership(id, checkedRange(range));
  }

  @Post('employer-assignments')
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(EmployerAssignmentRowDto, 'Unternehmen;Ansprechperson;Funktion;von;bis\nU-0042;vm-07;Arbeitsvermittlung;01.01.2026;')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({
    summary: 'Ansprechpersonen der Unternehmen melden (Abschnitt 4.2)',
    description: 'Unternehmen als Kennung (kein Firmenname), Ansprechperson als Kürzel (kein Name). Eine andere Funktion oder ein anderes Ende für dasselbe Unternehmen, dieselbe Person und denselben Beginn gilt als Korrektur.',
  })
  importEmployerAssignments(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.import(p, id, 'employer-assignments', importRequest(req));
  }

  @Post('employer-assignments/preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(EmployerAssignmentRowDto, 'Unternehmen;Ansprechperson;Funktion;von;bis\nU-0042;vm-07;Arbeitsvermittlung;01.01.2026;')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Ansprechpersonen der Unternehmen: Vorschau des Imports', description: PREVIEW })
  previewEmployerAssignments(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.preview(p, id, 'employer-assignments', importRequest(req));
  }

  @Get('employer-assignments')
  @ApiOkResponse({ type: [EmployerAssignmentView] })
  @ApiOperation({ summary: 'Gemeldete Ansprechpersonen der Unternehmen (Zeiträume, die die Tage from … to berühren)' })
  async employerAssignments(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() range: DateRangeQueryDto): Promise<EmployerAssignmentView[]> {
    await this.offices.getFor(p, id);
    return this.registers.employerAssignments(id, checkedRange(range));
  }
}

/** Section 4.1: the practice meetings register of the whole district, the coordination office's alone. */
@ApiTags('Nachweise')
@ApiBearerAuth()
@Controller('api/v1/practice-meetings')
export class PracticeMeetingsController {
  constructor(
    private readonly imports: EvidenceImportService,
    private readonly registers: CooperationRegistersRepository,
  ) {}

  @Post()
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(PracticeMeetingRowDto, 'Datum;Zielgruppe;eingeladene Regionalstellen;teilnehmende Regionalstellen\n10.03.2026;Arbeitsvermittlung;"witten; hattingen";witten')
  @ApiCreatedResponse({ type: ImportResultDto })
  @ApiOperation({
    summary: 'Praxistreffen melden (nur Koordinierungsstelle; Abschnitt 4.1)',
    description: 'Zielgruppe Arbeitsvermittlung oder Fachberatung; Regionalstellen als Kennung oder Name, in CSV in einer Zelle durch „;“ oder „,“ getrennt (in Anführungszeichen, wenn das Trennzeichen der Datei darin vorkommt). Dasselbe Treffen (Datum, Zielgruppe) mit anderen Listen gilt als Korrektur.',
  })
  importMeetings(@CurrentPrincipal() p: Principal, @Req() req: Request): Promise<ImportResultDto> {
    return this.imports.importPracticeMeetings(p, importRequest(req));
  }

  @Post('preview')
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/csv')
  @ApiImportBody(PracticeMeetingRowDto, 'Datum;Zielgruppe;eingeladene Regionalstellen;teilnehmende Regionalstellen\n10.03.2026;Fachberatung;"witten; hattingen";')
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiOperation({ summary: 'Praxistreffen: Vorschau des Imports (nur Koordinierungsstelle)', description: PREVIEW })
  previewMeetings(@CurrentPrincipal() p: Principal, @Req() req: Request): Promise<ImportPreviewDto> {
    return this.imports.previewPracticeMeetings(p, importRequest(req));
  }

  @Get()
  @ApiOkResponse({ type: [PracticeMeetingView] })
  @ApiOperation({ summary: 'Gemeldete Praxistreffen (nur Koordinierungsstelle)' })
  meetings(@CurrentPrincipal() p: Principal, @Query() range: DateRangeQueryDto): Promise<PracticeMeetingView[]> {
    assertCoordination(p);
    return this.registers.practiceMeetings(checkedRange(range));
  }
}
