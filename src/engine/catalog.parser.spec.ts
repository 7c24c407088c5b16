import { CatalogError } from './catalog.error';
import { applyParamOverride, paramOverrideProblems, parseCatalog, parseCatalogFiles, ruleParamNames, validateParamOverride } from './catalog.parser';
import { realCatalog, standardsFiles } from './testing/standards-files.fixture';

const FILE = 'config/standards/opening.yaml';

const ruleYaml = (overrides: Record<string, string> = {}) => {
  const fields: Record<string, string> = {
    id: 'opening.weekly-minimum',
    title: 'Mindestöffnungszeit',
    citation: "{ section: '2', passage: 'Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten.' }",
    obligation: 'must',
    appliesTo: '[standalone, tandem-seat]',
    check: 'weekly-hours',
    params: '{ minimumHours: 21.5 }',
    ...overrides,
  };
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `    ${key}: ${value}`);
  return `version: '2026.1'\nvalidFrom: '2026-01-01'\nrules:\n  -\n${lines.join('\n')}\n`;
};

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
  it('loads with the ten rules of Anlage 3 in order', () => {
    const catalog = realCatalog();
    expect(catalog.version).toBe('2026.1');
    expect(catalog.validFrom).toBe('2026-01-01');
    expect(catalog.rules.map((r) => [r.id, r.obligation, r.appliesTo])).toEqual([
      ['opening.weekly-minimum', 'must', ['standalone', 'tandem-seat']],
      ['opening.every-weekday', 'must', ['standalone', 'tandem-seat']],
      ['opening.every-morning', 'should', ['standalone', 'tandem-seat']],
      ['opening.afternoon', 'must', ['standalone', 'tandem-seat']],
      ['opening.afternoon-for-working-people', 'should', ['standalone', 'tandem-seat']],
      ['tandem.minor-mornings', 'should', ['tandem-minor']],
      ['tandem.seat-access', 'must', ['tandem-minor']],
      ['hotline.employer-service-hours', 'must', ['standalone', 'tandem-seat']],
      ['employer-service.time-share', 'aim', ['standalone', 'tandem-seat']],
      ['hotline.forwarding-share', 'observe', ['standalone', 'tandem-seat']],
    ]);
  });

  it('marks every value the agreement leaves open as an interpretation', () => {
    const interpreted = (ruleId: string) =>
      Object.entries(realCatalog().rules.find((r) => r.id === ruleId)!.params)
        .filter(([, spec]) => spec.interpretation?.includes('Auslegung'))
        .map(([name]) => name)
        .sort();
    expect(interpreted('opening.weekly-minimum')).toEqual(['proRataForExcusedWeekdays']);
    expect(interpreted('opening.every-morning')).toEqual(['everyDay', 'minimumHours', 'windowEnd', 'windowStart']);
    expect(interpreted('opening.afternoon')).toEqual(['minimumHours', 'windowEnd', 'windowStart']);
    expect(interpreted('opening.afternoon-for-working-people')).toEqual(['minimumHours', 'openUntilAtLeast', 'windowEnd', 'windowStart']);
    expect(interpreted('tandem.minor-mornings')).toEqual(['minimumDays', 'minimumHours', 'windowEnd', 'windowStart']);
    expect(interpreted('hotline.employer-service-hours')).toEqual([]);
  });

  it('refuses a rule file that catalog.yaml does not list', () => {
    const files = [...standardsFiles(), { name: 'config/standards/extra.yaml', text: 'rules: []\n' }];
    expect(() => parseCatalogFiles(files)).toThrow('config/standards/catalog.yaml: ruleFiles: file "extra.yaml" is not listed');
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
      'config/standards/tandem.yaml: rule "opening.afternoon": id: duplicate rule id (also in config/standards/opening.yaml)',
    );
  });
});

describe('catalog parse errors name the file, the rule and the field', () => {
  it('accepts the minimal valid rule', () => {
    expect(parseCatalog(ruleYaml(), FILE).rules[0].params).toEqual({ minimumHours: { value: 21.5 } });
  });

  it.each([
    ['a parameter of the wrong type', { params: "{ minimumHours: 'viel' }" }, 'rule "opening.weekly-minimum": params.minimumHours: expected a number'],
    ['a parameter of the wrong type in long form', { params: '{ minimumHours: { value: true } }' }, 'params.minimumHours.value: expected a number'],
    ['an unknown parameter', { params: '{ minimumHours: 21.5, maximumHours: 40 }' }, 'params.maximumHours: unknown parameter for check "weekly-hours" (known: minimumHours, proRataForExcusedWeekdays)'],
    ['a missing required parameter', { params: '{}' }, 'params.minimumHours: required parameter is missing'],
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
      params: "{ windowStart: '13:00', windowEnd: '07:00', everyDay: true }",
    });
    expect(parseError(yaml)).toContain('rule "opening.every-morning": params: windowStart muss vor windowEnd liegen');
  });

  it('rejects a time that is not HH:MM', () => {
    const yaml = ruleYaml({ check: 'hotline-coverage', params: "{ windowStart: '8 Uhr', windowEnd: '17:00' }" });
    expect(parseError(yaml)).toContain("params.windowStart: expected a time 'HH:MM'");
  });

  it('rejects a weekday window with both minimumDays and everyDay', () => {
    const yaml = ruleYaml({ check: 'weekday-window', params: "{ windowStart: '07:00', windowEnd: '13:00', everyDay: true, minimumDays: 3 }" });
    expect(parseError(yaml)).toContain('genau eines von minimumDays oder everyDay: true ist anzugeben');
  });

  it.each([
    ['an impossible validFrom date', ruleYaml().replace("'2026-01-01'", "'2026-02-30'"), `${FILE}: validFrom: expected a date YYYY-MM-DD`],
    ['a missing version', ruleYaml().replace("version: '2026.1'\n", ''), `${FILE}: version: missing`],
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
      'Die Regel opening.weekly-minimum hat keinen Parameter „minimumDays“ (vorhanden: minimumHours, proRataForExcusedWeekdays).',
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
    expect(changed.params.minimumDays).toEqual({ value: 2 });
    expect(original.params.minimumDays.value).toBe(3);
  });

  it('lists the parameter names of a check kind', () => {
    expect(ruleParamNames('hotline-coverage')).toEqual(['windowStart', 'windowEnd']);
  });
});
