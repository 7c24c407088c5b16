// @ts-check
import { svg } from './dom.js';
import { formatGap, formatMean } from './survey-format.js';

// The chart of one field: per item the actual rating as a bar, the importance as a diamond and
// the previous round as a tick, on the scale 1..n. Title and description for screen readers; the
// page shows the same figures in a table beside it (as charts.js does for opening hours).

/** @typedef {import('./survey-types.js').FieldResult} FieldResult */

let chartCount = 0;

/**
 * @param {FieldResult} field
 * @param {{ groupLabel: string }} options
 */
export function fieldChart(field, { groupLabel }) {
  const items = field.items;
  const steps = Math.max(2, ...items.map((i) => i.steps));
  const left = 44;
  const plot = 560;
  const right = 120;
  const top = 30;
  const row = 38;
  const width = left + plot + right;
  const height = top + row * items.length + 34;
  const x = (/** @type {number} */ v) => left + ((v - 1) / (steps - 1)) * plot;
  const id = `survey-chart-${++chartCount}`;
  const description = items
    .map((i, k) =>
      i.actualMean === null
        ? `Frage ${k + 1}: zu wenige Antworten`
        : `Frage ${k + 1}: Bewertung ${formatMean(i.actualMean)}${i.importanceMean !== null ? `, Wichtigkeit ${formatMean(i.importanceMean)}, Lücke ${formatGap(i.gap)}` : ''}${i.previous ? `, Vorrunde ${formatMean(i.previous.actualMean)}` : ''}`,
    )
    .join('; ');
  const chart = svg(
    'svg',
    { class: 'chart survey-chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, width, height },
    svg('title', { id: `${id}-title` }, `${field.title}: Bewertung und Wichtigkeit je Frage (${groupLabel})`),
    svg('desc', { id: `${id}-desc` }, description),
  );
  for (let v = 1; v <= steps; v++) {
    chart.append(
      svg('line', { class: 'grid', x1: x(v), x2: x(v), y1: top - 6, y2: top + row * items.length }),
      svg('text', { class: 'small', x: x(v), y: top - 10, 'text-anchor': 'middle' }, String(v)),
    );
  }
  chart.append(svg('text', { class: 'small', x: left + plot + 10, y: top - 10 }, 'Lücke'));
  items.forEach((item, k) => {
    const y = top + k * row;
    chart.append(svg('text', { x: left - 10, y: y + row / 2 + 5, 'text-anchor': 'end' }, String(k + 1)));
    if (item.actualMean === null) {
      chart.append(svg('text', { class: 'small', x: left + 6, y: y + row / 2 + 4 }, 'zu wenige Antworten'));
      return;
    }
    chart.append(svg('rect', { class: 'bar-actual', x: left, y: y + 8, width: Math.max(2, x(item.actualMean) - left), height: row - 16, rx: 3 }));
    if (item.previous) {
      const px = x(item.previous.actualMean);
      chart.append(svg('line', { class: 'previous-mark', x1: px, x2: px, y1: y + 4, y2: y + row - 4 }));
    }
    if (item.importanceMean !== null) {
      const ix = x(item.importanceMean);
      const cy = y + row / 2;
      chart.append(svg('path', { class: 'importance-mark', d: `M ${ix} ${cy - 8} L ${ix + 8} ${cy} L ${ix} ${cy + 8} L ${ix - 8} ${cy} Z` }));
    }
    chart.append(svg('text', { class: item.gap !== null && item.gap > 0 ? 'gap-label gap-positive' : 'gap-label', x: left + plot + 10, y: y + row / 2 + 5 }, formatGap(item.gap)));
  });
  const legendY = top + row * items.length + 24;
  chart.append(
    svg('rect', { class: 'bar-actual', x: left, y: legendY - 10, width: 18, height: 10 }),
    svg('text', { class: 'small', x: left + 24, y: legendY }, 'Bewertung (Mittelwert)'),
    svg('path', { class: 'importance-mark', d: `M ${left + 190} ${legendY - 11} L ${left + 197} ${legendY - 4} L ${left + 190} ${legendY + 3} L ${left + 183} ${legendY - 4} Z` }),
    svg('text', { class: 'small', x: left + 204, y: legendY }, 'Wichtigkeit'),
    svg('line', { class: 'previous-mark', x1: left + 300, x2: left + 300, y1: legendY - 12, y2: legendY + 2 }),
    svg('text', { class: 'small', x: left + 308, y: legendY }, 'Vorrunde'),
  );
  return chart;
}
