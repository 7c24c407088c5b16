import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { AuditsModule } from '../audits/audits.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { SurveysModule } from '../surveys/surveys.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [SchedulesModule, EvidenceModule, AuditsModule, ActionsModule, SurveysModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoModule {}
