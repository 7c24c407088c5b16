import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { ComplianceReport } from './compliance-report';
import { JudgingService } from './judging.service';
import { periodFromQuery } from './judgement-period';

@ApiTags('Einhaltung')
@ApiBearerAuth()
@Controller('api/v1/offices/:id/compliance')
export class ComplianceController {
  constructor(private readonly judging: JudgingService) {}

  @Get()
  @ApiOperation({ summary: 'Eine Kalenderwoche (?week=2026-W52) oder einen Monat (?month=2026-11) nach den Standards beurteilen' })
  @ApiQuery({ name: 'week', required: false, example: '2026-W52' })
  @ApiQuery({ name: 'month', required: false, example: '2026-11' })
  judge(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('week') week?: unknown, @Query('month') month?: unknown): Promise<ComplianceReport> {
    return this.judging.judgeFor(p, id, periodFromQuery(week, month));
  }
}
