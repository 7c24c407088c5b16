import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, MaxLength } from 'class-validator';
import { AliasedValue, allowedValuesMessage, GermanDateTime, type ValueAliases } from './lenient-input';

export const COVERED_BY_VALUES = ['staff', 'call_centre'] as const;
export type CoveredBy = (typeof COVERED_BY_VALUES)[number];
/** The German words first: they are what the template and the pages show. */
export const COVERED_BY_ALIASES: ValueAliases<CoveredBy> = { staff: ['Personal'], call_centre: ['Call Center', 'Callcenter'] };

const INSTANT_MESSAGE = 'muss ein Zeitpunkt als Text sein, z. B. 2026-03-29T08:00 (Ortszeit Berlin) oder 2026-03-29T06:00:00Z';

/**
 * An interval in which the employer hotline was covered (section 4.2). Points in time with an offset
 * are instants; without one they are Berlin wall clock (see berlin-instant.ts for the DST cases).
 */
export class HotlineCoverageRowDto {
  @ApiProperty({ example: '2026-03-30T08:00', description: 'ISO 8601; ohne Zeitzone Ortszeit Berlin; auch 30.03.2026 08:00' })
  @GermanDateTime()
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: INSTANT_MESSAGE })
  @MaxLength(40, { message: INSTANT_MESSAGE })
  start: string;

  @ApiProperty({ example: '2026-03-30T12:00', description: 'nach start, höchstens 24 Stunden später' })
  @GermanDateTime()
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: INSTANT_MESSAGE })
  @MaxLength(40, { message: INSTANT_MESSAGE })
  end: string;

  @ApiProperty({ enum: COVERED_BY_VALUES, example: 'staff', description: 'auch „Personal“ oder „Call Center“' })
  @AliasedValue(COVERED_BY_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(COVERED_BY_VALUES, { message: allowedValuesMessage(COVERED_BY_ALIASES) })
  coveredBy: CoveredBy;
}
