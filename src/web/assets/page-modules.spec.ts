import { periodLabel, vocabulary } from '../../engine/vocabulary';
import { normaliseClock } from './clock-text.js';
import { periodLabelWith } from './period-label.js';

/** The page modules that run outside a browser too: the shared time reader and the period labels. */
describe('normaliseClock (the API DTOs and the forms read times with it)', () => {
  it.each([
    ['8', '08:00'],
    ['08', '08:00'],
    ['8.00', '08:00'],
    ['08.00', '08:00'],
    ['8.30', '08:30'],
    ['8:30', '08:30'],
    ['12,30', '12:30'],
    [' 17:00 Uhr ', '17:00'],
    ['8 uhr', '08:00'],
    ['0830', '08:30'],
    ['0', '00:00'],
    ['24', '24:00'],
    ['24:00', '24:00'],
    ['23:59', '23:59'],
  ])('reads %j as %s', (text, clock) => expect(normaliseClock(text)).toBe(clock));

  it.each([['8.3'], ['8:5'], ['25'], ['24:30'], ['8:60'], ['830'], ['acht'], [''], ['8-12'], ['-1']])('does not guess at %j', (text) => {
    expect(normaliseClock(text)).toBeNull();
  });

  it('reads only text', () => {
    expect(normaliseClock(8)).toBeNull();
    expect(normaliseClock(null)).toBeNull();
  });
});

describe('the pages name periods as the service does', () => {
  const ids = ['2026-W01', '2026-W41', '2026-W53', '2026-01', '2026-10', '2026-12', '2026-13', '2026-H1', '2026-Q4', 'regular-week', 'etwas'];
  it.each(ids)('%s', (id) => expect(periodLabelWith(id, vocabulary().months)).toBe(periodLabel(id)));
});
