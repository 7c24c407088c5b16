import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContactRole, Team } from '../engine';
import type { DateRange } from './evidence.repository';

export interface StoredTeamMembership {
  id: string;
  team: Team;
  delegateRef: string;
  from: string;
  until: string | null;
}

export interface StoredPracticeMeeting {
  id: string;
  date: string;
  audience: Team;
  invited: string[];
  attended: string[];
}

export interface StoredEmployerAssignment {
  id: string;
  employerRef: string;
  contactRef: string;
  contactRole: ContactRole;
  from: string;
  until: string | null;
}

/**
 * Reads the registers of sections 4.1 and 4.2 for the listings of the API. A span (from … until)
 * is listed when it touches the requested days.
 */
@Injectable()
export class CooperationRegistersRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  teamMembership(officeId: string, range: DateRange): Promise<StoredTeamMembership[]> {
    return this.ds.query(
      `SELECT id, team, delegate_ref AS "delegateRef", to_char(valid_from, 'YYYY-MM-DD') AS "from", to_char(valid_until, 'YYYY-MM-DD') AS "until"
         FROM team_membership
        WHERE office_id = $1 AND ($3::date IS NULL OR valid_from <= $3::date) AND ($2::date IS NULL OR valid_until IS NULL OR valid_until >= $2::date)
        ORDER BY team, valid_from, delegate_ref`,
      [officeId, range.from ?? null, range.to ?? null],
    );
  }

  practiceMeetings(range: DateRange): Promise<StoredPracticeMeeting[]> {
    return this.ds.query(
      `SELECT id, to_char(meeting_date, 'YYYY-MM-DD') AS date, audience, invited, attended
         FROM practice_meeting
        WHERE ($1::date IS NULL OR meeting_date >= $1::date) AND ($2::date IS NULL OR meeting_date <= $2::date)
        ORDER BY meeting_date, audience`,
      [range.from ?? null, range.to ?? null],
    );
  }

  employerAssignments(officeId: string, range: DateRange): Promise<StoredEmployerAssignment[]> {
    return this.ds.query(
      `SELECT id, employer_ref AS "employerRef", contact_ref AS "contactRef", contact_role AS "contactRole",
              to_char(valid_from, 'YYYY-MM-DD') AS "from", to_char(valid_until, 'YYYY-MM-DD') AS "until"
         FROM employer_assignment
        WHERE office_id = $1 AND ($3::date IS NULL OR valid_from <= $3::date) AND ($2::date IS NULL OR valid_until IS NULL OR valid_until >= $2::date)
        ORDER BY employer_ref, valid_from, contact_ref`,
      [officeId, range.from ?? null, range.to ?? null],
    );
  }
}
