import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';
import { JudgingFactsRepository } from './judging-facts.repository';

@Module({
  imports: [OfficesModule],
  controllers: [ComplianceController],
  providers: [ComplianceService, JudgingFactsRepository],
  exports: [ComplianceService],
})
export class ComplianceModule {}
