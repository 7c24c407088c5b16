import { Module } from '@nestjs/common';
import { OfficesModule } from '../offices/offices.module';
import { ScheduleRepository } from './schedule.repository';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({ imports: [OfficesModule], controllers: [SchedulesController], providers: [SchedulesService, ScheduleRepository], exports: [SchedulesService, ScheduleRepository] })
export class SchedulesModule {}
