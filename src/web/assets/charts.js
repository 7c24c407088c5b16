// @ts-check
import { el, svg } from './dom.js';
import { formatNumber } from './german-format.js';
import { SCHEDULE_DAYS, weekdayName } from './vocabulary.js';

// SVG charts drawn from API data. Each chart has a title and a description for screen readers;
// the pages put the same figures in a table beside it.

/** @typedef {Partial<Record<string, Array<{ from: string, to: string }>>>} Week Monday to Saturday, HH:MM */

let chartCount = 0;

/** @param {string} clock HH:MM */
function minutes(clock) {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + m;
}

/** @param {number} n */
function hours(n) {
  return `${formatNumber(n)} Std.`;
}

/**
 * @param {number} width
 * @param {number} height
 * @param {string} title
 * @param {string} description
 */
function frame(width, height, title, description) {
  const id = `chart-${++chartCount}`;
  return svg(
    'svg',
    { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, width, height },
    svg('title', { id: `${id}-title` }, title),
    svg('desc', { id: `${id}-desc` }, description),
  );
}

/**
 * The week of a schedule: opening blocks per day (Mon–Sat) over 06–21 Uhr, the morning (07–13)
 * and afternoon (13–20) windows of section 2 shaded, and the weekly total against the minimum.
 * @param {Week} week
 * @param {{ minimumHours?: number, applies?: boolean, title?: string }} [options]
 */
export function weekChart(week, { minimumHours = 21.5, applies = true, title = 'Öffnungszeiten der Woche' } = {}) {
  const start = 6 * 60;
  const end = 21 * 60;
  const left = 110;
  const right = 110;
  const plotWidth = 660;
  const top = 28;
  const row = 36;
  const x = (/** @type {number} */ m) => left + ((Math.min(Math.max(m, start), end) - start) / (end - start)) * plotWidth;
  const dayTotals = SCHEDULE_DAYS.map((d) => (week[d] || []).reduce((sum, i) => sum + minutes(i.to) - minutes(i.from), 0) / 60);
  const total = dayTotals.reduce((a, b) => a + b, 0);
  const weekTop = top + row * SCHEDULE_DAYS.length + 30;
  const height = weekTop + 70;
  const width = left + plotWidth + right;
  const describe = SCHEDULE_DAYS.map((d) => `${weekdayName(d)}: ${(week[d] || []).length ? (week[d] || []).map((i) => `${i.from}–${i.to}`).join(', ') : 'geschlossen'}`).join('; ');
  const chart = frame(
    width,
    height,
    title,
    `${describe}. Wochensumme ${hours(total)}, ${applies ? `Mindestwert ${hours(minimumHours)}` : 'ein Mindestwert gilt für diese Regionalstelle nicht'}.`,
  );

  const plotBottom = top + row * SCHEDULE_DAYS.length;
  chart.append(
    svg('rect', { class: 'window-morning', x: x(7 * 60), y: top, width: x(13 * 60) - x(7 * 60), height: plotBottom - top }),
    svg('rect', { class: 'window-afternoon', x: x(13 * 60), y: top, width: x(20 * 60) - x(13 * 60), height: plotBottom - top }),
    svg('text', { x: (x(7 * 60) + x(13 * 60)) / 2, y: 12, 'text-anchor': 'middle', class: 'small' }, 'Vormittag 07–13 Uhr'),
    svg('text', { x: (x(13 * 60) + x(20 * 60)) / 2, y: 12, 'text-anchor': 'middle', class: 'small' }, 'Nachmittag 13–20 Uhr'),
  );
  for (let h = 6; h <= 21; h++) {
    chart.append(svg('line', { class: 'grid', x1: x(h * 60), x2: x(h * 60), y1: top, y2: plotBottom }));
    chart.append(svg('text', { x: x(h * 60), y: top - 3, 'text-anchor': 'middle', class: 'small' }, String(h).padStart(2, '0')));
  }
  SCHEDULE_DAYS.forEach((day, k) => {
    const y = top + k * row;
    chart.append(
      svg('line', { class: 'axis', x1: left, x2: left + plotWidth, y1: y + row, y2: y + row }),
      svg('text', { x: left - 10, y: y + row / 2 + 5, 'text-anchor': 'end' }, weekdayName(day)),
      svg('text', { x: left + plotWidth + 10, y: y + row / 2 + 5 }, dayTotals[k] ? hours(dayTotals[k]) : 'geschlossen'),
    );
    for (const i of week[day] || []) {
      const x1 = x(minutes(i.from));
      const x2 = x(minutes(i.to));
      chart.append(svg('rect', { class: 'block', x: x1, y: y + 6, width: Math.max(2, x2 - x1), height: row - 12, rx: 3 }));
      if (x2 - x1 > 78) chart.append(svg('text', { class: 'block-label', x: (x1 + x2) / 2, y: y + row / 2 + 4, 'text-anchor': 'middle' }, `${i.from}–${i.to}`));
    }
  });

  // Weekly total against the minimum of section 2.
  const scaleMax = Math.max(40, Math.ceil(total / 5) * 5);
  const wx = (/** @type {number} */ h) => left + (h / scaleMax) * plotWidth;
  // A tandem's smaller town has no weekly minimum of its own (section 2): grey bar, no line.
  const barClass = !applies ? 'bar-other' : total >= minimumHours ? 'bar-ok' : 'bar-bad';
  chart.append(
    svg('text', { x: left - 10, y: weekTop + 19, 'text-anchor': 'end' }, 'Summe'),
    svg('rect', { class: barClass, x: left, y: weekTop + 4, width: Math.max(2, wx(total) - left), height: 22, rx: 3 }),
    svg('text', { x: left + plotWidth + 10, y: weekTop + 19 }, hours(total)),
  );
  if (applies) {
    chart.append(
      svg('line', { class: 'limit', x1: wx(minimumHours), x2: wx(minimumHours), y1: weekTop - 4, y2: weekTop + 34 }),
      svg('text', { class: 'limit-label', x: wx(minimumHours), y: weekTop + 50, 'text-anchor': 'middle' }, `Mindestwert ${hours(minimumHours)}`),
    );
  } else {
    chart.append(svg('text', { class: 'small', x: left, y: weekTop + 50 }, 'Ein Mindestwert gilt für diese Regionalstelle nicht.'));
  }
  for (let h = 0; h <= scaleMax; h += 5) chart.append(svg('text', { x: wx(h), y: weekTop + 66, 'text-anchor': 'middle', class: 'small' }, String(h)));
  return chart;
}

