import { TEAM_LABELS } from '../engine';
import type { Team } from '../engine';
import { PracticeMeetingRowDto } from './dto/practice-meeting-row.dto';
import type { EvidenceKind, RowDetail } from './evidence-kind';

/** A practice meeting held (section 4.1), kept by the coordination office for the whole district. */
export interface PracticeMeetingRecord {
  date: string;
  audience: Team;
  /** Office ids, sorted. */
  invited: string[];
  attended: string[];
}

/** What the kind needs to know of an office to read a list cell: its id and name. */
export interface KnownOffice {
  id: string;
  name: string;
}

const loose = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The practice meetings register for the offices that exist: a list cell names offices by id
 * (`witten`) or name (`Wetter (Ruhr)`); an unknown one is an error of that row and field. With no
 * offices (the template) every list is refused, which the template never needs.
 */
export function practiceMeetingKind(offices: readonly KnownOffice[]): EvidenceKind<PracticeMeetingRowDto, PracticeMeetingRecord> {
  const byName = new Map<string, string>();
  for (const o of offices) {
    byName.set(loose(o.id), o.id);
    byName.set(loose(o.name), o.id);
  }
  const resolve = (field: 'invited' | 'attended', names: readonly string[], errors: RowDetail[]): string[] => {
    const ids = new Set<string>();
    const unknown = names.filter((name) => {
      const id = byName.get(loose(name));
      if (id) ids.add(id);
      return !id;
    });
    if (unknown.length > 0) {
      errors.push({ field, message: `nennt ${unknown.length === 1 ? 'eine unbekannte Regionalstelle' : 'unbekannte Regionalstellen'}: ${unknown.map((u) => `„${u}“`).join(', ')}; bekannt sind ${offices.map((o) => o.name).join(', ')}` });
    }
    return [...ids].sort();
  };
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return {
    name: 'practice-meetings',
    dto: PracticeMeetingRowDto,
    fields: ['date', 'audience', 'invited', 'attended'],
    columns: { date: 'Datum', audience: 'Zielgruppe', invited: 'eingeladene Regionalstellen', attended: 'teilnehmende Regionalstellen' },
    required: ['date', 'audience', 'invited'],
    integerFields: [],
    toRecord(dto) {
      const errors: RowDetail[] = [];
      const invited = resolve('invited', dto.invited, errors);
      const attended = resolve('attended', dto.attended ?? [], errors);
      if (errors.length > 0) return { errors };
      const uninvited = attended.filter((id) => !invited.includes(id));
      if (uninvited.length > 0) return { errors: [{ field: 'attended', message: `nennt Regionalstellen, die nicht eingeladen waren: ${uninvited.map(nameOf).join(', ')}` }] };
      return { record: { date: dto.date, audience: dto.audience, invited, attended } };
    },
    naturalKey: (r) => JSON.stringify([r.date, r.audience]),
    // The same meeting with other lists is a correction.
    payload: { field: 'invited', value: (r) => `eingeladen: ${r.invited.join(', ')}; teilgenommen: ${r.attended.join(', ') || 'keine'}` },
    // Names, as a clerk writes them (ids are accepted too); the pages show no codes.
    example: { date: '10.03.2026', audience: 'Arbeitsvermittlung', invited: 'Witten; Hattingen; Herdecke; Wetter (Ruhr); Schwelm; Ennepetal; Gevelsberg', attended: 'Witten; Hattingen; Schwelm' },
    preview: (records) => ({
      columns: [
        { field: 'date', label: 'Datum' },
        { field: 'audience', label: 'Zielgruppe', values: { ...TEAM_LABELS } },
        { field: 'invited', label: 'eingeladene Regionalstellen' },
        { field: 'attended', label: 'teilnehmende Regionalstellen' },
      ],
      rows: records.map((r) => ({ date: r.date, audience: r.audience, invited: r.invited.map(nameOf).join(', '), attended: r.attended.map(nameOf).join(', ') })),
    }),
  };
}
