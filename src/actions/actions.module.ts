import { Module } from '@nestjs/common';
import { AuditsModule } from '../audits/audits.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OfficesModule } from '../offices/offices.module';
import { ActionRepository } from './action.repository';
import { ActionRunProcessor } from './action-run.processor';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';
import { DemoActions } from './demo-actions';
import { SurveyActionSinkModule } from './survey-action-sink.module';

/** Corrective actions (issue 12): findings become actions, the next audit proves them closed; survey gaps too (issue 16). */
@Module({
  imports: [AuditsModule, OfficesModule, NotificationsModule, SurveyActionSinkModule],
  controllers: [ActionsController],
  providers: [ActionRepository, ActionsService, ActionRunProcessor, DemoActions],
  exports: [ActionsService, ActionRunProcessor, DemoActions],
})
export class ActionsModule {}
