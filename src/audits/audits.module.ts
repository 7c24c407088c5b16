import { Module } from '@nestjs/common';
import { JudgingModule } from '../judging/judging.module';
import { OfficesModule } from '../offices/offices.module';
import { AuditRunEvents } from './audit-run.events';
import { AuditRunRepository } from './audit-run.repository';
import { AuditService } from './audit.service';
import { AuditsController } from './audits.controller';
import { NightlyAuditJob } from './nightly-audit.job';

@Module({
  imports: [JudgingModule, OfficesModule],
  controllers: [AuditsController],
  providers: [AuditService, AuditRunRepository, NightlyAuditJob, AuditRunEvents],
  exports: [AuditService, NightlyAuditJob, AuditRunRepository, AuditRunEvents],
})
export class AuditsModule {}
