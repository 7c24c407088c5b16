import { runLabel } from './run-label';

describe('runLabel', () => {
  it.each([
    [['2026-W48', '2026-10'], 'KW 48/2026 und Oktober 2026'],
    [['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-11'], 'KW 45–48/2026 (4 Wochen) und November 2026'],
    [['2026-09', '2026-W40', '2026-10', '2026-W41'], 'KW 40–41/2026 (2 Wochen) und September bis Oktober 2026 (2 Monate)'],
    [['2025-W52', '2026-W01', '2025-12', '2026-01'], 'KW 52/2025 bis KW 1/2026 (2 Wochen) und Dezember 2025 bis Januar 2026 (2 Monate)'],
    [['2026-10'], 'Oktober 2026'],
    [[], 'keine Zeiträume'],
  ])('names %j as „%s“', (periods, label) => expect(runLabel(periods)).toBe(label));
});
