import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import type { ActionSummary, ActionView } from './action.view';
import { ActionsService } from './actions.service';
import { ActionCommentDto, ActionNoteDto, DismissActionDto, PlanActionDto } from './dto/action-commands.dto';
import { ActionQueryDto } from './dto/action-query.dto';

@ApiTags('Maßnahmen')
@ApiBearerAuth()
@Controller('api/v1/actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @ApiOperation({ summary: 'Maßnahmen, gefiltert nach Regionalstelle, Regel, Status oder überfällig (Regionalstellen: nur eigene)' })
  list(@CurrentPrincipal() p: Principal, @Query() q: ActionQueryDto): Promise<ActionSummary[]> {
    return this.actions.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Eine Maßnahme mit ihren Feststellungen und dem vollständigen Verlauf' })
  show(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ActionView> {
    return this.actions.show(p, id);
  }

  @Post(':id/plan')
  @HttpCode(200)
  @ApiOperation({ summary: 'Maßnahme planen oder neu beschreiben (verantwortliche Seite: die Regionalstelle)' })
  plan(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: PlanActionDto): Promise<ActionView> {
    return this.actions.plan(p, id, dto.measure);
  }

  @Post(':id/done')
  @HttpCode(200)
  @ApiOperation({ summary: 'Maßnahme als erledigt melden (verantwortliche Seite); bestätigt wird sie durch den nächsten vollständigen Zeitraum' })
  done(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ActionNoteDto): Promise<ActionView> {
    return this.actions.done(p, id, dto.note);
  }

  @Post(':id/comment')
  @HttpCode(200)
  @ApiOperation({ summary: 'Kommentieren (beide Seiten)' })
  comment(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ActionCommentDto): Promise<ActionView> {
    return this.actions.comment(p, id, dto.note);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verwerfen, mit Begründung (Koordinierungsstelle), z. B. weil eine Abweichung nach Abschnitt 6 vereinbart wird' })
  dismiss(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: DismissActionDto): Promise<ActionView> {
    return this.actions.dismiss(p, id, dto.reason);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Wieder öffnen (Koordinierungsstelle), mit neuer Frist' })
  reopen(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ActionNoteDto): Promise<ActionView> {
    return this.actions.reopen(p, id, dto.note);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Immer 409: bestätigt wird eine Maßnahme nur durch den Nachweis eines Prüflaufs' })
  verify(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() _dto: ActionNoteDto): Promise<ActionView> {
    return this.actions.verify(p, id);
  }
}
