import { Module } from '@nestjs/common';
import { JudgingModule } from '../judging/judging.module';
import { OfficesModule } from '../offices/offices.module';
import { ScheduleRepository } from './schedule.repository';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({ imports: [OfficesModule, JudgingModule], controllers: [SchedulesController], providers: [SchedulesService, ScheduleRepository], exports: [SchedulesService, ScheduleRepository] })
export class SchedulesModule {}
