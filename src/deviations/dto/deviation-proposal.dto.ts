import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { DeviationKind } from '../../engine';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'muss ein Datum im Format JJJJ-MM-TT sein';
export const DEVIATION_KINDS: DeviationKind[] = ['waiver', 'parameters'];
export const REASON_MAX = 2000;

/**
 * A proposal under section 6 of Anlage 3; what class-validator cannot judge (rule, office, params)
 * the service checks. The type check sits nearest the property because class-validator runs it first
 * and the pipe stops at the first error: a missing reason says "muss ein Text sein", not "zu lang".
 */
export class DeviationProposalDto {
  @ApiProperty({ example: 'witten' })
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regionalstelle sein' })
  officeId: string;

  @ApiProperty({ example: 'opening.weekly-minimum', description: 'ID einer Regel des Katalogs (GET /api/v1/standards)' })
  @MaxLength(200, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regel des Katalogs sein' })
  ruleId: string;

  @ApiProperty({ example: '2027-07-01', description: 'Erster Tag, an dem die Abweichung gilt' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsString({ message: DATE_MESSAGE })
  validFrom: string;

  @ApiPropertyOptional({ example: '2027-08-31', nullable: true, description: 'Letzter Tag (einschließlich); ohne: unbefristet' })
  @IsOptional()
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsString({ message: DATE_MESSAGE })
  validUntil?: string | null;

  @ApiProperty({ enum: DEVIATION_KINDS, description: 'waiver: Standard aussetzen; parameters: mit anderen Werten prüfen' })
  @IsIn(DEVIATION_KINDS, { message: "muss 'waiver' (Standard aussetzen) oder 'parameters' (andere Werte) sein" })
  kind: DeviationKind;

  @ApiPropertyOptional({ example: { minimumHours: 18 }, description: 'Nur bei kind = parameters: die abweichenden Parameterwerte' })
  @IsOptional()
  @IsObject({ message: 'muss ein Objekt mit Parameterwerten sein, z. B. { "minimumHours": 18 }' })
  params?: Record<string, unknown> | null;

  @ApiProperty({ example: 'Erprobung verkürzter Öffnungszeiten in den Sommerferien' })
  @MaxLength(REASON_MAX, { message: `darf höchstens ${REASON_MAX} Zeichen lang sein` })
  @Matches(/\S/, { message: 'darf nicht leer sein' })
  @IsString({ message: 'muss ein Text sein' })
  reason: string;
}
