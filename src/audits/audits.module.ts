import { Module } from '@nestjs/common';
import { JudgingModule } from '../judging/judging.module';
import { OfficesModule } from '../offices/offices.module';
import { AuditRunEvents } from './audit-run.events';
import { AuditGaps } from './audit-gaps';
import { AuditGapsController } from './audit-gaps.controller';
import { AuditRunRepository } from './audit-run.repository';
import { AuditService } from './audit.service';
import { AuditsController } from './audits.controller';
import { NightlyAuditJob } from './nightly-audit.job';

@Module({
  imports: [JudgingModule, OfficesModule],
  // AuditGapsController first: its path audits/gaps must not be taken for audits/:id.
  controllers: [AuditGapsController, AuditsController],
  providers: [AuditService, AuditRunRepository, NightlyAuditJob, AuditRunEvents, AuditGaps],
  exports: [AuditService, NightlyAuditJob, AuditRunRepository, AuditRunEvents, AuditGaps],
})
export class AuditsModule {}
