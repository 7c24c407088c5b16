import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';

/** Optional period of a listing; both days inclusive. */
export class DateRangeQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'erster Tag (einschließlich)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31', description: 'letzter Tag (einschließlich)' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
