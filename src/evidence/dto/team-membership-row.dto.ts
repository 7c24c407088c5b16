import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { TEAM_LABELS } from '../../engine/vocabulary';
import { TEAMS, type Team } from '../../engine/types';
import { IsCalendarDate } from './calendar-date.validator';
import { AliasedValue, allowedValuesMessage, GermanDate, type ValueAliases } from './lenient-input';
import { STAFF_REF } from './time-record-row.dto';

/** The German words first (from the one vocabulary): they are what the template and the pages show. */
export const TEAM_ALIASES: ValueAliases<Team> = { placement: [TEAM_LABELS.placement, 'Vermittlung'], specialist_advice: [TEAM_LABELS.specialist_advice] };

export const PSEUDONYM_MESSAGE =
  'muss ein Kürzel (Pseudonym) mit 1 bis 64 Zeichen sein: nur Buchstaben A–Z ohne Umlaute, Ziffern, Punkt, Unterstrich und Bindestrich, ohne Leerzeichen. Bitte keine Namen angeben.';

/** Section 4.1: the office's delegate to one multiplier team, from a day (until a day, or open). */
export class TeamMembershipRowDto {
  @ApiProperty({ enum: TEAMS, example: 'placement', description: 'auch „Arbeitsvermittlung“, „Fachberatung“' })
  @AliasedValue(TEAM_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(TEAMS, { message: allowedValuesMessage(TEAM_ALIASES) })
  team: Team;

  @ApiProperty({ example: 'MT-AV-01', description: 'Pseudonym, kein Name: ^[A-Za-z0-9_.-]{1,64}$' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: PSEUDONYM_MESSAGE })
  @Matches(STAFF_REF, { message: PSEUDONYM_MESSAGE })
  delegateRef: string;

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
