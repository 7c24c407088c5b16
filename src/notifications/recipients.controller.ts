import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { RecipientDto } from './dto/recipient.dto';
import { RecipientsService, type RecipientView } from './recipients.service';

@ApiTags('Mitteilungen')
@ApiBearerAuth()
@Controller('api/v1/notifications/recipients')
export class RecipientsController {
  constructor(private readonly recipients: RecipientsService) {}

  @Get()
  @ApiOperation({ summary: 'Empfänger der nächtlichen E-Mail-Zusammenfassung (Regionalstellen: die eigenen)' })
  list(@CurrentPrincipal() p: Principal): Promise<RecipientView[]> {
    return this.recipients.list(p);
  }

  @Post()
  @ApiOperation({ summary: 'Empfänger hinzufügen: mit officeId für eine Regionalstelle, ohne für die Koordinierungsstelle' })
  async add(@CurrentPrincipal() p: Principal, @Body() dto: RecipientDto, @Res({ passthrough: true }) res: Response): Promise<RecipientView> {
    const { recipient, created } = await this.recipients.add(p, dto.officeId, dto.address);
    res.status(created ? 201 : 200);
    return recipient;
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Empfänger entfernen (nur über die API angelegte; die aus config/offices.json dort ändern)' })
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    await this.recipients.remove(p, id);
  }
}
