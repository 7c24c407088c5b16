/** What deciding which schedule version is in force needs to know of a version. */
export interface VersionPeriod {
  id: string;
  /** YYYY-MM-DD, inclusive */
  valid_from: string;
  /** YYYY-MM-DD, inclusive; null: open end */
  valid_until: string | null;
  submitted_at: Date | string;
}

/**
 * The one rule for which schedule version is in force on a day, used by the pre-check's seat
 * lookup, by real weeks and months, by the district rule and by GET …/schedule?date=: among the
 * versions whose period covers the day, the one with the latest validFrom (a later validFrom
 * supersedes an earlier one; among equal validFrom the latest submission). When a limited version
 * (say, summer hours) has ended, the earlier one applies again.
 */
export function pickInForce<T extends VersionPeriod>(rows: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const r of rows) {
    if (r.valid_from > date || (r.valid_until !== null && r.valid_until < date)) continue;
    if (!best || r.valid_from > best.valid_from || (r.valid_from === best.valid_from && later(r, best))) best = r;
  }
  return best;
}

function later(a: VersionPeriod, b: VersionPeriod): boolean {
  const ta = new Date(a.submitted_at).getTime();
  const tb = new Date(b.submitted_at).getTime();
  return ta !== tb ? ta > tb : a.id > b.id;
}
