import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ACTION_SOURCE_LABELS, ACTION_STATUSES, type ActionSource, type ActionStatus } from '../../engine';

const SOURCES = Object.keys(ACTION_SOURCE_LABELS) as ActionSource[];

/** Filters of GET /api/v1/actions; query values arrive as text. */
export class ActionQueryDto {
  @ApiPropertyOptional({ example: 'witten' })
  @IsOptional()
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regionalstelle sein' })
  office?: string;

  @ApiPropertyOptional({ enum: ['office', 'district'], description: 'district: nur Maßnahmen zu Regeln des ganzen Bezirks (Koordinierungsstelle)' })
  @IsOptional()
  @IsIn(['office', 'district'], { message: "muss 'office' oder 'district' sein" })
  scope?: 'office' | 'district';

  @ApiPropertyOptional({ enum: SOURCES, description: 'audit: aus Feststellungen eines Prüflaufs; survey: aus einer Befragung' })
  @IsOptional()
  @IsIn(SOURCES, { message: `muss einer der Werte ${SOURCES.join(', ')} sein` })
  source?: ActionSource;

  @ApiPropertyOptional({ example: 'opening.weekly-minimum' })
  @IsOptional()
  @MaxLength(200, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regel sein' })
  rule?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES })
  @IsOptional()
  @IsIn(ACTION_STATUSES, { message: `muss einer der Werte ${ACTION_STATUSES.join(', ')} sein` })
  status?: ActionStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: nur überfällige (Frist verstrichen, weder erledigt noch bestätigt noch verworfen)' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'muss true oder false sein' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ example: '30', description: 'nur bestätigte oder verworfene Maßnahmen der letzten N Tage zeigen (mit status)' })
  @IsOptional()
  @IsIn(Array.from({ length: 366 }, (_, i) => String(i + 1)), { message: 'muss eine Zahl von Tagen zwischen 1 und 366 sein' })
  closedWithinDays?: string;
}
