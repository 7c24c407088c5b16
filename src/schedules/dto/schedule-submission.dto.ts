import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { CLOCK_INPUT_MESSAGE as CLOCK_MESSAGE, LenientClock } from '../../common/clock-input';

/** After LenientClock: 'HH:MM' from 00:00 to 24:00. */
const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'muss ein Datum im Format JJJJ-MM-TT sein';

export class OpeningIntervalDto {
  @ApiProperty({ example: '08:00', description: 'Uhrzeit; auch 8, 8.00, 8.30 oder 12,30 (wird zu HH:MM)' })
  @LenientClock()
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  from: string;

  @ApiProperty({ example: '12:30', description: 'Uhrzeit; auch 12.30 oder 12,30' })
  @LenientClock()
  @IsString({ message: CLOCK_MESSAGE })
  @Matches(CLOCK, { message: CLOCK_MESSAGE })
  to: string;
}

/** Monday to Saturday; a missing day means closed. Sunday and other keys are rejected as unknown fields. */
export class WeekDto {
  @ApiPropertyOptional({ type: [OpeningIntervalDto] }) @IsOptional() @IsArray({ message: 'muss eine Liste von Zeiträumen sein' }) @ValidateNested({ each: true }) @Type(() => OpeningIntervalDto) mon?: OpeningIntervalDto[];
  @ApiPropertyOptional({ type: [OpeningIntervalDto] }) @IsOptional() @IsArray({ message: 'muss eine Liste von Zeiträumen sein' }) @ValidateNested({ each: true }) @Type(() => OpeningIntervalDto) tue?: OpeningIntervalDto[];
  @ApiPropertyOptional({ type: [OpeningIntervalDto] }) @IsOptional() @IsArray({ message: 'muss eine Liste von Zeiträumen sein' }) @ValidateNested({ each: true }) @Type(() => OpeningIntervalDto) wed?: OpeningIntervalDto[];
  @ApiPropertyOptional({ type: [OpeningIntervalDto] }) @IsOptional() @IsArray({ message: 'muss eine Liste von Zeiträumen sein' }) @ValidateNested({ each: true }) @Type(() => OpeningIntervalDto) thu?: OpeningIntervalDto[];
  @ApiPropertyOptional({ type: [OpeningIntervalDto] }) @IsOptional() @IsArray({ message: 'muss eine Liste von Zeiträumen sein' }) @ValidateNested({ each: true }) @Type(() => OpeningIntervalDto) fri?: OpeningIntervalDto[];
  @ApiPropertyOptional({ type: [OpeningIntervalDto] }) @IsOptional() @IsArray({ message: 'muss eine Liste von Zeiträumen sein' }) @ValidateNested({ each: true }) @Type(() => OpeningIntervalDto) sat?: OpeningIntervalDto[];
}

export class ScheduleSubmissionDto {
  @ApiProperty({ example: 'witten' })
  // class-validator checks the decorator nearest the property first and the pipe stops at the
  // first error: the type check goes last so that a missing value is not called "too long".
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regionalstelle sein' })
  officeId: string;

  @ApiProperty({ example: '2027-01-04' })
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  validFrom: string;

  @ApiPropertyOptional({ example: null, nullable: true })
  @IsOptional()
  @IsString({ message: DATE_MESSAGE })
  @Matches(DATE, { message: DATE_MESSAGE })
  validUntil?: string | null;

  @ApiPropertyOptional({ type: WeekDto, description: 'Entweder week oder openingHours' })
  @IsOptional()
  @IsObject({ message: 'muss ein Objekt mit den Wochentagen mon … sat sein' })
  @ValidateNested()
  @Type(() => WeekDto)
  week?: WeekDto;

  @ApiPropertyOptional({ example: 'Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00', description: 'OpenStreetMap opening_hours; entweder week oder openingHours' })
  // Absent is fine, null is not: IsOptional would let null through to the parser (a 500, issue 10).
  @ValidateIf((_dto, value) => value !== undefined)
  @MaxLength(1000, { message: 'darf höchstens 1000 Zeichen lang sein' })
  @IsString({ message: 'muss ein Text in der opening_hours-Syntax sein' })
  openingHours?: string;
}
