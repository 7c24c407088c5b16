import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ActionsModule } from '../actions/actions.module';
import { AuditsModule } from '../audits/audits.module';
import { AuthModule } from '../auth/auth.module';
import { CliBridgeModule } from '../cli/cli-bridge.module';
import { DatabaseModule } from '../database/database.module';
import { DemoModule } from '../demo/demo.module';
import { DeviationsModule } from '../deviations/deviations.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { HealthModule } from '../health/health.module';
import { JudgingModule } from '../judging/judging.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { InstancesModule } from '../instances/instances.module';
import { OfficesModule } from '../offices/offices.module';
import { ReportsModule } from '../reports/reports.module';
import { SchedulesModule } from '../schedules/schedules.module';
import { StandardsModule } from '../standards/standards.module';
import { SurveysModule } from '../surveys/surveys.module';
import { WebModule } from '../web/web.module';
import { APP_CONFIG, AppOptions, CLI_SECRET } from './app-options';
import { StartupService } from './startup.service';
import { CLOCK } from '../common/clock';

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [DatabaseModule.register(options.database), InstancesModule, IdempotencyModule, AuthModule, HealthModule, StandardsModule, OfficesModule, DeviationsModule, SchedulesModule, EvidenceModule, JudgingModule, AuditsModule, NotificationsModule, ActionsModule, ReportsModule, ScheduleModule.forRoot(), CliBridgeModule, SurveysModule, DemoModule, WebModule],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: CLI_SECRET, useValue: options.cliSecret ?? (() => undefined) },
        { provide: 'APP_MODE', useValue: options.mode },
        StartupService,
        { provide: CLOCK, useValue: options.clock ?? (() => new Date()) },
      ],
      exports: [APP_CONFIG, CLI_SECRET, 'APP_MODE', CLOCK],
    };
  }
}
