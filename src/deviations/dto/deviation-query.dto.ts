import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { DEVIATION_STATUSES, type DeviationStatus } from '../deviation.view';

/** Filters of GET /api/v1/deviations; query values arrive as text. */
export class DeviationQueryDto {
  @ApiPropertyOptional({ example: 'witten' })
  @IsOptional()
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regionalstelle sein' })
  officeId?: string;

  @ApiPropertyOptional({ example: 'opening.weekly-minimum' })
  @IsOptional()
  @MaxLength(200, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regel sein' })
  ruleId?: string;

  @ApiPropertyOptional({ enum: DEVIATION_STATUSES })
  @IsOptional()
  @IsIn(DEVIATION_STATUSES, { message: `muss einer der Werte ${DEVIATION_STATUSES.join(', ')} sein` })
  status?: DeviationStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: nur Vorschläge, die auf die Zustimmung der eigenen Seite warten' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'muss true oder false sein' })
  pendingForMe?: 'true' | 'false';
}
