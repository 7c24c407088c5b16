import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { WithoutHiddenCharacters } from '../../common/hidden-characters';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'muss ein Datum im Format JJJJ-MM-TT sein';
export const CODES_MAX = 1000;

/** A survey round opened by the coordination office; what class-validator cannot judge the service checks. */
export class OpenRoundDto {
  @ApiProperty({ example: 'mitarbeitende', description: 'Kennung eines Fragebogens (GET /api/v1/surveys/questionnaires)' })
  @MaxLength(60, { message: 'ist zu lang' })
  @IsString({ message: 'muss die Kennung eines Fragebogens sein' })
  questionnaireId: string;

  @ApiPropertyOptional({ example: 'Mitarbeiterbefragung Herbst 2026', description: 'Ohne: Titel des Fragebogens mit Zeitraum' })
  @IsOptional()
  // Shown on the public form and the poster: hidden characters could make it read as something else.
  @WithoutHiddenCharacters()
  @MaxLength(200, { message: 'darf höchstens 200 Zeichen lang sein' })
  @Matches(/\S/, { message: 'darf nicht leer sein' })
  @IsString({ message: 'muss ein Text sein' })
  title?: string;

  @ApiProperty({ example: ['witten', 'hattingen'], description: 'Regionalstellen der Befragung' })
  @ArrayMaxSize(500, { message: 'enthält zu viele Regionalstellen' })
  @ArrayMinSize(1, { message: 'Bitte mindestens eine Regionalstelle wählen.' })
  @MaxLength(63, { each: true, message: 'enthält eine zu lange Kennung' })
  @IsString({ each: true, message: 'muss eine Liste von Kennungen der Regionalstellen sein' })
  @IsArray({ message: 'muss eine Liste von Kennungen der Regionalstellen sein' })
  offices: string[];

  @ApiProperty({ example: '2026-11-02', description: 'Erster Tag, an dem geantwortet werden kann' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsString({ message: DATE_MESSAGE })
  from: string;

  @ApiProperty({ example: '2026-11-27', description: 'Letzter Tag, an dem geantwortet werden kann' })
  @Matches(DATE, { message: DATE_MESSAGE })
  @IsString({ message: DATE_MESSAGE })
  to: string;

  @ApiPropertyOptional({ example: 5, default: 5, description: 'Ergebnisse nur für Gruppen mit mindestens so vielen Antworten (3–100)' })
  @IsOptional()
  @Max(100, { message: 'darf höchstens 100 sein' })
  @Min(3, { message: 'muss mindestens 3 sein (kleinere Gruppen wären nicht anonym)' })
  @IsInt({ message: 'muss eine ganze Zahl sein' })
  minimumGroupSize?: number;

  @ApiPropertyOptional({ example: 25, description: 'Nur Mitarbeiterbefragungen: Einmal-Codes je Regionalstelle (1–1000)' })
  @IsOptional()
  @Max(CODES_MAX, { message: `darf höchstens ${CODES_MAX} sein` })
  @Min(1, { message: 'muss mindestens 1 sein' })
  @IsInt({ message: 'muss eine ganze Zahl sein' })
  codesPerOffice?: number;
}

export class IssueCodesDto {
  @ApiProperty({ example: 'witten' })
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die Kennung einer Regionalstelle sein' })
  officeId: string;

  @ApiProperty({ example: 10, description: 'Anzahl neuer Einmal-Codes (1–1000)' })
  @Max(CODES_MAX, { message: `darf höchstens ${CODES_MAX} sein` })
  @Min(1, { message: 'muss mindestens 1 sein' })
  @IsInt({ message: 'muss eine ganze Zahl sein' })
  count: number;
}

export class ResultsQueryDto {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], description: 'Nur für den Export' })
  @IsOptional()
  @Matches(/^(xlsx|csv)$/, { message: "muss 'xlsx' oder 'csv' sein" })
  @IsString({ message: "muss 'xlsx' oder 'csv' sein" })
  format?: 'xlsx' | 'csv';
}

export class SurveyActionRequestDto {
  @ApiProperty({ example: 'vorgesetzte', description: 'Themenfeld des Fragebogens' })
  @MaxLength(60, { message: 'ist zu lang' })
  @IsString({ message: 'muss die Kennung eines Themenfelds sein' })
  fieldId: string;

  @ApiPropertyOptional({ example: 'vorgesetzte-rueckmeldung', description: 'Ohne: das ganze Themenfeld' })
  @IsOptional()
  @MaxLength(60, { message: 'ist zu lang' })
  @IsString({ message: 'muss die Kennung einer Frage sein' })
  itemId?: string;

  @ApiPropertyOptional({ example: 'witten', description: 'Ohne: der Kreis (nur Koordinierungsstelle)' })
  @IsOptional()
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die Kennung einer Regionalstelle sein' })
  officeId?: string;

  @ApiPropertyOptional({ example: 'Monatliche Rückmeldegespräche im Team einführen.', description: 'Die geplante Maßnahme (von der verantwortlichen Seite: gleich „geplant“; sonst ein Vorschlag)' })
  @IsOptional()
  @MaxLength(2000, { message: 'darf höchstens 2000 Zeichen lang sein' })
  @Matches(/\S/, { message: 'Bitte die Maßnahme beschreiben oder das Feld weglassen.' })
  @IsString({ message: 'muss ein Text sein' })
  measure?: string;
}
