import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsString, Matches } from 'class-validator';
import { CONTACT_ROLE_LABELS } from '../../engine/vocabulary';
import type { ContactRole } from '../../engine/types';
import { AliasedValue, allowedValuesMessage, type ValueAliases } from './lenient-input';
import { PSEUDONYM_MESSAGE } from './team-membership-row.dto';
import { STAFF_REF } from './time-record-row.dto';
import { ValidityRowDto } from './validity-row.dto';

export const CONTACT_ROLE_VALUES = ['placement', 'specialist_advice', 'other'] as const satisfies readonly ContactRole[];
export const CONTACT_ROLE_ALIASES: ValueAliases<ContactRole> = {
  placement: [CONTACT_ROLE_LABELS.placement, 'Vermittlung'],
  specialist_advice: [CONTACT_ROLE_LABELS.specialist_advice],
  other: [CONTACT_ROLE_LABELS.other, 'Sonstiges'],
};

const EMPLOYER_MESSAGE =
  'muss eine Kennung des Unternehmens (Pseudonym) mit 1 bis 64 Zeichen sein: nur Buchstaben A–Z ohne Umlaute, Ziffern, Punkt, Unterstrich und Bindestrich, ohne Leerzeichen. Bitte keine Firmennamen angeben.';

/** Section 4.2: which contact person looks after an employer, from a day (until a day, or open). */
export class EmployerAssignmentRowDto extends ValidityRowDto {
  @ApiProperty({ example: 'U-0042', description: 'Kennung des Unternehmens (Pseudonym), kein Firmenname' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: EMPLOYER_MESSAGE })
  @Matches(STAFF_REF, { message: EMPLOYER_MESSAGE })
  employerRef: string;

  @ApiProperty({ example: 'VM-07', description: 'Pseudonym der Ansprechperson, kein Name' })
  @IsDefined({ message: 'fehlt' })
  @IsString({ message: PSEUDONYM_MESSAGE })
  @Matches(STAFF_REF, { message: PSEUDONYM_MESSAGE })
  contactRef: string;

  @ApiProperty({ enum: CONTACT_ROLE_VALUES, example: 'placement', description: 'auch „Arbeitsvermittlung“, „Fachberatung“, „Sonstige“' })
  @AliasedValue(CONTACT_ROLE_ALIASES)
  @IsDefined({ message: 'fehlt' })
  @IsIn(CONTACT_ROLE_VALUES, { message: allowedValuesMessage(CONTACT_ROLE_ALIASES) })
  contactRole: ContactRole;
}
