import { ApiProperty } from '@nestjs/swagger';
import { APPOINTMENT_AREAS, type AppointmentArea } from '../../engine';

export class AppointmentSlotView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03-05' }) date: string;
  @ApiProperty({ example: '16:00' }) from: string;
  @ApiProperty({ example: '16:30' }) to: string;
  @ApiProperty({ enum: APPOINTMENT_AREAS }) area: AppointmentArea;
}

export class ContactCountView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ enum: APPOINTMENT_AREAS }) area: AppointmentArea;
  @ApiProperty({ description: 'Kontakte mit Termin' }) byAppointment: number;
  @ApiProperty({ description: 'Kontakte ohne Termin' }) walkIn: number;
}

/** Datenschutz: nur Zahlen, keine Personen. */
export class CaseloadHandoverView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ description: 'betreute Fälle im Monat' }) caseloadSize: number;
  @ApiProperty({ description: 'Wechsel der zuständigen Person im Monat' }) changes: number;
}
