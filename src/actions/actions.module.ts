import { Module } from '@nestjs/common';
import { AuditsModule } from '../audits/audits.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OfficesModule } from '../offices/offices.module';
import { ActionRepository } from './action.repository';
import { ActionRunProcessor } from './action-run.processor';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';
import { DemoActions } from './demo-actions';

/** Corrective actions (issue 12): findings become actions, the next audit proves them closed. */
@Module({
  imports: [AuditsModule, OfficesModule, NotificationsModule],
  controllers: [ActionsController],
  providers: [ActionRepository, ActionsService, ActionRunProcessor, DemoActions],
  exports: [ActionsService, ActionRunProcessor, DemoActions],
})
export class ActionsModule {}
