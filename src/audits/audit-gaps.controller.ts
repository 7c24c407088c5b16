import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { AuditGaps, type AuditGap } from './audit-gaps';

/** Registered before AuditsController (audits.module.ts): otherwise `audits/:id` would take "gaps" for an id. */
@ApiTags('Prüfläufe')
@ApiBearerAuth()
@Controller('api/v1/audits/gaps')
export class AuditGapsController {
  constructor(private readonly gaps: AuditGaps) {}

  @Get()
  @Roles('coordination')
  @ApiOperation({
    summary: 'Nicht geprüfte Nächte (Koordinierungsstelle)',
    description:
      'Nächte, die die nächtliche Prüfung nicht mehr nachholt (älter als NIGHTLY_CATCH_UP_DAYS, als der Dienst wieder lief), mit dem Befehl, der sie nachholt. ' +
      'Sie stehen auch in GET /api/v1/audits als fehlgeschlagene nächtliche Läufe mit missed: true.',
  })
  list(): Promise<AuditGap[]> {
    return this.gaps.open();
  }
}
