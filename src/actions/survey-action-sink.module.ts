import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OfficesModule } from '../offices/offices.module';
import { SURVEY_ACTION_SINK } from '../surveys/actions/survey-action.sink';
import { ActionRepository } from './action.repository';
import { SurveyActionSinkAdapter } from './survey-action-sink.adapter';

/**
 * Binds corrective actions to the surveys' seam (SURVEY_ACTION_SINK). A module of its own so that
 * SurveysModule does not import ActionsModule (and with it the audits): the surveys may later be
 * needed by the audits (satisfaction rules) without a cycle.
 */
@Module({
  imports: [OfficesModule, NotificationsModule],
  providers: [ActionRepository, SurveyActionSinkAdapter, { provide: SURVEY_ACTION_SINK, useExisting: SurveyActionSinkAdapter }],
  exports: [SURVEY_ACTION_SINK],
})
export class SurveyActionSinkModule {}
