import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { ComplianceController } from './compliance.controller';
import { JudgingFactsRepository } from './judging-facts.repository';
import { JudgingService } from './judging.service';

/**
 * The one judging path (ARCHITECTURE.md): schedules (pre-check), real weeks and months (this
 * module's controller), audits and the CLI all judge through JudgingService. Deviations come from
 * the global DeviationsModule.
 */
@Module({
  imports: [OfficesModule],
  controllers: [ComplianceController],
  providers: [JudgingService, JudgingFactsRepository],
  exports: [JudgingService],
})
export class JudgingModule {}
