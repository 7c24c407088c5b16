import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The answer itself; its keys and values are checked against the round's questionnaire
 * (answer-validation.ts), the envelope here: no other fields, objects only.
 */
export class AnswerValuesDto {
  @ApiPropertyOptional({ example: { 'aufgaben-klar': 4 }, description: 'Frage-Kennung → Wert 1..n der Skala' })
  @IsOptional()
  @IsObject({ message: 'muss ein Objekt aus Frage-Kennung und Wert sein' })
  ratings?: Record<string, unknown>;

  @ApiPropertyOptional({ example: { 'aufgaben-klar': 5 }, description: 'Frage-Kennung → Wichtigkeit 1..n' })
  @IsOptional()
  @IsObject({ message: 'muss ein Objekt aus Frage-Kennung und Wert sein' })
  importance?: Record<string, unknown>;

  @ApiPropertyOptional({ example: { 'gesamt-anregungen': 'Mehr Zeit für Gespräche' }, description: 'Freitext-Kennung → Text' })
  @IsOptional()
  @IsObject({ message: 'muss ein Objekt aus Frage-Kennung und Text sein' })
  comments?: Record<string, unknown>;
}

export class CodeDto {
  @ApiProperty({ example: 'K7QM-2XD9-HT4RB' })
  @MaxLength(40, { message: 'ist zu lang' })
  @IsString({ message: 'muss ein Text sein' })
  code: string;
}

export class CodeAnswerDto extends AnswerValuesDto {
  @ApiProperty({ example: 'K7QM-2XD9-HT4RB', description: 'Der Einmal-Code vom Codebogen' })
  @MaxLength(40, { message: 'ist zu lang' })
  @IsString({ message: 'muss ein Text sein' })
  code: string;
}

export class LinkAnswerDto extends AnswerValuesDto {
  @ApiProperty({ description: 'Der Stimmzettel, den das Öffnen des Formulars ausgegeben hat' })
  @MaxLength(64, { message: 'ist zu lang' })
  @IsString({ message: 'muss ein Text sein' })
  ballot: string;
}
