import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { EvidenceImportRepository } from './evidence-import.repository';
import { EvidenceImportService } from './evidence-import.service';
import { EvidenceListingService } from './evidence-listing.service';
import { EvidenceController, EvidenceTemplateController } from './evidence.controller';
import { EvidenceRepository } from './evidence.repository';
import { CooperationRegistersController, PracticeMeetingsController } from './cooperation-registers.controller';
import { CooperationRegistersRepository } from './cooperation-registers.repository';
import { OfficeRegistersController } from './office-registers.controller';
import { OfficeRegistersRepository } from './office-registers.repository';

/** Evidence of real weeks; EvidenceRepository is the read API the judging of real weeks uses. */
@Module({
  imports: [OfficesModule],
  controllers: [EvidenceController, EvidenceTemplateController, OfficeRegistersController, CooperationRegistersController, PracticeMeetingsController],
  providers: [EvidenceImportService, EvidenceListingService, EvidenceImportRepository, EvidenceRepository, OfficeRegistersRepository, CooperationRegistersRepository],
  exports: [EvidenceRepository, EvidenceImportService],
})
export class EvidenceModule {}
