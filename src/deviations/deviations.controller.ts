import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { DeviationSummary, DeviationView } from './deviation.view';
import { DeviationsService } from './deviations.service';
import { DeviationNoteDto, DeviationRejectionDto } from './dto/deviation-decision.dto';
import { DeviationProposalDto } from './dto/deviation-proposal.dto';
import { DeviationQueryDto } from './dto/deviation-query.dto';

@ApiTags('Abweichungen')
@ApiBearerAuth()
@Controller('api/v1/deviations')
export class DeviationsController {
  constructor(private readonly deviations: DeviationsService) {}

  @Post()
  @ApiOperation({ summary: 'Abweichung nach Abschnitt 6 vorschlagen (gilt erst nach Zustimmung der anderen Seite)' })
  propose(@CurrentPrincipal() p: Principal, @Body() dto: DeviationProposalDto): Promise<DeviationView> {
    return this.deviations.propose(p, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Abweichungen und Vorschläge, gefiltert nach Regionalstelle, Regel, Status oder offener Zustimmung' })
  list(@CurrentPrincipal() p: Principal, @Query() query: DeviationQueryDto): Promise<DeviationSummary[]> {
    return this.deviations.list(p, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eine Abweichung mit ihrem vollständigen Verlauf' })
  show(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<DeviationView> {
    return this.deviations.show(p, id);
  }

  @Post(':id/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Zustimmen (nur die Seite, die nicht vorgeschlagen hat)' })
  consent(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DeviationNoteDto): Promise<DeviationView> {
    return this.deviations.consent(p, id, dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Ablehnen, mit Begründung (nur die Seite, die nicht vorgeschlagen hat)' })
  reject(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DeviationRejectionDto): Promise<DeviationView> {
    return this.deviations.reject(p, id, dto);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Vorschlag zurückziehen (nur die vorschlagende Seite)' })
  withdraw(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DeviationNoteDto): Promise<DeviationView> {
    return this.deviations.withdraw(p, id, dto);
  }
}
