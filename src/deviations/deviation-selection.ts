import type { AppliedDeviation } from '../engine';

/**
 * Which agreed deviation governs a judged period (a week, a month, the first day of a schedule),
 * at most one per rule, because a finding is judged once for the whole period.
 *
 * Section 6 lets a deviation take effect only by agreement and, here, only from its start date: it
 * governs a period when it is in effect on more of the period's working days (Monday to Friday;
 * every day if the period has none) than any other agreed deviation of the rule and than the
 * standard itself (the days no deviation covers). Between deviations a tie goes to the later
 * validFrom (the newer agreement); a tie with the standard goes to the standard, so a deviation
 * starting on Thursday does not change the verdict of that week, but one starting on Wednesday does.
 * Agreed deviations of one rule and office never overlap (the database refuses it).
 */
export function pickApplied(agreed: readonly AppliedDeviation[], from: string, to: string): AppliedDeviation[] {
  const start = epochDay(from);
  const end = epochDay(to);
  const count = weekdaysBetween(start, end) > 0 ? weekdaysBetween : daysBetween;
  const total = count(start, end);

  const byRule = new Map<string, AppliedDeviation[]>();
  for (const d of agreed) byRule.set(d.ruleId, [...(byRule.get(d.ruleId) ?? []), d]);

  const applied: AppliedDeviation[] = [];
  for (const candidates of byRule.values()) {
    const covered = candidates.map((d) => ({
      deviation: d,
      days: count(Math.max(start, epochDay(d.validFrom)), Math.min(end, d.validUntil === null ? end : epochDay(d.validUntil))),
    }));
    const standardDays = total - covered.reduce((sum, c) => sum + c.days, 0);
    const best = covered
      .filter((c) => c.days > 0)
      .sort((a, b) => b.days - a.days || (a.deviation.validFrom < b.deviation.validFrom ? 1 : -1))[0];
    if (best && best.days > standardDays) applied.push(best.deviation);
  }
  return applied;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (calendar arithmetic, no time zone involved). */
function epochDay(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function daysBetween(first: number, last: number): number {
  return Math.max(0, last - first + 1);
}

/** Monday to Friday in [first, last], without walking a long (or open-ended) period day by day. */
function weekdaysBetween(first: number, last: number): number {
  const days = daysBetween(first, last);
  let count = Math.floor(days / 7) * 5;
  for (let day = first + Math.floor(days / 7) * 7; day <= last; day++) {
    // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 for Monday … 6 for Sunday.
    if ((((day + 3) % 7) + 7) % 7 < 5) count++;
  }
  return count;
}
