import { periodLabel } from '../engine';

/**
 * A run as people name it: by the periods it judged, not by the span of its evidence (a nightly
 * run judges one week and one month and was shown as "01.10.–27.11.2026"). Words from the one
 * vocabulary (periodLabel): "KW 48/2026 und Oktober 2026", "KW 36–48/2026 (13 Wochen) und
 * September bis November 2026 (3 Monate)".
 */
export function runLabel(periods: readonly string[]): string {
  const weeks = periods.filter((p) => /^\d{4}-W\d{2}$/.test(p)).sort();
  const months = periods.filter((p) => /^\d{4}-\d{2}$/.test(p)).sort();
  const others = periods.filter((p) => !weeks.includes(p) && !months.includes(p)).map(periodLabel);
  const parts = [weekSpan(weeks), monthSpan(months), ...others].filter((p): p is string => !!p);
  return parts.length ? parts.join(' und ') : 'keine Zeiträume';
}

function weekSpan(weeks: string[]): string | undefined {
  if (weeks.length === 0) return undefined;
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (weeks.length === 1) return periodLabel(first);
  const span =
    first.slice(0, 4) === last.slice(0, 4)
      ? `KW ${Number(first.slice(6))}–${Number(last.slice(6))}/${first.slice(0, 4)}`
      : `${periodLabel(first)} bis ${periodLabel(last)}`;
  return `${span} (${weeks.length} Wochen)`;
}

function monthSpan(months: string[]): string | undefined {
  if (months.length === 0) return undefined;
  const first = months[0];
  const last = months[months.length - 1];
  if (months.length === 1) return periodLabel(first);
  const span =
    first.slice(0, 4) === last.slice(0, 4)
      ? `${periodLabel(first).replace(/ \d{4}$/, '')} bis ${periodLabel(last)}`
      : `${periodLabel(first)} bis ${periodLabel(last)}`;
  return `${span} (${months.length} Monate)`;
}
