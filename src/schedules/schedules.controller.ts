import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/domain-error';
import { ScheduleSubmissionDto } from './dto/schedule-submission.dto';
import type { ScheduleVersionView } from './schedule-version.view';
import { SchedulesService, type ScheduleCheckView } from './schedules.service';
import { dateProblem } from '../calendar';

@ApiTags('Öffnungszeiten')
@ApiBearerAuth()
@Controller('api/v1')
export class SchedulesController {
  constructor(private readonly schedules: SchedulesService) {}

  @Post('schedules/check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Öffnungszeitenplan prüfen, ohne ihn zu speichern',
    description: 'Antwort mit week (der Plan, wie er gelesen wurde: Zeiträume HH:MM von Montag bis Samstag) und warnings (z. B. eine spätere opening_hours-Regel, die eine frühere für einen Tag ersetzt).',
  })
  check(@CurrentPrincipal() p: Principal, @Body() dto: ScheduleSubmissionDto): Promise<ScheduleCheckView> {
    return this.schedules.check(p, dto);
  }

  @Post('schedules')
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Beliebiger Schlüssel (z. B. eine UUID) je neuer Fassung: eine Wiederholung mit demselben Schlüssel und denselben Daten liefert die erste Antwort erneut, statt eine zweite Fassung anzulegen.',
  })
  @ApiOperation({
    summary: 'Neue Fassung des Öffnungszeitenplans einreichen (wird auch bei Abweichungen gespeichert)',
    description: 'Eine Fassung, die der zuletzt eingereichten mit demselben validFrom Byte für Byte gleicht, wird als Doppel abgewiesen (409, nennt die vorhandene Fassung).',
  })
  submit(@CurrentPrincipal() p: Principal, @Body() dto: ScheduleSubmissionDto): Promise<ScheduleVersionView> {
    return this.schedules.submit(p, dto);
  }

  @Get('offices/:id/schedules')
  @ApiOperation({ summary: 'Alle eingereichten Fassungen (neueste zuerst)' })
  history(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<ScheduleVersionView[]> {
    return this.schedules.history(p, id);
  }

  @Get('offices/:id/schedule')
  @ApiQuery({ name: 'date', example: '2027-01-04' })
  @ApiOperation({ summary: 'Die an einem Tag gültige Fassung' })
  inForce(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query('date') date?: string): Promise<ScheduleVersionView> {
    const problem = dateProblem(date);
    if (problem) throw DomainError.validation([{ field: 'date', message: problem }]);
    return this.schedules.inForce(p, id, date!);
  }
}
