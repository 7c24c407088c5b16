import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const TEXT_MAX = 2000;

/** The measure the responsible side plans (again, while still open or planned). */
export class PlanActionDto {
  @ApiProperty({ example: 'Donnerstagnachmittag 14–18 Uhr wieder öffnen; Vertretung durch Hattingen geregelt.' })
  @MaxLength(TEXT_MAX, { message: `darf höchstens ${TEXT_MAX} Zeichen lang sein` })
  @Matches(/\S/, { message: 'Bitte die geplante Maßnahme beschreiben.' })
  @IsString({ message: 'Bitte die geplante Maßnahme als Text beschreiben.' })
  measure: string;
}

/** Reporting done or reopening: a note is welcome but not required. */
export class ActionNoteDto {
  @ApiPropertyOptional({ example: 'Neuer Plan gilt seit Montag.' })
  @IsOptional()
  @MaxLength(TEXT_MAX, { message: `darf höchstens ${TEXT_MAX} Zeichen lang sein` })
  @IsString({ message: 'muss ein Text sein' })
  note?: string;
}

export class ActionCommentDto {
  @ApiProperty({ example: 'Bitte auch die Hotline-Vertretung prüfen.' })
  @MaxLength(TEXT_MAX, { message: `darf höchstens ${TEXT_MAX} Zeichen lang sein` })
  @Matches(/\S/, { message: 'Ein Kommentar darf nicht leer sein.' })
  @IsString({ message: 'Bitte einen Kommentar als Text angeben.' })
  note: string;
}

/** Dismissing needs a reason, e.g. that a deviation under section 6 is being agreed. */
export class DismissActionDto {
  @ApiProperty({ example: 'Abweichung nach Abschnitt 6 wird vereinbart (Sommerferien).' })
  @MaxLength(TEXT_MAX, { message: `darf höchstens ${TEXT_MAX} Zeichen lang sein` })
  @Matches(/\S/, { message: 'Bitte begründen, warum die Maßnahme verworfen wird.' })
  @IsString({ message: 'Bitte begründen, warum die Maßnahme verworfen wird.' })
  reason: string;
}
