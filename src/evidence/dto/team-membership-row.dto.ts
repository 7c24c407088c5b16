import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Matches } from 'class-validator';
import { TEAM_LABELS } from '../../engine/vocabulary';
import { TEAMS, type Team } from '../../engine/types';
import { AliasedValue, allowedValuesMessage, type ValueAliases } from './lenient-input';
import { STAFF_REF } from './time-record-row.dto';
import { ValidityRowDto } from './validity-row.dto';

/** The German words first (from the one vocabulary): they are what the template and the pages show. */
export const TEAM_ALIASES: ValueAliases<Team> = { placement: [TEAM_LABELS.placement, 'Vermittlung'], specialist_advice: [TEAM_LABELS.specialist_advice] };

export const PSEUDONYM_MESSAGE =
  'muss ein Kürzel (Pseudonym) mit 1 bis 64 Zeichen sein: nur Buchstaben A–Z ohne Umlaute, Ziffern, Punkt, Unterstrich und Bindestrich, ohne Leerzeichen. Bitte keine Namen angeben.';

/** Section 4.1: the office's delegate to one multiplier team, from a day (until a day, or open). */
export class TeamMembershipRowDto extends ValidityRowDto {
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
}
