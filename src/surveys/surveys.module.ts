import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { SURVEY_ACTION_SINK, SurveyActionSinkSlot } from './actions/survey-action.sink';
import { PageSessionService } from '../web/page-session.service';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { PublicSurveysController } from './public-surveys.controller';
import { QuestionnaireCatalog } from './questionnaire-catalog.service';
import { SurveyActionsService } from './survey-actions.service';
import { SurveyAnswerRepository } from './survey-answer.repository';
import { SurveyAnsweringService } from './survey-answering.service';
import { SurveyDemoService } from './survey-demo.service';
import { SurveyPagesController } from './survey-pages.controller';
import { SurveyResultsService } from './survey-results.service';
import { SurveyRoundRepository } from './survey-round.repository';
import { SurveyRoundsService } from './survey-rounds.service';
import { SurveysController } from './surveys.controller';

/**
 * Surveys and self-assessment (issue 16): questionnaires from config/surveys, rounds, anonymous
 * answers, results, exports and pages. Corrective actions plug in at SURVEY_ACTION_SINK
 * (bound into the slot by src/actions/survey-action-sink.module.ts, which imports this module).
 */
@Module({
  imports: [OfficesModule],
  controllers: [SurveysController, PublicSurveysController, SurveyPagesController],
  providers: [
    QuestionnaireCatalog,
    SurveyRoundRepository,
    SurveyAnswerRepository,
    SurveyRoundsService,
    SurveyAnsweringService,
    SurveyResultsService,
    SurveyActionsService,
    SurveyDemoService,
    PublicRateLimitGuard,
    PageSessionService,
    // The corrective-actions module binds its sink into the slot at start (src/actions/survey-action-sink.module.ts).
    SurveyActionSinkSlot,
    { provide: SURVEY_ACTION_SINK, useExisting: SurveyActionSinkSlot },
  ],
  exports: [SurveyDemoService, SurveyActionSinkSlot, SurveyActionsService],
})
export class SurveysModule {}
