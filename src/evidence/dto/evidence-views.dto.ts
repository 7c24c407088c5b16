import { ApiProperty } from '@nestjs/swagger';
import { COVERED_BY_VALUES, type CoveredBy } from './hotline-coverage-row.dto';
import { ACTIVITY_VALUES, type Activity } from './time-record-row.dto';

export class ClosureView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-02' }) date: string;
  @ApiProperty({ example: '08:00', nullable: true, type: String, description: 'null: ganztägig' }) from: string | null;
  @ApiProperty({ example: '10:00', nullable: true, type: String }) to: string | null;
  @ApiProperty({ example: 'Personalversammlung' }) reason: string;
}

export class HotlineCoverageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-30T08:00:00+02:00', description: 'Zeitpunkt mit der Berliner Zeitzone dieses Tages' }) start: string;
  @ApiProperty({ example: '2026-03-30T12:00:00+02:00' }) end: string;
  @ApiProperty({ enum: COVERED_BY_VALUES }) coveredBy: CoveredBy;
}

/** Datenschutz: Zeiterfassung nur als Summen je Monat, Rollengruppe und Tätigkeit, nie je Person. */
export class MonthlyTimeAggregateView {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ enum: ['placement_officer', 'other_roles'], description: 'Vermittlungsfachkräfte oder alle übrigen Rollen' }) roleGroup: 'placement_officer' | 'other_roles';
  @ApiProperty({ enum: ACTIVITY_VALUES }) activity: Activity;
  @ApiProperty({ description: 'Anzahl der Einträge' }) recordCount: number;
  @ApiProperty({ nullable: true, description: 'Summe der Minuten; leer (null), wenn weniger als 3 Beschäftigte beigetragen haben (Datenschutz)' }) minutes: number | null;
  @ApiProperty({ description: 'Anzahl verschiedener Beschäftigter (Pseudonyme)' }) staffCount: number;
}
