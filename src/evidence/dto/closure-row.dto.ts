import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CLOCK_INPUT_MESSAGE as CLOCK_MESSAGE, LenientClock } from '../../common/clock-input';
import { IsCalendarDate } from './calendar-date.validator';
import { GermanDate } from './lenient-input';

/** After LenientClock: 'HH:MM' from 00:00 to 24:00. */
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** One closure of a location against its schedule; without from/to the whole day. */
export class ClosureRowDto {
  @ApiProperty({ example: '2026-03-02', description: 'auch 02.03.2026' })
  @GermanDate()
  @IsDefined({ message: 'fehlt' })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ example: '08:00', description: 'Beginn (Ortszeit); ohne from/to ganztägig' })
  @IsOptional()
  @LenientClock()
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '10:00', description: 'Ende (Ortszeit), nach from; 24:00 = Tagesende' })
  @IsOptional()
  @LenientClock()
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  to?: string;

  @ApiProperty({ example: 'Personalversammlung' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: 'muss ein Text sein' })
  @Matches(/\S/, { message: 'darf nicht leer sein' })
  @MaxLength(500, { message: 'darf höchstens 500 Zeichen lang sein' })
  reason: string;
}
