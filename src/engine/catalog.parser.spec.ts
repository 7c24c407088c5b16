import { CatalogError } from './catalog.error';
import { applyParamOverride, paramOverrideProblems, parseCatalog, parseCatalogFiles, ruleParamNames, validateParamOverride } from './catalog.parser';
import { realCatalog, standardsFiles } from './testing/standards-files.fixture';

const FILE = 'config/standards/opening.yaml';

const ruleYaml = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    id: 'opening.weekly-minimum',
    title: 'Mindestöffnungszeit',
    shortTitle: 'Wochenstunden',
    citation: "{ section: '2', passage: 'Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten.' }",
    obligation: 'must',
    appliesTo: '[standalone, tandem-seat]',
    check: 'weekly-hours',
    params: `{ minimumHours: ${param(21.5)}, creditHolidays: ${param(true)} }`,
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `    ${key}: ${value}`);
  return `version: '2026.1'\nvalidFrom: '2026-01-01'\n${DUE_WEEKS}rules:\n  -\n${lines.join('\n')}\n`;
};

const DUE_WEEKS = 'actionDueWeeks: { must: 4, should: 8, aim: 12, observe: 12 }\n';

/** A parameter in the catalog's full form, e.g. `{ value: 21.5, label: 'L' }`. */
function param(value: number | string | boolean): string {
  return `{ value: ${typeof value === 'string' ? `'${value}'` : value}, label: 'L' }`;
}

const parseError = (text: string, fileName = FILE): string => {
  try {
    parseCatalog(text, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as Error).message;
  }
  throw new Error('expected a CatalogError');
};

