import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { evaluate } from '../engine/evaluate';
import { regularOpeningWeek } from '../engine/opening-week';
import { officeFacts } from '../engine/testing/facts.factory';
import { realCatalog } from '../engine/testing/standards-files.fixture';
import { aWeek } from '../engine/testing/week.factory';
import type { WeekSchedule } from '../engine/types';
import { formatWeek, overrideWarnings, parseOpeningHours } from './opening-hours.parser';

const weekOf = (text: string): WeekSchedule => {
  const result = parseOpeningHours(text);
  if (!result.ok) throw new Error(result.error);
  return result.week;
};

const errorOf = (text: string): string => {
  const result = parseOpeningHours(text);
  if (result.ok) throw new Error(`expected "${text}" to be rejected`);
  return result.error;
};

describe('reading opening_hours texts into a weekly schedule', () => {
  it('reads a weekday morning schedule with an extra Thursday afternoon', () => {
    expect(weekOf('Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00')).toEqual(
      aWeek().openWeekdays('08:00', '12:30').open('thu', '14:00', '18:00').schedule(),
    );
  });

  it('a later rule after ";" replaces the earlier rule for the same weekday', () => {
    const week = weekOf('Mo-Fr 08:00-12:00; Th 14:00-18:00');
    expect(week.thu).toEqual([{ from: 840, to: 1080 }]);
    expect(week.wed).toEqual([{ from: 480, to: 720 }]);
  });

  it('"," adds intervals and overlapping ones are merged', () => {
    expect(weekOf('Mo 08:00-12:00,11:00-13:00').mon).toEqual([{ from: 480, to: 780 }]);
  });

  it('reads 24/7 as open all day every day', () => {
    const week = weekOf('24/7');
    expect(Object.values(week).every((day) => day.length === 1 && day[0].from === 0 && day[0].to === 1440)).toBe(true);
  });

  it('reads an opening until 24:00', () => {
    expect(weekOf('Sa 20:00-24:00').sat).toEqual([{ from: 1200, to: 1440 }]);
  });

  it('splits an opening past midnight between the two days', () => {
    const week = weekOf('Mo 22:00-02:00');
    expect(week.mon).toEqual([{ from: 1320, to: 1440 }]);
    expect(week.tue).toEqual([{ from: 0, to: 120 }]);
  });

  it('a Sunday opening past midnight continues into Monday of the same weekly form', () => {
    const week = weekOf('Su 22:00-02:00');
    expect(week.sun).toEqual([{ from: 1320, to: 1440 }]);
    expect(week.mon).toEqual([{ from: 0, to: 120 }]);
  });

  it('closed days are empty', () => {
    expect(weekOf('Mo-Fr 08:00-12:00; We off').wed).toEqual([]);
  });

  it.each([
    ['public holidays', 'Mo-Fr 08:00-12:00; PH off', 'Feiertags- und Ferienangaben'],
    ['school holidays', 'Mo-Fr 08:00-12:00; SH off', 'Feiertags- und Ferienangaben'],
    ['months', 'Jan-Mar Mo 08:00-12:00', 'Monatsangaben'],
    ['dates', 'Dec 25 off; Mo-Fr 08:00-12:00', 'Monatsangaben'],
    ['easter', 'Mo-Fr 08:00-12:00; easter off', 'Monatsangaben'],
    ['week numbers', 'week 01-53/2 Mo 08:00-12:00', 'Kalenderwochenangaben'],
    ['years', '2026 Mo 08:00-12:00', 'ändern sich von Woche zu Woche'],
    ['the n-th weekday of a month', 'Mo[1] 08:00-12:00', 'ändern sich von Woche zu Woche'],
    ['times after the sun', 'Mo sunrise-sunset', 'Sonnenstand'],
    ['open ends', 'Mo 08:00+', 'offenem Ende'],
    ['comments', 'Mo 08:00-12:00 "nach Vereinbarung"', 'nicht möglich'],
    ['an unknown state', 'Mo 08:00-12:00 unknown', 'unbestimmtem Status'],
    ['a fallback with a comment', 'Mo-Fr 08:00-12:00 || "auf Anfrage"', 'nicht möglich'],
    ['points in time', 'Mo 08:00', 'nicht lesbar'],
    ['garbage', 'immer offen', 'nicht lesbar'],
    ['an empty text', '  ', 'Bitte Öffnungszeiten angeben'],
  ])('rejects %s with a German message', (_name, text, expected) => {
    expect(errorOf(text)).toContain(expected);
  });

  it('says where a text stops being readable, in German and without links', () => {
    const error = errorOf('Mo-Fr 08:00-');
    expect(error).toBe('Die Öffnungszeiten sind nach „Mo-Fr 08:00-“ nicht lesbar: Die Zeitspanne geht nicht wie erwartet weiter.');
    expect(errorOf('Mo-Fr morgens')).not.toMatch(/https?:|Unexpected|token/);
  });
});

