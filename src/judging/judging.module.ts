import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { ComplianceController } from './compliance.controller';
import { JudgingFactsRepository } from './judging-facts.repository';
import { JudgingService } from './judging.service';
import { PrecheckCache } from './precheck-cache';

/**
 * The one judging path (ARCHITECTURE.md): schedules (pre-check), real weeks and months (this
 * module's controller), audits and the CLI all judge through JudgingService. Deviations come from
 * the global DeviationsModule.
 */
@Module({
  imports: [OfficesModule],
  controllers: [ComplianceController],
  providers: [JudgingService, JudgingFactsRepository, PrecheckCache],
  exports: [JudgingService, PrecheckCache],
})
export class JudgingModule {}
