import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module';
import { OfficesModule } from '../offices/offices.module';
import { AuditRunRepository } from './audit-run.repository';
import { AuditService } from './audit.service';
import { AuditsController } from './audits.controller';
import { CLOCK, NightlyAuditJob } from './nightly-audit.job';

@Module({
  imports: [ComplianceModule, OfficesModule],
  controllers: [AuditsController],
  providers: [AuditService, AuditRunRepository, NightlyAuditJob, { provide: CLOCK, useValue: () => new Date() }],
  exports: [AuditService, NightlyAuditJob, AuditRunRepository],
})
export class AuditsModule {}
