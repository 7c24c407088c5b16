import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { TEAMS, type Team } from '../../engine/types';
import { IsCalendarDate } from './calendar-date.validator';
import { AliasedValue, allowedValuesMessage, GermanDate } from './lenient-input';
import { TEAM_ALIASES } from './team-membership-row.dto';

const LIST_MESSAGE = 'muss eine Liste von Regionalstellen sein (Kennung oder Name), in einer CSV-Zelle getrennt durch „;“ oder „,“, z. B. "witten; hattingen"';

/**
 * A CSV cell "witten; hattingen" (or "witten, hattingen") as a list; a JSON list stays a list. An
 * empty list stays empty (validation names it where one is required); anything else is left as sent.
 */
export const OfficeList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(/[;,]/)
          .map((part) => part.trim())
          .filter((part) => part !== '')
      : value,
  );

/** Section 4.1: a practice meeting held, its audience and which offices were invited and attended. */
export class PracticeMeetingRowDto {
  @ApiProperty({ example: '2026-03-10', description: 'auch 10.03.2026' })
  @GermanDate()
  @IsDefined({ message: 'fehlt' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: TEAMS, example: 'placement', description: 'Zielgruppe; auch „Arbeitsvermittlung“, „Fachberatung“' })
  @AliasedValue(TEAM_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(TEAMS, { message: allowedValuesMessage(TEAM_ALIASES) })
  audience: Team;

  @ApiProperty({ type: [String], example: ['witten', 'hattingen'], description: 'eingeladene Regionalstellen (Kennung oder Name); in CSV eine Zelle „witten; hattingen“' })
  @OfficeList()
  @IsDefined({ message: 'fehlt' })
  @IsArray({ message: LIST_MESSAGE })
  @ArrayMinSize(1, { message: 'muss mindestens eine Regionalstelle nennen' })
  @ArrayMaxSize(50, { message: 'darf höchstens 50 Regionalstellen nennen' })
  @IsString({ each: true, message: LIST_MESSAGE })
  @Matches(/\S/, { each: true, message: LIST_MESSAGE })
  invited: string[];

  @ApiProperty({ type: [String], required: false, example: ['witten'], description: 'teilnehmende Regionalstellen (Kennung oder Name); leer: keine' })
  @IsOptional()
  @OfficeList()
  @IsArray({ message: LIST_MESSAGE })
  @ArrayMaxSize(50, { message: 'darf höchstens 50 Regionalstellen nennen' })
  @IsString({ each: true, message: LIST_MESSAGE })
  attended?: string[];
}

