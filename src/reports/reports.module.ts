import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AuditsModule } from '../audits/audits.module';
import { OfficesModule } from '../offices/offices.module';
import { PdfRenderer } from './pdf-renderer';
import { ReportService } from './report.service';
import { ReportsController } from './reports.controller';

/** Reports people can file: per office and period, per audit run; HTML with a print stylesheet, and PDF. */
@Module({
  imports: [AuditsModule, OfficesModule, ActionsModule],
  controllers: [ReportsController],
  providers: [ReportService, PdfRenderer],
})
export class ReportsModule {}
