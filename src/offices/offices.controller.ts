import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { CreateOfficeDto, OfficeDto, RenameOfficeDto } from './dto/office.dto';
import { OfficesService, toOfficeDto } from './offices.service';

@ApiTags('Regionalstellen')
@ApiBearerAuth()
@Controller('api/v1/offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Get()
  @ApiOperation({ summary: 'Regionalstellen, die das Token sehen darf' })
  async list(@CurrentPrincipal() p: Principal): Promise<OfficeDto[]> {
    return (await this.offices.listFor(p)).map(toOfficeDto);
  }

  @Get(':id')
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<OfficeDto> {
    return toOfficeDto(await this.offices.getFor(p, id));
  }

  @Post()
  @Roles('coordination')
  @ApiOperation({ summary: 'Regionalstelle anlegen (Koordinierungsstelle)' })
  async create(@Body() dto: CreateOfficeDto): Promise<OfficeDto> {
    return toOfficeDto(await this.offices.create(dto));
  }

  @Patch(':id')
  @Roles('coordination')
  @HttpCode(200)
  @ApiOperation({ summary: 'Regionalstelle umbenennen (Koordinierungsstelle)' })
  async rename(@Param('id') id: string, @Body() dto: RenameOfficeDto): Promise<OfficeDto> {
    return toOfficeDto(await this.offices.rename(id, dto.name));
  }
}
