import { Module } from '@nestjs/common';
import { SchedulesModule } from '../schedules/schedules.module';
import { DemoDataService } from './demo-data.service';

@Module({ imports: [SchedulesModule], providers: [DemoDataService], exports: [DemoDataService] })
export class DemoModule {}
