import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const CLOCK_MESSAGE = 'muss eine Uhrzeit im Format HH:MM zwischen 00:00 und 24:00 sein';

/** One closure of a location against its schedule; without from/to the whole day. */
export class ClosureRowDto {
  @ApiProperty({ example: '2026-03-02' })
  @IsDefined({ message: 'fehlt' })
  @IsCalendarDate()
  date: string;

  @ApiPropertyOptional({ example: '08:00', description: 'Beginn (Ortszeit); ohne from/to ganztägig' })
  @IsOptional()
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  from?: string;

  @ApiPropertyOptional({ example: '10:00', description: 'Ende (Ortszeit), nach from; 24:00 = Tagesende' })
  @IsOptional()
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