export function weekChartLegend() {
  return el(
    'div',
    { class: 'chart-legend' },
    el('span', {}, el('span', { class: 'swatch swatch-block' }), 'geöffnet'),
    el('span', {}, el('span', { class: 'swatch swatch-morning' }), 'Vormittagsfenster 07–13 Uhr'),
    el('span', {}, el('span', { class: 'swatch swatch-afternoon' }), 'Nachmittagsfenster 13–20 Uhr'),
    el('span', {}, el('span', { class: 'swatch swatch-limit' }), 'Mindestöffnungszeit'),
  );
}

/**
 * Bars over periods (weeks or months) against a limit line; a bar's colour follows the finding's
 * status and its value is written above it.
 * @param {Array<{ label: string, value: number | null, status: string }>} points
 * @param {{ title: string, limit?: number, limitLabel: string, unit: string, minMax?: number }} options
 */
export function barChart(points, { title, limit, limitLabel, unit, minMax = 0 }) {
  const left = 56;
  const top = 20;
  const plotHeight = 180;
  const slot = Math.max(44, Math.min(90, 760 / Math.max(points.length, 1)));
  const width = left + slot * points.length + 30;
  const height = top + plotHeight + 50;
  const values = points.map((p) => (typeof p.value === 'number' ? p.value : 0));
  const max = Math.max(minMax, limit ?? 0, ...values) * 1.15 || 1;
  const y = (/** @type {number} */ v) => top + plotHeight - (v / max) * plotHeight;
  const description = points.map((p) => `${p.label}: ${typeof p.value === 'number' ? `${formatNumber(p.value)} ${unit}` : 'keine Daten'}`).join('; ');
  const chart = frame(width, height, title, `${description}. ${limitLabel}.`);
  const step = niceStep(max);
  for (let v = 0; v <= max; v += step) {
    chart.append(
      svg('line', { class: 'grid', x1: left, x2: width - 10, y1: y(v), y2: y(v) }),
      svg('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'small' }, formatNumber(v)),
    );
  }
  points.forEach((p, k) => {
    const cx = left + slot * k + slot / 2;
    if (typeof p.value === 'number') {
      const cls = p.status === 'compliant' ? 'bar-ok' : p.status === 'non_compliant' ? 'bar-bad' : 'bar-other';
      chart.append(
        svg('rect', { class: cls, x: cx - slot * 0.3, y: y(p.value), width: slot * 0.6, height: Math.max(1, y(0) - y(p.value)), rx: 2 }),
        svg('text', { x: cx, y: y(p.value) - 4, 'text-anchor': 'middle', class: 'small' }, formatNumber(p.value)),
      );
    } else {
      // No value: '–' where the rule does not apply, '?' where data is missing.
      chart.append(svg('text', { x: cx, y: y(0) - 4, 'text-anchor': 'middle', class: 'small' }, p.status === 'not_applicable' ? '–' : '?'));
    }
    chart.append(svg('text', { x: cx, y: top + plotHeight + 16, 'text-anchor': 'middle', class: 'small' }, p.label));
  });
  chart.append(svg('line', { class: 'axis', x1: left, x2: width - 10, y1: y(0), y2: y(0) }));
  if (typeof limit === 'number') {
    chart.append(
      svg('line', { class: 'limit', x1: left, x2: width - 10, y1: y(limit), y2: y(limit) }),
      svg('text', { class: 'limit-label', x: left + 4, y: top + plotHeight + 40 }, `– – ${limitLabel}`),
    );
  }
  return chart;
}

/** @param {number} max */
function niceStep(max) {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const n = raw / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * magnitude;
}
