import { Module } from '@nestjs/common';
import { AuditsModule } from '../audits/audits.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OfficesModule } from '../offices/offices.module';
import { ActionRepository } from './action.repository';
import { ActionRunProcessor } from './action-run.processor';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';

/** Corrective actions (issue 12): findings become actions, the next audit proves them closed. */
@Module({
  imports: [AuditsModule, OfficesModule, NotificationsModule],
  controllers: [ActionsController],
  providers: [ActionRepository, ActionsService, ActionRunProcessor],
  exports: [ActionsService, ActionRunProcessor],
})
export class ActionsModule {}