describe('the standards catalog in config/standards', () => {
  it('loads the rules of Anlage 3 in order', () => {
    const catalog = realCatalog();
    expect(catalog.version).toBe('2026.1');
    expect(catalog.validFrom).toBe('2026-01-01');
    expect(catalog.rules.map((r) => [r.id, r.obligation, r.appliesTo])).toEqual([
      ['opening.weekly-minimum', 'must', ['standalone', 'tandem-seat']],
      ['opening.every-weekday', 'must', ['standalone', 'tandem-seat']],
      ['opening.every-morning', 'should', ['standalone', 'tandem-seat']],
      ['opening.afternoon', 'must', ['standalone', 'tandem-seat']],
      ['opening.afternoon-for-working-people', 'should', ['standalone', 'tandem-seat']],
      ['opening.district-core-hours', 'aim', ['standalone', 'tandem-seat']],
      ['tandem.minor-mornings', 'should', ['tandem-minor']],
      ['tandem.seat-access', 'must', ['tandem-minor']],
      ['hotline.employer-service-hours', 'must', ['standalone', 'tandem-seat']],
      ['hotline.staff-availability', 'must', ['standalone', 'tandem-seat']],
      ['employer-service.time-share', 'aim', ['standalone', 'tandem-seat']],
      ['placement.one-to-one', 'should', ['standalone', 'tandem-seat']],
      ['hotline.forwarding-share', 'observe', ['standalone', 'tandem-seat']],
      ['multiplier-teams.delegate', 'must', ['standalone', 'tandem-seat']],
      ['practice-meetings.regular', 'should', ['standalone', 'tandem-seat']],
      ['employer-contact.fixed', 'should', ['standalone', 'tandem-seat']],
      ['satisfaction.customer-survey', 'should', ['standalone', 'tandem-seat', 'tandem-minor']],
      ['satisfaction.staff-survey', 'should', ['standalone', 'tandem-seat', 'tandem-minor']],
      ['appointments.outside-opening-hours', 'must', ['standalone', 'tandem-seat', 'tandem-minor']],
      ['appointments.by-arrangement', 'observe', ['standalone', 'tandem-seat', 'tandem-minor']],
      ['staff.continuity', 'observe', ['standalone', 'tandem-seat', 'tandem-minor']],
    ]);
  });

  it('marks every value the agreement leaves open as an interpretation', () => {
    const interpreted = (ruleId: string) =>
      Object.entries(realCatalog().rules.find((r) => r.id === ruleId)!.params)
        .filter(([, spec]) => spec.interpretation?.includes('Auslegung'))
        .map(([name]) => name)
        .sort();
    expect(interpreted('opening.weekly-minimum')).toEqual(['creditHolidays']);
    expect(interpreted('opening.every-weekday')).toEqual(['creditHolidays', 'minimumHours']);
    expect(interpreted('opening.every-morning')).toEqual(['creditHolidays', 'days', 'minimumHours', 'windowEnd', 'windowStart']);
    expect(interpreted('opening.afternoon')).toEqual(['creditHolidays', 'days', 'minimumHours', 'windowEnd', 'windowStart']);
    expect(interpreted('opening.afternoon-for-working-people')).toEqual(['creditHolidays', 'days', 'minimumHours', 'openUntilAtLeast', 'windowEnd', 'windowStart']);
    expect(interpreted('opening.district-core-hours')).toEqual(['days', 'minimumHours']);
    expect(interpreted('multiplier-teams.delegate')).toEqual(['changeWindowMonths', 'maximumChanges']);
    expect(interpreted('practice-meetings.regular')).toEqual(['minimumMeetings', 'windowMonths']);
    expect(interpreted('employer-contact.fixed')).toEqual(['maximumChangedPercent', 'windowMonths']);
    expect(interpreted('tandem.minor-mornings')).toEqual(['creditHolidays', 'days', 'minimumHours', 'windowEnd', 'windowStart']);
    expect(interpreted('tandem.seat-access')).toEqual(['creditHolidays']);
    expect(interpreted('hotline.employer-service-hours')).toEqual([]);
    expect(interpreted('hotline.staff-availability')).toEqual(['minimumStaffPercent']);
    expect(interpreted('employer-service.time-share')).toEqual(['minimumGroupSize', 'minimumOfficersPercent', 'minimumPercent']);
    expect(interpreted('placement.one-to-one')).toEqual(['minimumGroupSize', 'minimumSidePercent']);
  });

  it('invents no minimum length for a morning or an afternoon opening (the text names none)', () => {
    for (const id of ['opening.every-morning', 'opening.afternoon', 'opening.afternoon-for-working-people', 'tandem.minor-mornings']) {
      expect({ id, minimumHours: realCatalog().rules.find((r) => r.id === id)!.params.minimumHours.value }).toEqual({ id, minimumHours: 0 });
    }
  });

  it('counts Saturday for both afternoon rules and only Monday to Friday for the daily and morning rules', () => {
    const days = (id: string) => realCatalog().rules.find((r) => r.id === id)!.params.days?.value;
    expect(['opening.afternoon', 'opening.afternoon-for-working-people'].map(days)).toEqual(['Mo-Sa', 'Mo-Sa']);
    expect(['opening.every-weekday', 'opening.every-morning', 'tandem.minor-mornings'].map(days)).toEqual(['Mo-Fr', 'Mo-Fr', 'Mo-Fr']);
  });

  it('reads the optional due days of the team rule, which a later version may set (2026.1 leaves them out)', () => {
    expect(Object.keys(realCatalog().rules.find((r) => r.id === 'multiplier-teams.delegate')!.params).sort()).toEqual(['changeWindowMonths', 'maximumChanges']);
    const withDueDays = (dueDays: string) =>
      standardsFiles().map((f) =>
        f.name.endsWith('cooperation.yaml')
          ? {
              ...f,
              text: f.text.replace(
                '\n  - id: practice-meetings.regular',
                `      dueDays:\n        value: ${dueDays}\n        label: Tage mit Entsendung\n      exceptHolidays:\n        value: true\n        label: Feiertage ausgenommen\n\n  - id: practice-meetings.regular`,
              ),
            }
          : f,
      );
    const rule = parseCatalogFiles(withDueDays("'Mo-Fr'")).rules.find((r) => r.id === 'multiplier-teams.delegate')!;
    expect(rule.params).toMatchObject({ dueDays: { value: 'Mo-Fr' }, exceptHolidays: { value: true } });
    expect(() => parseCatalogFiles(withDueDays("'Werktage'"))).toThrow(/multiplier-teams\.delegate.*params\.dueDays\.value/);
  });

  it('refuses a rule file that catalog.yaml does not list', () => {
    const files = [...standardsFiles(), { name: 'config/standards/2026.1/extra.yaml', text: 'rules: []\n' }];
    expect(() => parseCatalogFiles(files)).toThrow('config/standards/2026.1/catalog.yaml: ruleFiles: file "extra.yaml" is not listed');
  });

  it('refuses a catalog whose listed rule file is missing', () => {
    const files = standardsFiles().filter((f) => !f.name.endsWith('tandem.yaml'));
    expect(() => parseCatalogFiles(files)).toThrow('ruleFiles: listed file "tandem.yaml" was not provided');
  });

  it('refuses the same rule id in two files, naming both', () => {
    const files = standardsFiles().map((f) =>
      f.name.endsWith('tandem.yaml') ? { ...f, text: f.text.replace('id: tandem.seat-access', 'id: opening.afternoon') } : f,
    );
    expect(() => parseCatalogFiles(files)).toThrow(
      'config/standards/2026.1/tandem.yaml: rule "opening.afternoon": id: duplicate rule id (also in config/standards/2026.1/opening.yaml)',
    );
  });
});