describe('messages for texts the library cannot read', () => {
  it.each([
    ['minutes above 59', 'Mo 08:60-12:00', 'Die Öffnungszeiten sind bei „Mo 08:60“ nicht lesbar: Die Minuten gehen nur bis 59; Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30.'],
    ['missing minutes', 'Mo 08:', 'Die Öffnungszeiten sind nach „Mo 08:“ nicht lesbar: Nach dem Doppelpunkt fehlen die Minuten; Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30.'],
    ['a missing colon', 'Mo 08-x', 'Die Öffnungszeiten sind bei „Mo 08-x“ nicht lesbar: Die Uhrzeit braucht Stunden und Minuten mit Doppelpunkt; Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30.'],
    ['a second colon', 'Mo 08:00-12:00:00', 'Die Öffnungszeiten sind bei „Mo 08:00-12:00:“ nicht lesbar: Hier ist ein Doppelpunkt nicht vorgesehen.'],
    ['a lone number', 'Mo 08', 'Die Öffnungszeiten sind bei „Mo 08“ nicht lesbar: Hier ist eine Zahl nicht vorgesehen.'],
    ['a stray character', 'Mo 08:00-12:00 @', 'Die Öffnungszeiten sind bei „Mo 08:00-12:00 @“ nicht lesbar: Das Zeichen „@“ ist an dieser Stelle nicht vorgesehen.'],
    ['a word (two places marked by the library)', 'immer offen', 'Die Öffnungszeiten sind bei „im“ nicht lesbar: Das Zeichen „i“ ist an dieser Stelle nicht vorgesehen.'],
    ['a letter in brackets', 'Mo[x] 08:00-12:00', 'Die Öffnungszeiten sind bei „Mo[x“ nicht lesbar: In dieser Spanne steht etwas Unerwartetes.'],
    ['a time outside the day', 'Mo 25:00-26:00', 'Die Öffnungszeiten sind bei „Mo 25:00“ nicht lesbar: Die Zeitspanne beginnt nicht innerhalb des Tages (00:00 bis 23:59); Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30.'],
    ['a time without an end', 'Mo 08:00', 'Die Öffnungszeiten sind nach „Mo 08:00“ nicht lesbar: Nach der Uhrzeit fehlt das Ende der Zeitspanne; Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30.'],
    ['a repetition', 'Mo 08:00-12:00/5', 'Die Öffnungszeiten sind bei „Mo 08:00-12:00/5“ nicht lesbar: Zeitpunkte und Wiederholungen (z. B. „/01:30“) sind nicht möglich; Uhrzeiten bitte als HH:MM-HH:MM angeben, z. B. 08:00-12:30.'],
    ['two commas', 'Mo,,Tu 08:00-12:00', 'Die Öffnungszeiten sind bei „Mo,“ nicht lesbar: Das Komma steht hier fehl am Platz; Regeln bitte mit „;“ trennen.'],
    ['a span over two midnights', 'Mo 20:00-50:00', 'Die Öffnungszeiten sind bei „Mo 20:00-50:00“ nicht lesbar: Eine Zeitspanne darf höchstens bis in den nächsten Tag reichen.'],
  ])('says in German what is wrong with %s', (_label, text, expected) => {
    expect(errorOf(text)).toBe(expected);
  });

  it.each(['Mo 08:60-12:00', 'Mo 08:', 'Mo 08-x', 'Mo 08:00-12:00:00', 'Mo 08', 'immer offen', 'Mo[x] 08:00-12:00', 'Mo[0] 08:00-12:00', 'Mo-Fr morgens', 'Mo 08:00-12:00 "a', 'Mo 08:00-12:00,,14:00-16:00'])(
    'passes none of the library\'s own words on for %s',
    (text) => {
      const error = errorOf(text);
      expect(error).toMatch(/^Die Öffnungszeiten sind /);
      expect(error).not.toMatch(/https?:|<---|‹|token|number|timesep|Unexpected|Missing|greater|expected|opening_hours|Modus|OSM/i);
    },
  );
});

