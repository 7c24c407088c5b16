import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { REASON_MAX } from './deviation-proposal.dto';

/** Consent or withdrawal: a note is welcome but not required. */
export class DeviationNoteDto {
  @ApiPropertyOptional({ example: 'Einverstanden für die Dauer der Sommerferien.' })
  @IsOptional()
  @MaxLength(REASON_MAX, { message: `darf höchstens ${REASON_MAX} Zeichen lang sein` })
  @IsString({ message: 'muss ein Text sein' })
  reason?: string;
}

/** A rejection must say why (issue 6: "rejected by the other side, with a reason"). */
export class DeviationRejectionDto {
  @ApiProperty({ example: 'Die Nachmittagsöffnung wird für Berufstätige gebraucht.' })
  @MaxLength(REASON_MAX, { message: `darf höchstens ${REASON_MAX} Zeichen lang sein` })
  @Matches(/\S/, { message: 'Bitte begründen, warum der Vorschlag abgelehnt wird.' })
  @IsString({ message: 'Bitte begründen, warum der Vorschlag abgelehnt wird.' })
  reason: string;
}
