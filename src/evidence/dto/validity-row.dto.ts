import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';
import { GermanDate } from './lenient-input';

/**
 * A register row that holds from a day until a day (or open): the validity fields the team
 * memberships and employer assignments share. Subclasses declare their own fields; class-validator
 * reports those first and these after, as when each class declared them last.
 */
export abstract class ValidityRowDto {
  @ApiProperty({ example: '2026-01-01', description: 'erster Tag (auch 01.01.2026)' })
  @GermanDate()
  @IsDefined({ message: 'fehlt' })
  @IsCalendarDate()
  from: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'letzter Tag (einschließlich); leer: offen' })
  @IsOptional()
  @GermanDate()
  @IsCalendarDate()
  until?: string;
}
