import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppointmentArea } from '../engine';
import type { DateRange } from './evidence.repository';

export interface StoredAppointmentSlot {
  id: string;
  date: string;
  from: number;
  to: number;
  area: AppointmentArea;
}

export interface StoredContactCount {
  id: string;
  month: string;
  area: AppointmentArea;
  byAppointment: number;
  walkIn: number;
}

export interface StoredCaseloadHandover {
  id: string;
  month: string;
  caseloadSize: number;
  changes: number;
}

/**
 * Reads the office registers of issue 15 for the listings. Monthly registers are listed for every
 * month that touches the date range.
 */
@Injectable()
export class OfficeRegistersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  appointmentSlots(officeId: string, range: DateRange): Promise<StoredAppointmentSlot[]> {
    return this.ds.query(
      `SELECT id, date, from_minute AS "from", to_minute AS "to", area
         FROM appointment_slot
        WHERE office_id = $1 AND ($2::date IS NULL OR date >= $2::date) AND ($3::date IS NULL OR date <= $3::date)
        ORDER BY date, from_minute, to_minute, area`,
      [officeId, range.from ?? null, range.to ?? null],
    );
  }

  contactCounts(officeId: string, range: DateRange): Promise<StoredContactCount[]> {
    return this.ds.query(
      `SELECT id, month, area, by_appointment AS "byAppointment", walk_in AS "walkIn"
         FROM contact_count
        WHERE office_id = $1 AND ($2::text IS NULL OR month >= $2::text) AND ($3::text IS NULL OR month <= $3::text)
        ORDER BY month, area`,
      [officeId, range.from?.slice(0, 7) ?? null, range.to?.slice(0, 7) ?? null],
    );
  }

  caseloadHandovers(officeId: string, range: DateRange): Promise<StoredCaseloadHandover[]> {
    return this.ds.query(
      `SELECT id, month, caseload_size AS "caseloadSize", changes
         FROM caseload_handover
        WHERE office_id = $1 AND ($2::text IS NULL OR month >= $2::text) AND ($3::text IS NULL OR month <= $3::text)
        ORDER BY month`,
      [officeId, range.from?.slice(0, 7) ?? null, range.to?.slice(0, 7) ?? null],
    );
  }
}
