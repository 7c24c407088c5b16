import { TEAM_LABELS } from '../engine';
import type { Team } from '../engine';
import { officeNameKey } from '../offices/office-name-key';
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

/**
 * The practice meetings register for the offices that exist: a list cell names offices by id
 * (`witten`) or name (`Wetter (Ruhr)`), compared as office names are (officeNameKey). An id wins
 * over a name; a name counts only when one office has it. Offices created before names had to be
 * unique may share one, and the import must not pick either: that entry, like an unknown one, is an
 * error of its row and field. With no offices (the template) every list is refused, which the
 * template never needs.
 */
export function practiceMeetingKind(offices: readonly KnownOffice[]): EvidenceKind<PracticeMeetingRowDto, PracticeMeetingRecord> {
  const byId = new Map(offices.map((o) => [officeNameKey(o.id), o.id]));
  const byName = new Map<string, string[]>();
  for (const o of offices) byName.set(officeNameKey(o.name), [...(byName.get(officeNameKey(o.name)) ?? []), o.id].sort());
  /** The ids an entry may mean: its own id, else every office of that name (none, one or several). */
  const candidates = (entry: string): string[] => {
    const key = officeNameKey(entry);
    const id = byId.get(key);
    return id ? [id] : (byName.get(key) ?? []);
  };
  const resolve = (field: 'invited' | 'attended', entries: readonly string[], errors: RowDetail[]): string[] => {
    const ids = new Set<string>();
    const unknown: string[] = [];
    const ambiguous: Array<{ entry: string; ids: string[] }> = [];
    for (const entry of entries) {
      const found = candidates(entry);
      if (found.length === 1) ids.add(found[0]);
      else if (found.length === 0) unknown.push(entry);
      else ambiguous.push({ entry, ids: found });
    }
    const problems: string[] = [];
    if (unknown.length > 0) {
      problems.push(`nennt ${unknown.length === 1 ? 'eine unbekannte Regionalstelle' : 'unbekannte Regionalstellen'}: ${unknown.map((u) => `„${u}“`).join(', ')}; bekannt sind ${[...new Set(offices.map((o) => o.name))].join(', ')}`);
    }
    if (ambiguous.length > 0) {
      const listed = ambiguous.map((a) => `„${a.entry}“ (so heißen ${a.ids.join(', ')})`).join(', ');
      const one = ambiguous.length === 1;
      problems.push(`nennt ${one ? 'eine Regionalstelle, deren Name nicht eindeutig ist' : 'Regionalstellen, deren Namen nicht eindeutig sind'}: ${listed}; bitte die Kennung angeben`);
    }
    if (problems.length > 0) errors.push({ field, message: problems.join('; ') });
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
