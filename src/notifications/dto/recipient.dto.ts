import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

export const ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** A digest recipient: for an office's inbox (officeId), or without officeId for the coordination office's. */
export class RecipientDto {
  @ApiPropertyOptional({ example: 'witten', description: 'Regionalstelle; ohne: Empfänger der Koordinierungsstelle' })
  // Absent means the coordination office's inbox; null is not "absent" (IsOptional would let it through).
  @ValidateIf((o: RecipientDto) => o.officeId !== undefined)
  @MaxLength(63, { message: 'ist zu lang' })
  @IsString({ message: 'muss die ID einer Regionalstelle sein' })
  officeId?: string;

  @ApiProperty({ example: 'regionalstelle.witten@jobagentur-en.de' })
  @MaxLength(254, { message: 'ist zu lang' })
  @Matches(ADDRESS, { message: 'muss eine E-Mail-Adresse sein, z. B. name@jobagentur-en.de' })
  @IsString({ message: 'muss eine E-Mail-Adresse sein' })
  address: string;
}
