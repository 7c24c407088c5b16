import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Transform } from 'class-transformer';

import { FINDING_STATUSES, OBLIGATIONS } from '../../engine/types';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 'muss must, should, aim oder observe sein': the engine's own list, so a new value is accepted and named at once. */
const oneOf = (values: readonly string[]) => `muss ${values.slice(0, -1).join(', ')} oder ${values[values.length - 1]} sein`;
const DATE_MESSAGE = 'muss ein Datum im Format JJJJ-MM-TT sein';
const WHOLE_NUMBER = 'muss eine ganze Zahl sein';

/**
 * A query value is text. Only decimal digits become a number: Number() would also take "0x10",
 * "1e3" or "" and turn a repeated parameter (a list) into NaN; those stay as sent and IsInt names
 * them.
 */
const decimalDigits = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class AuditRequestDto {
  @ApiProperty({ example: '2026-11-01' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  from: string;

  @ApiProperty({ example: '2026-11-30' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  to: string;

  @ApiPropertyOptional({ example: ['witten'], description: 'Standard: alle Regionalstellen' })
  @IsOptional()
  @IsArray({ message: 'muss eine Liste von Regionalstellen sein' })
  @ArrayMaxSize(1000)
  @IsString({ each: true, message: 'muss eine Liste von Regionalstellen-IDs sein' })
  offices?: string[];
}

export class FindingsQueryDto {
  @ApiPropertyOptional({ description: 'Nur die Feststellungen dieser Regionalstelle (ohne die für den ganzen Kreis)' }) @IsOptional() @IsString() office?: string;
  @ApiPropertyOptional({ enum: ['office', 'district'], description: 'office: nur Feststellungen je Regionalstelle; district: nur die für den ganzen Kreis (officeId null)' })
  @IsOptional()
  @IsIn(['office', 'district'], { message: 'muss office oder district sein' })
  scope?: 'office' | 'district';
  @ApiPropertyOptional() @IsOptional() @IsString() rule?: string;
  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptional()
  @IsIn(FINDING_STATUSES, { message: oneOf(FINDING_STATUSES) })
  status?: string;
  @ApiPropertyOptional({ enum: OBLIGATIONS })
  @IsOptional()
  @IsIn(OBLIGATIONS, { message: oneOf(OBLIGATIONS) })
  obligation?: string;
  // class-validator runs the lowest decorator first and stops at the first failure: the type check
  // comes last in the source so that "abc" is named as not a whole number, not as too large.
  @ApiPropertyOptional({ default: 1000 })
  @IsOptional()
  @Transform(decimalDigits)
  @Max(10000, { message: 'darf höchstens 10000 sein' })
  @Min(1, { message: 'muss mindestens 1 sein' })
  @IsInt({ message: WHOLE_NUMBER })
  limit?: number;
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Transform(decimalDigits)
  @Max(10_000_000, { message: 'darf höchstens 10000000 sein' })
  @Min(0, { message: 'darf nicht negativ sein' })
  @IsInt({ message: WHOLE_NUMBER })
  offset?: number;
}

export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'json'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'json'], { message: 'muss csv oder json sein' })
  format?: 'csv' | 'json';
}

export class TrendQueryDto {
  @ApiProperty({ example: 'opening.weekly-minimum' })
  @IsString({ message: 'muss die ID einer Regel sein' })
  rule: string;
}
