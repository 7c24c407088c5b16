import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsString, Matches, Max, Min, registerDecorator } from 'class-validator';
import { isPlausibleYear } from '../../calendar';
import { CLOCK_INPUT_MESSAGE as CLOCK_MESSAGE, LenientClock } from '../../common/clock-input';
import { APPOINTMENT_AREA_LABELS, APPOINTMENT_AREAS, type AppointmentArea } from '../../engine';
import { IsCalendarDate } from './calendar-date.validator';
import { AliasedValue, allowedValuesMessage, GermanDate, type ValueAliases } from './lenient-input';

/**
 * Rows of the three office registers of issue 15 (section 1.2 and 2 of Anlage 3): appointment
 * slots outside the opening hours, contacts by appointment and walk-in, caseload handovers. Counts
 * and times only: no names of customers or staff.
 */

/** After LenientClock: 'HH:MM' from 00:00 to 24:00. */
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** The German word first (template and pages), then other spellings clerks use. */
export const AREA_ALIASES: ValueAliases<AppointmentArea> = {
  benefits: [APPOINTMENT_AREA_LABELS.benefits, 'Leistungsgewährung', 'Leistungssachbearbeitung'],
  placement: [APPOINTMENT_AREA_LABELS.placement, 'Vermittlung'],
  specialist_advice: [APPOINTMENT_AREA_LABELS.specialist_advice],
};
const AREA_MESSAGE = allowedValuesMessage(AREA_ALIASES);

const MONTH_MESSAGE = 'muss ein Monat im Format JJJJ-MM (z. B. 2026-03) oder MM.JJJJ (z. B. 03.2026) zwischen 2000 und 2099 sein';
const GERMAN_MONTH = /^(\d{1,2})\.(\d{4})$/;

/** '03.2026' / '3.2026' → '2026-03'; anything else unchanged (the validator names it). */
export function germanMonthToIso(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const m = GERMAN_MONTH.exec(value.trim());
  return m ? `${m[2]}-${m[1].padStart(2, '0')}` : value.trim();
}

function IsCalendarMonth(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarMonth',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: MONTH_MESSAGE },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && isPlausibleYear(Number(value.slice(0, 4))),
      },
    });
}

const count = (what: string) => `muss eine ganze Zahl ${what} sein`;
const MAX_COUNT = 1_000_000;

/** One appointment offered or held: a day, a time and an area (section 2). */
export class AppointmentSlotRowDto {
  @ApiProperty({ example: '2026-03-02', description: 'auch 02.03.2026' })
  @GermanDate()
  @IsDefined({ message: 'fehlt' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ example: '16:00', description: 'Beginn (Ortszeit)' })
  @LenientClock()
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  from: string;

  @ApiProperty({ example: '16:30', description: 'Ende (Ortszeit), nach from' })
  @LenientClock()
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  to: string;

  @ApiProperty({ enum: APPOINTMENT_AREAS, example: 'placement', description: 'auch „Leistung“, „Arbeitsvermittlung“, „Fachberatung“' })
  @AliasedValue(AREA_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(APPOINTMENT_AREAS, { message: AREA_MESSAGE })
  area: AppointmentArea;
}

/** Contacts of one month and area, by appointment and without (section 2, "Terminvereinbarungen"). */
export class ContactCountRowDto {
  @ApiProperty({ example: '2026-03', description: 'auch 03.2026' })
  @Transform(({ value }: { value: unknown }) => germanMonthToIso(value))
  @IsDefined({ message: 'fehlt' })
  @IsCalendarMonth()
  month: string;

  @ApiProperty({ enum: APPOINTMENT_AREAS, example: 'benefits', description: 'auch „Leistung“, „Arbeitsvermittlung“, „Fachberatung“' })
  @AliasedValue(AREA_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(APPOINTMENT_AREAS, { message: AREA_MESSAGE })
  area: AppointmentArea;

  @ApiProperty({ example: 240, minimum: 0 })
  @IsDefined({ message: 'fehlt' })
  @IsInt({ message: count('von Kontakten ab 0') })
  @Min(0, { message: count('von Kontakten ab 0') })
  @Max(MAX_COUNT, { message: count(`von Kontakten bis ${MAX_COUNT.toLocaleString('de-DE')}`) })
  byAppointment: number;

  @ApiProperty({ example: 60, minimum: 0 })
  @IsDefined({ message: 'fehlt' })
  @IsInt({ message: count('von Kontakten ab 0') })
  @Min(0, { message: count('von Kontakten ab 0') })
  @Max(MAX_COUNT, { message: count(`von Kontakten bis ${MAX_COUNT.toLocaleString('de-DE')}`) })
  walkIn: number;
}

/** One month's caseload and how often its responsible person changed (section 1.2); counts only. */
export class CaseloadHandoverRowDto {
  @ApiProperty({ example: '2026-03', description: 'auch 03.2026' })
  @Transform(({ value }: { value: unknown }) => germanMonthToIso(value))
  @IsDefined({ message: 'fehlt' })
  @IsCalendarMonth()
  month: string;

  @ApiProperty({ example: 850, minimum: 1, description: 'Zahl der betreuten Fälle (Bedarfsgemeinschaften und Unternehmen) im Monat' })
  @IsDefined({ message: 'fehlt' })
  @IsInt({ message: count('von Fällen ab 1') })
  @Min(1, { message: count('von Fällen ab 1') })
  @Max(MAX_COUNT, { message: count(`von Fällen bis ${MAX_COUNT.toLocaleString('de-DE')}`) })
  caseloadSize: number;

  @ApiProperty({ example: 12, minimum: 0, description: 'Wie oft im Monat die zuständige Person eines Falls wechselte' })
  @IsDefined({ message: 'fehlt' })
  @IsInt({ message: count('von Wechseln ab 0') })
  @Min(0, { message: count('von Wechseln ab 0') })
  @Max(MAX_COUNT, { message: count(`von Wechseln bis ${MAX_COUNT.toLocaleString('de-DE')}`) })
  changes: number;
}
