import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, MaxLength } from 'class-validator';

export const COVERED_BY_VALUES = ['staff', 'call_centre'] as const;
export type CoveredBy = (typeof COVERED_BY_VALUES)[number];

const INSTANT_MESSAGE = 'muss ein Zeitpunkt als Text sein, z. B. 2026-03-29T08:00 (Ortszeit Berlin) oder 2026-03-29T06:00:00Z';

/**
 * An interval in which the employer hotline was covered (section 4.2). Points in time with an offset
 * are instants; without one they are Berlin wall clock (see berlin-instant.ts for the DST cases).
 */
export class HotlineCoverageRowDto {
  @ApiProperty({ example: '2026-03-30T08:00', description: 'ISO 8601; ohne Zeitzone Ortszeit Berlin' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: INSTANT_MESSAGE })
  @MaxLength(40, { message: INSTANT_MESSAGE })
  start: string;

  @ApiProperty({ example: '2026-03-30T12:00', description: 'nach start, höchstens 24 Stunden später' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: INSTANT_MESSAGE })
  @MaxLength(40, { message: INSTANT_MESSAGE })
  end: string;

  @ApiProperty({ enum: COVERED_BY_VALUES, example: 'staff' })
  @IsDefined({ message: 'fehlt' })
  @IsIn(COVERED_BY_VALUES, { message: `muss einer dieser Werte sein: ${COVERED_BY_VALUES.join(', ')}` })
  coveredBy: CoveredBy;
}
