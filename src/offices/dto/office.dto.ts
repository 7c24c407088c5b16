import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsOfficeName } from './office-name';
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
  @IsOfficeName()
  name: string;

  @ApiProperty({ enum: OFFICE_ROLE_VALUES })
  @IsIn(OFFICE_ROLE_VALUES, { message: `muss einer der Werte ${OFFICE_ROLE_VALUES.join(', ')} sein` })
  role: OfficeRole;

  @ApiPropertyOptional({ description: 'Nur für tandem-minor: der Regionalstellensitz' })
  @IsOptional()
  // An empty text passed the old check and reached the database as a seat nobody has (a 500, issue 10).
  @IsString({ message: 'muss die ID einer Regionalstelle sein' })
  @Matches(/^[a-z][a-z0-9-]{1,62}$/, { message: 'muss die ID einer Regionalstelle sein' })
  seatId?: string;
}

export class RenameOfficeDto {
  @ApiProperty({ example: 'Wetter (Ruhr)' })
  @IsOfficeName()
  name: string;
}