describe('catalog parse errors name the file, the rule and the field', () => {
  it('accepts the minimal valid rule', () => {
    const [rule] = parseCatalog(ruleYaml(), FILE).rules;
    expect(rule.params).toEqual({ minimumHours: { value: 21.5, label: 'L' }, creditHolidays: { value: true, label: 'L' } });
    expect(rule.shortTitle).toBe('Wochenstunden');
  });

  it('opens corrective actions for must and should rules unless the rule says otherwise', () => {
    expect(parseCatalog(ruleYaml(), FILE).rules[0].opensAction).toBe(true);
    expect(parseCatalog(ruleYaml({ obligation: 'aim' }), FILE).rules[0].opensAction).toBe(false);
    expect(parseCatalog(ruleYaml({ obligation: 'aim', opensAction: 'true' }), FILE).rules[0].opensAction).toBe(true);
    expect(parseCatalog(ruleYaml({ opensAction: 'false' }), FILE).rules[0].opensAction).toBe(false);
  });

  it('reads the weeks to a corrective action\'s due date per obligation', () => {
    expect(parseCatalog(ruleYaml(), FILE).actionDueWeeks).toEqual({ must: 4, should: 8, aim: 12, observe: 12 });
  });

  it.each([
    ['a parameter given without label', { params: `{ minimumHours: 21.5, creditHolidays: ${param(true)} }` }, 'rule "opening.weekly-minimum": params.minimumHours: expected a mapping with value and label'],
    ['a parameter of the wrong type', { params: `{ minimumHours: ${param('viel')}, creditHolidays: ${param(true)} }` }, 'params.minimumHours.value: expected a number'],
    ['a parameter with an empty label', { params: `{ minimumHours: { value: 21.5, label: '' }, creditHolidays: ${param(true)} }` }, 'params.minimumHours.label: expected a German label'],
    ['an unknown parameter', { params: `{ minimumHours: ${param(21.5)}, creditHolidays: ${param(true)}, maximumHours: ${param(40)} }` }, 'params.maximumHours: unknown parameter for check "weekly-hours" (known: minimumHours, creditHolidays)'],
    ['a missing required parameter', { params: `{ creditHolidays: ${param(true)} }` }, 'params.minimumHours: missing: list it with value and label'],
    ['an unlisted parameter that has a default', { params: `{ minimumHours: ${param(21.5)} }` }, 'params.creditHolidays: missing: list it with value and label'],
    ['a missing short title', { shortTitle: '' }, 'shortTitle: expected a non-empty string'],
    ['a short title too long for a column header', { shortTitle: "'Mindestöffnungszeit je Kalenderwoche'" }, 'shortTitle: expected at most 24 characters'],
    ['opensAction that is not a boolean', { opensAction: 'vielleicht' }, 'opensAction: expected true or false'],
    ['an unknown obligation', { obligation: 'could' }, 'obligation: expected one of must, should, aim, observe'],
    ['an unknown role', { appliesTo: '[standalone, kiosk]' }, 'appliesTo[1]: expected one of standalone, tandem-seat, tandem-minor'],
    ['an unknown check kind', { check: 'moon-phase' }, 'check: unknown check kind'],
    ['a section given as a number', { citation: "{ section: 4.2, passage: 'x' }" }, 'citation.section: expected a string'],
    ['a missing title', { title: '' }, 'title: expected a non-empty string'],
    ['an unknown rule field', { severity: 'high' }, 'severity: unknown field'],
  ])('rejects %s', (_name, overrides, expected) => {
    const message = parseError(ruleYaml(overrides as Record<string, string>));
    expect(message.startsWith(`${FILE}: `)).toBe(true);
    expect(message).toContain(expected);
  });

  it('rejects a window whose start is after its end', () => {
    const yaml = ruleYaml({
      id: 'opening.every-morning',
      check: 'weekday-window',
      params: `{ windowStart: ${param('13:00')}, windowEnd: ${param('07:00')}, minimumHours: ${param(0)}, everyDay: ${param(true)}, days: ${param('Mo-Fr')}, creditHolidays: ${param(true)} }`,
    });
    expect(parseError(yaml)).toContain('rule "opening.every-morning": params: windowStart muss vor windowEnd liegen');
  });

  it.each([
    ['a list of weekdays that is not German', 'Mon-Fri', "params.days.value: expected German weekdays such as 'Mo-Fr' or 'Mo, Mi, Fr'"],
    ['a backwards range', 'Sa-Mo', "params.days.value: expected German weekdays"],
    ['more days required than listed', 'Mo-Di', 'minimumDays ist größer als die Zahl der Tage in days (2)'],
  ])('rejects %s', (_name, days, expected) => {
    const yaml = ruleYaml({
      check: 'weekday-window',
      params: `{ windowStart: ${param('07:00')}, windowEnd: ${param('13:00')}, minimumHours: ${param(0)}, minimumDays: ${param(3)}, days: ${param(days)}, creditHolidays: ${param(true)} }`,
    });
    expect(parseError(yaml)).toContain(expected);
  });

  it('rejects a time that is not HH:MM', () => {
    const yaml = ruleYaml({ check: 'hotline-coverage', params: `{ windowStart: ${param('8 Uhr')}, windowEnd: ${param('17:00')} }` });
    expect(parseError(yaml)).toContain("params.windowStart.value: expected a time 'HH:MM'");
  });

  it('rejects a weekday window with both minimumDays and everyDay', () => {
    const yaml = ruleYaml({
      check: 'weekday-window',
      params: `{ windowStart: ${param('07:00')}, windowEnd: ${param('13:00')}, minimumHours: ${param(0)}, everyDay: ${param(true)}, minimumDays: ${param(3)}, days: ${param('Mo-Fr')}, creditHolidays: ${param(true)} }`,
    });
    expect(parseError(yaml)).toContain('genau eines von minimumDays oder everyDay: true ist anzugeben');
  });

  it.each([
    ['an impossible validFrom date', ruleYaml().replace("'2026-01-01'", "'2026-02-30'"), `${FILE}: validFrom: expected a date YYYY-MM-DD`],
    ['a missing version', ruleYaml().replace("version: '2026.1'\n", ''), `${FILE}: version: missing`],
    ['missing due weeks for actions', ruleYaml().replace(DUE_WEEKS, ''), `${FILE}: actionDueWeeks: missing`],
    ['due weeks without an obligation', ruleYaml().replace('observe: 12', 'sometimes: 2'), `${FILE}: actionDueWeeks.sometimes: unknown obligation`],
    ['due weeks that are not whole weeks', ruleYaml().replace('must: 4', 'must: 2.5'), `${FILE}: actionDueWeeks.must: expected a whole number of weeks`],
    ['an unquoted numeric version', ruleYaml().replace("'2026.1'", '2026.1'), `${FILE}: version: expected a non-empty string`],
    ['invalid YAML', 'rules: [\n', `${FILE}: invalid YAML`],
    ['duplicate rule ids', ruleYaml() + ruleYaml().split('rules:\n')[1], 'rule "opening.weekly-minimum": id: duplicate rule id'],
  ])('rejects %s', (_name, text, expected) => {
    expect(parseError(text)).toContain(expected);
  });
});

