import { Module, type OnModuleInit } from '@nestjs/common';
import { NotificationSweeps } from '../notifications/notification-sweeps.service';
import { NotificationsModule } from '../notifications/notifications.module';
import { OfficesModule } from '../offices/offices.module';
import { SurveyActionSinkSlot } from '../surveys/actions/survey-action.sink';
import { SurveyActionsService } from '../surveys/survey-actions.service';
import { SurveysModule } from '../surveys/surveys.module';
import { ActionRepository } from './action.repository';
import { SurveyActionSinkAdapter } from './survey-action-sink.adapter';

/**
 * Binds corrective actions to the surveys' seam: at start the adapter goes into the surveys'
 * SurveyActionSinkSlot, and the periodic sweeps let later rounds decide done survey actions.
 * The dependency runs from here to the surveys only, so the surveys never import actions,
 * notifications or audits (and the audits may use the surveys without a cycle).
 */
@Module({
  imports: [SurveysModule, OfficesModule, NotificationsModule],
  providers: [ActionRepository, SurveyActionSinkAdapter],
})
export class SurveyActionSinkModule implements OnModuleInit {
  constructor(
    private readonly slot: SurveyActionSinkSlot,
    private readonly adapter: SurveyActionSinkAdapter,
    private readonly sweeps: NotificationSweeps,
    private readonly surveyActions: SurveyActionsService,
  ) {}

  onModuleInit(): void {
    this.slot.bind(this.adapter);
    // Rounds end by date as well as by hand: the sweeps catch the ones nobody closed.
    this.sweeps.register('survey actions decided by a later round', () => this.surveyActions.settle());
  }
}
