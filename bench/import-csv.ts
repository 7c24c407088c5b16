/** The body limit (BODY_LIMIT, default 2mb) and the row limit of one import (MAX_ROWS). */
const BODY_LIMIT = 2 * 1024 * 1024;
const MAX_ROWS = 50_000;

/** Coverage in 10-minute slots between 08:00 and 18:00 local time (never in a DST gap), as long as it fits the body limit. */
export function hotlineCsv(): { text: string; rows: number } {
  const lines = ['start;end;coveredBy'];
  let bytes = lines[0].length + 1;
  const day0 = Date.UTC(2026, 0, 5);
  for (let i = 0; lines.length - 1 < MAX_ROWS; i++) {
    const day = new Date(day0 + Math.floor(i / 60) * 86_400_000).toISOString().slice(0, 10);
    const slot = i % 60;
    const at = (m: number) => `${String(8 + Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const line = `${day}T${at(slot * 10)};${day}T${at(slot * 10 + 10)};${i % 3 ? 'staff' : 'call_centre'}`;
    if (bytes + line.length + 1 > BODY_LIMIT - 1024) break;
    lines.push(line);
    bytes += line.length + 1;
  }
  return { text: lines.join('\n') + '\n', rows: lines.length - 1 };
}
