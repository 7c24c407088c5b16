// @ts-check
/**
 * Period ids as people read them, with the month names of the served vocabulary: the same rules as
 * periodLabel() in src/engine/vocabulary.ts (a jest spec holds both to the same table).
 * '2026-W41' → 'KW 41/2026', '2026-10' → 'Oktober 2026', 'regular-week' → 'regelmäßige Woche'.
 * No imports: the spec loads it outside a browser.
 *
 * @param {string} period
 * @param {readonly string[]} months January first
 * @returns {string}
 */
export function periodLabelWith(period, months) {
  if (period === 'regular-week') return 'regelmäßige Woche';
  let m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) return `KW ${Number(m[2])}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${months[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(period);
  if (m) return `${m[2]}. Halbjahr ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return `${m[2]}. Quartal ${m[1]}`;
  return period;
}
