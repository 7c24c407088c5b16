import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';
import { AliasedValue, allowedValuesMessage, GermanDate, type ValueAliases } from './lenient-input';

export const STAFF_ROLE_VALUES = ['placement_officer', 'specialist_adviser', 'other'] as const;
export type StaffRole = (typeof STAFF_ROLE_VALUES)[number];
export const ACTIVITY_VALUES = ['employer_service', 'jobseeker_service', 'other'] as const;
export type Activity = (typeof ACTIVITY_VALUES)[number];
/** The German words first: they are what the template and the pages show. */
export const STAFF_ROLE_ALIASES: ValueAliases<StaffRole> = { placement_officer: ['Arbeitsvermittlung'], specialist_adviser: ['Fachberatung'], other: ['Sonstige'] };
export const ACTIVITY_ALIASES: ValueAliases<Activity> = { employer_service: ['Unternehmensservice'], jobseeker_service: ['Kundenbetreuung'], other: ['Sonstiges'] };

/** A pseudonym, never a name: no spaces, so "Erika Mustermann" cannot slip in. */
export const STAFF_REF = /^[A-Za-z0-9_.-]{1,64}$/;
const STAFF_REF_MESSAGE =
  'muss ein Kürzel (Pseudonym) mit 1 bis 64 Zeichen sein: nur Buchstaben A–Z ohne Umlaute, Ziffern, Punkt, Unterstrich und Bindestrich, ohne Leerzeichen. Bitte keine Namen angeben.';
const MINUTES_MESSAGE = 'muss eine ganze Zahl von Minuten zwischen 1 und 1440 sein';

/** Minutes one (pseudonymous) person spent on one activity on one day (section 4.2, half-time target). */
export class TimeRecordRowDto {
  @ApiProperty({ example: 'VM-07', description: 'Pseudonym, kein Name: ^[A-Za-z0-9_.-]{1,64}$' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: STAFF_REF_MESSAGE })
  @Matches(STAFF_REF, { message: STAFF_REF_MESSAGE })
  staffRef: string;

  @ApiProperty({ enum: STAFF_ROLE_VALUES, example: 'placement_officer', description: 'auch „Arbeitsvermittlung“, „Fachberatung“, „Sonstige“' })
  @AliasedValue(STAFF_ROLE_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(STAFF_ROLE_VALUES, { message: allowedValuesMessage(STAFF_ROLE_ALIASES) })
  role: StaffRole;

  @ApiProperty({ example: '2026-03-02', description: 'auch 02.03.2026' })
  @GermanDate()
  @IsDefined({ message: 'fehlt' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: 240, minimum: 1, maximum: 1440 })
  @IsDefined({ message: 'fehlt' })
  @IsInt({ message: MINUTES_MESSAGE })
  @Min(1, { message: MINUTES_MESSAGE })
  @Max(1440, { message: MINUTES_MESSAGE })
  minutes: number;

  @ApiProperty({ enum: ACTIVITY_VALUES, example: 'employer_service', description: 'auch „Unternehmensservice“, „Kundenbetreuung“, „Sonstiges“' })
  @AliasedValue(ACTIVITY_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(ACTIVITY_VALUES, { message: allowedValuesMessage(ACTIVITY_ALIASES) })
  activity: Activity;
}
