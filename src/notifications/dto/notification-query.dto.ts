import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

const NUMBERS = (max: number) => Array.from({ length: max + 1 }, (_, i) => String(i));

export class NotificationQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: nur ungelesene' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'muss true oder false sein' })
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ example: '50', description: 'höchstens so viele (1–200)' })
  @IsOptional()
  @IsIn(NUMBERS(200).slice(1), { message: 'muss eine ganze Zahl zwischen 1 und 200 sein' })
  limit?: string;

  @ApiPropertyOptional({ example: '0' })
  @IsOptional()
  @IsIn(NUMBERS(10_000), { message: 'muss eine ganze Zahl zwischen 0 und 10000 sein' })
  offset?: string;
}