describe('parameter overrides for deviations (section 6)', () => {
  const rule = (id: string) => realCatalog().rules.find((r) => r.id === id)!;

  it('accepts a known parameter with a value of the right type', () => {
    expect(validateParamOverride(rule('opening.weekly-minimum'), { minimumHours: 20 })).toEqual([]);
  });

  it('names a parameter the rule does not have', () => {
    expect(validateParamOverride(rule('opening.weekly-minimum'), { minimumDays: 2 })).toEqual([
      'Die Regel opening.weekly-minimum hat keinen Parameter „minimumDays“ (vorhanden: minimumHours, creditHolidays).',
    ]);
  });

  it('names a value of the wrong type in German', () => {
    expect(validateParamOverride(rule('opening.every-morning'), { windowStart: '7 Uhr', minimumHours: 'zwei' })).toEqual([
      "Parameter „windowStart“ der Regel opening.every-morning: erwartet wird eine Uhrzeit 'HH:MM' zwischen 00:00 und 24:00.",
      'Parameter „minimumHours“ der Regel opening.every-morning: erwartet wird eine Zahl.',
    ]);
  });

  it('checks the merged parameters for contradictions', () => {
    expect(validateParamOverride(rule('opening.every-morning'), { windowEnd: '06:00' })).toContain(
      'Regel opening.every-morning: windowStart muss vor windowEnd liegen.',
    );
  });

  it('names the parameter each override problem concerns, or none for contradicting values', () => {
    expect(paramOverrideProblems(rule('opening.weekly-minimum'), { minimumDays: 2, minimumHours: 'viel' }).map((p) => p.param)).toEqual(['minimumDays', 'minimumHours']);
    const together = paramOverrideProblems(rule('opening.every-morning'), { windowEnd: '06:00' });
    expect(together).toContainEqual({ param: null, message: 'Regel opening.every-morning: windowStart muss vor windowEnd liegen.' });
    expect(together.every((p) => p.param === null)).toBe(true);
  });

  it('applies an override without touching the catalog rule', () => {
    const original = rule('tandem.minor-mornings');
    const changed = applyParamOverride(original, { minimumDays: 2 });
    expect(changed.params.minimumDays).toEqual({ value: 2, label: 'Mindestzahl der Vormittage je Woche', unit: 'Tage' });
    expect(original.params.minimumDays.value).toBe(3);
  });

  it('lists the parameter names of a check kind', () => {
    expect(ruleParamNames('hotline-coverage')).toEqual(['windowStart', 'windowEnd']);
  });
});

