import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OFFICE_ROLE_VALUES } from '../office-roles';
import type { OfficeRole } from '../../engine/types';

export class OfficeDto {
  @ApiProperty({ example: 'witten' }) id: string;
  @ApiProperty({ example: 'Witten' }) name: string;
  @ApiProperty({ enum: OFFICE_ROLE_VALUES }) role: OfficeRole;
  @ApiPropertyOptional({ nullable: true, example: null }) seatId: string | null;
}

export class CreateOfficeDto {
  @ApiProperty({ example: 'witten-nord', description: 'Kleinbuchstaben, Ziffern und Bindestrich' })
  @IsString({ message: 'muss ein Text sein' })
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten (2–63 Zeichen, beginnend mit einem Buchstaben)' })
  id: string;

  @ApiProperty({ example: 'Witten-Nord' })
  @MinLength(1, { message: 'darf nicht leer sein' })
  @MaxLength(120, { message: 'darf höchstens 120 Zeichen lang sein' })
  @IsString({ message: 'muss ein Text sein' })
  name: string;

  @ApiProperty({ enum: OFFICE_ROLE_VALUES })
  @IsIn(OFFICE_ROLE_VALUES, { message: `muss einer der Werte ${OFFICE_ROLE_VALUES.join(', ')} sein` })
  role: OfficeRole;

  @ApiPropertyOptional({ description: 'Nur für tandem-minor: der Regionalstellensitz' })
  @IsOptional()
  @IsString()
  seatId?: string;
}

export class RenameOfficeDto {
  @ApiProperty({ example: 'Wetter (Ruhr)' })
  @MinLength(1, { message: 'darf nicht leer sein' })
  @MaxLength(120, { message: 'darf höchstens 120 Zeichen lang sein' })
  @IsString({ message: 'muss ein Text sein' })
  name: string;
}
