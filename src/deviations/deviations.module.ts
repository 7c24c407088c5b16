import { Global, Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { OfficesModule } from '../offices/offices.module';
import { DeviationRepository } from './deviation.repository';
import { DeviationsController } from './deviations.controller';
import { DeviationsService } from './deviations.service';

/** Global: every judgement (schedule check, real week, month, audit) asks it for the deviations in effect. */
@Global()
@Module({ imports: [OfficesModule, NotificationsModule], controllers: [DeviationsController], providers: [DeviationsService, DeviationRepository], exports: [DeviationsService] })
export class DeviationsModule {}
