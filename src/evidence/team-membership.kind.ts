import { germanDate, TEAM_LABELS } from '../engine';
import type { Team } from '../engine';
import { TeamMembershipRowDto } from './dto/team-membership-row.dto';
import type { EvidenceKind } from './evidence-kind';

/** One office's delegate to a multiplier team (section 4.1); days inclusive, `until` null: open. */
export interface TeamMembershipRecord {
  team: Team;
  delegateRef: string;
  from: string;
  until: string | null;
}

export const TEAM_MEMBERSHIP_KIND: EvidenceKind<TeamMembershipRowDto, TeamMembershipRecord> = {
  name: 'team-membership',
  dto: TeamMembershipRowDto,
  fields: ['team', 'delegateRef', 'from', 'until'],
  columns: { team: 'Team', delegateRef: 'Kürzel', from: 'von', until: 'bis' },
  required: ['team', 'delegateRef', 'from'],
  integerFields: [],
  toRecord(dto) {
    if (dto.until !== undefined && dto.until < dto.from) return { errors: [{ field: 'until', message: `darf nicht vor dem Beginn (${germanDate(dto.from)}) liegen` }] };
    return { record: { team: dto.team, delegateRef: dto.delegateRef, from: dto.from, until: dto.until ?? null } };
  },
  naturalKey: (r) => JSON.stringify([r.team, r.delegateRef, r.from]),
  // A known membership with another end day is a correction (e.g. the delegate left).
  payload: { field: 'until', value: (r) => (r.until === null ? 'offen' : germanDate(r.until)) },
  example: { team: 'Arbeitsvermittlung', delegateRef: 'mt-av-01', from: '01.01.2026', until: '' },
  preview: (records) => ({
    columns: [
      { field: 'team', label: 'Team', values: { ...TEAM_LABELS } },
      { field: 'delegateRef', label: 'Kürzel' },
      { field: 'from', label: 'von' },
      { field: 'until', label: 'bis' },
    ],
    rows: records.map((r) => ({ team: r.team, delegateRef: r.delegateRef, from: r.from, until: r.until })),
  }),
};