describe('warnings about rules that replace earlier ones', () => {
  it('names the day and the opening a later rule replaces', () => {
    expect(overrideWarnings('Mo-Fr 08:00-12:00; Th 14:00-18:00')).toEqual([
      'Die Regel „Th 14:00-18:00“ ersetzt für Donnerstag die frühere Angabe 08:00–12:00 (nach „;“ gilt für einen Tag nur die letzte Regel; zusätzliche Zeiten mit „,“ anhängen).',
    ]);
  });

  it('names every day a rule replaces, and a closing rule too', () => {
    const warnings = overrideWarnings('Mo-Fr 08:00-12:00; Tu,Th 13:00-17:00; We off');
    expect(warnings.map((w) => w.slice(0, w.indexOf(' die frühere')))).toEqual([
      'Die Regel „Tu,Th 13:00-17:00“ ersetzt für Dienstag',
      'Die Regel „Tu,Th 13:00-17:00“ ersetzt für Donnerstag',
      'Die Regel „We off“ ersetzt für Mittwoch',
    ]);
  });

  it.each([
    ['a rule that repeats the morning and adds an afternoon', 'Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00'],
    ['rules for different days', 'Mo-We 08:00-12:00; Th-Fr 09:00-13:00'],
    ['one rule', 'Mo-Fr 08:00-12:00,13:00-16:00'],
    ['a text that does not parse', 'Mo-Fr 08:00-12:00; Th 14:00-'],
  ])('stays quiet for %s', (_name, text) => {
    expect(overrideWarnings(text)).toEqual([]);
  });
});

describe('writing the weekly schedule back as opening_hours text', () => {
  it.each([
    ['Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00', 'Mo-We,Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00'],
    ['Mo-Fr 08:00-12:00; Th 14:00-18:00', 'Mo-We,Fr 08:00-12:00; Th 14:00-18:00'],
    ['24/7', 'Mo-Su 00:00-24:00'],
    ['Mo off', 'off'],
  ])('%s is written as %s and reads back the same', (text, formatted) => {
    expect(formatWeek(weekOf(text))).toBe(formatted);
    expect(weekOf(formatted)).toEqual(weekOf(text));
  });
});

describe('the engine judges a schedule the same whether given as text or built directly', () => {
  it.each([
    ['Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00', aWeek().openWeekdays('08:00', '12:30').open('thu', '14:00', '18:00')],
    ['Mo-Fr 08:00-12:00; Th 14:00-18:00', aWeek().openWeekdays('08:00', '12:00').closed('thu').open('thu', '14:00', '18:00')],
  ])('%s', (text, built) => {
    const catalog = realCatalog();
    const fromText = evaluate(catalog, officeFacts('standalone', { openingWeek: regularOpeningWeek(weekOf(text)) }));
    const fromBuilder = evaluate(catalog, officeFacts('standalone', { openingWeek: built.build() }));
    expect(fromText).toEqual(fromBuilder);
  });
});

describe('independence from the process time zone', () => {
  // The library evaluates in local time, so run the real parser in child processes under
  // different TZ values (transpiled on the fly with @swc/core, which jest already uses).
  const script = `
    const fs = require('node:fs');
    const swc = require('@swc/core');
    require.extensions['.ts'] = (module, file) => module._compile(
      swc.transformSync(fs.readFileSync(file, 'utf8'), {
        filename: file, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
      }).code, file);
    const { parseOpeningHours } = require(process.argv[1]);
    const texts = JSON.parse(process.argv[2]);
    process.stdout.write(JSON.stringify(texts.map((t) => parseOpeningHours(t))));
  `;
  const texts = ['Mo-Fr 08:00-12:30; Th 08:00-12:30,14:00-18:00', 'Mo 22:00-02:00', 'Su 23:00-01:00', '24/7'];
  const runIn = (tz: string) =>
    execFileSync(process.execPath, ['-e', script, join(__dirname, 'opening-hours.parser.ts'), JSON.stringify(texts)], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    });

  it('gives the same weekly form in Berlin, UTC, New York, Kathmandu and Auckland', () => {
    const expected = JSON.stringify(texts.map((t) => parseOpeningHours(t)));
    for (const tz of ['Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Auckland']) {
      expect([tz, runIn(tz)]).toEqual([tz, expected]);
    }
  });
});