describe('standards listed, not checked', () => {
  const header = (extra = '') => ({
    name: 'c/catalog.yaml',
    text: `version: '2026.1'\nvalidFrom: '2026-01-01'\n${DUE_WEEKS}ruleFiles: []\n${extra}`,
  });
  const entry = "  - { section: '5', title: 'Erscheinungsbild', passage: 'Alle Einheiten.', reason: 'Keine Aufzeichnung.' }\n";

  it('reads them from the files named in notCheckedFiles, apart from the rules', () => {
    const catalog = parseCatalogFiles([header('notCheckedFiles: [n.yaml]\n'), { name: 'c/n.yaml', text: `notChecked:\n${entry}` }]);
    expect(catalog.rules).toEqual([]);
    expect(catalog.notChecked).toEqual([{ section: '5', title: 'Erscheinungsbild', passage: 'Alle Einheiten.', reason: 'Keine Aufzeichnung.' }]);
  });

  it('an unlisted, missing or rule-holding file of them is an error naming the file', () => {
    expect(() => parseCatalogFiles([header(), { name: 'c/n.yaml', text: `notChecked:\n${entry}` }])).toThrow('c/catalog.yaml: ruleFiles: file "n.yaml" is not listed');
    expect(() => parseCatalogFiles([header('notCheckedFiles: [n.yaml]\n')])).toThrow('c/catalog.yaml: notCheckedFiles: listed file "n.yaml" was not provided');
    expect(() => parseCatalogFiles([header('notCheckedFiles: [n.yaml]\n'), { name: 'c/n.yaml', text: 'rules: []\n' }])).toThrow('c/n.yaml: rules: a file of standards not checked holds no rules');
  });

  it('each entry needs section, title, passage and reason, and nothing else', () => {
    const bad = (text: string) => () => parseCatalogFiles([header('notCheckedFiles: [n.yaml]\n'), { name: 'c/n.yaml', text }]);
    expect(bad("notChecked:\n  - { section: '5', title: 'T', passage: 'P.' }\n")).toThrow('c/n.yaml: notChecked[0].reason: expected a German reason');
    expect(bad("notChecked:\n  - { section: '5', title: 'T', passage: 'P.', reason: 'R', obligation: must }\n")).toThrow('c/n.yaml: notChecked[0].obligation: unknown field');
    expect(bad('notChecked: nein\n')).toThrow('c/n.yaml: notChecked: expected a list');
  });

  it('a catalog in one file without them lists none', () => {
    expect(parseCatalog(ruleYaml(), FILE).notChecked).toEqual([]);
  });
});
