import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { drainedOrClosed } from '../common/drained-or-closed';
import { dateProblem } from '../calendar';
import type { AuditFindingView, AuditRunView, AuditSummary } from './audit-run.view';
import { AuditService } from './audit.service';
import { AuditRequestDto, ExportQueryDto, FindingsQueryDto, TrendQueryDto } from './dto/audit-request.dto';
import { csvHeader, csvLine } from './findings.csv';

@ApiTags('Prüfläufe')
@ApiBearerAuth()
@Controller('api/v1')
export class AuditsController {
  constructor(private readonly audits: AuditService) {}

  @Post('audits')
  @Roles('coordination')
  @ApiOperation({ summary: 'Prüflauf starten (Koordinierungsstelle): beurteilt die vollständigen Wochen und Monate im Zeitraum' })
  async start(@CurrentPrincipal() p: Principal, @Body() dto: AuditRequestDto): Promise<AuditRunView> {
    const errors = [];
    const fromProblem = dateProblem(dto.from);
    const toProblem = dateProblem(dto.to);
    if (fromProblem) errors.push({ field: 'from', message: fromProblem });
    if (toProblem) errors.push({ field: 'to', message: toProblem });
    if (errors.length === 0 && dto.to < dto.from) errors.push({ field: 'to', message: 'darf nicht vor dem Beginn des Zeitraums liegen' });
    if (errors.length === 0 && daysBetween(dto.from, dto.to) > 3 * 366) errors.push({ field: 'to', message: 'Ein Prüflauf umfasst höchstens drei Jahre.' });
    if (errors.length) throw DomainError.validation(errors);
    return (await this.audits.run({ trigger: 'manual', from: dto.from, to: dto.to, officeIds: dto.offices, requestedBy: p.tokenId }))!;
  }

  @Get('audits')
  @ApiOperation({ summary: 'Prüfläufe, neueste zuerst (mit Status und Fehler)' })
  list(@CurrentPrincipal() p: Principal): Promise<AuditRunView[]> {
    return this.audits.list(p);
  }

  @Get('audits/:id')
  @ApiOperation({ summary: 'Zusammenfassung: Matrix Regionalstelle × Regel, eigene Zeile für kreisweite Regeln (district), Zählungen je Verbindlichkeit' })
  summary(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<AuditSummary> {
    return this.audits.summary(p, id);
  }

  @Get('audits/:id/findings')
  @ApiOperation({ summary: 'Feststellungen eines Prüflaufs, filterbar' })
  findings(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: FindingsQueryDto): Promise<AuditFindingView[]> {
    return this.audits.findings(p, id, { officeId: q.office, scope: q.scope, ruleId: q.rule, status: q.status, obligation: q.obligation, limit: q.limit, offset: q.offset });
  }

  @Get('audits/:id/export')
  @ApiProduces('text/csv', 'application/json')
  @ApiOperation({ summary: 'Export der Feststellungen: CSV für Excel (Semikolon, UTF-8 mit BOM, Dezimalkomma) oder JSON' })
  async export(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: ExportQueryDto, @Res() res: Response): Promise<void> {
    const { run, findings, csv } = await this.audits.stream(p, id);
    const format = q.format ?? 'csv';
    const name = `pruefung-${run.from}-${run.to}-${run.id.slice(0, 8)}.${format}`;
    res.status(200);
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    // A client that goes away must not leave this handler waiting for a 'drain' that never comes.
    const write = async (chunk: string) => {
      if (res.destroyed) throw new Error('Export abgebrochen: Verbindung geschlossen');
      if (!res.write(chunk)) await drainedOrClosed(res);
    };
    if (format === 'csv') {
      await write(csvHeader());
      for await (const f of findings) await write(csvLine(f, csv));
    } else {
      await write(`{"run":${JSON.stringify(run)},"findings":[`);
      let first = true;
      for await (const f of findings) {
        await write((first ? '' : ',') + JSON.stringify(f));
        first = false;
      }
      await write(']}');
    }
    res.end();
  }

  @Get('offices/:id/trend')
  @ApiOperation({ summary: 'Verlauf einer Regel über die gespeicherten Wochen (und Monate)' })
  trend(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() q: TrendQueryDto) {
    return this.audits.trend(p, id, q.rule);
  }
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / 86_400_000;
}

