import { evaluate } from './evaluate';
import { JUDGEMENTS, ruleTraits, selectRules } from './rule-selection';
import { officeFacts } from './testing/facts.factory';
import { realCatalog } from './testing/standards-files.fixture';
import { aWeek } from './testing/week.factory';
import { OFFICE_ROLES } from './types';

describe('evaluate', () => {
  const catalog = realCatalog();

  it('returns one finding per office rule in catalog order, stamped with catalog version and period', () => {
    const findings = evaluate(catalog, officeFacts('standalone'), { period: 'regular-week' });
    expect(findings.map((f) => f.ruleId)).toEqual(catalog.rules.filter((r) => ruleTraits(r).scope === 'office').map((r) => r.id));
    expect(findings.every((f) => f.catalogVersion === '2026.1' && f.period === 'regular-week')).toBe(true);
  });

  it('never reports compliance without facts', () => {
    const findings = evaluate(catalog, officeFacts('standalone'));
    expect(findings.map((f) => f.status)).not.toContain('compliant');
  });

  it.each(OFFICE_ROLES)('marks rules that do not apply to a %s as not applicable', (role) => {
    for (const finding of evaluate(catalog, officeFacts(role))) {
      const rule = catalog.rules.find((r) => r.id === finding.ruleId)!;
      if (!rule.appliesTo.includes(role)) {
        expect(finding).toMatchObject({ status: 'not_applicable', measured: null, required: null });
        expect(finding.message).toContain('gilt nicht für die Regionalstelle Musterstadt');
      }
    }
  });

  it('a tandem minor is judged by the tandem rules and the rules of the office registers', () => {
    const findings = evaluate(catalog, officeFacts('tandem-minor', { openingWeek: aWeek().openWeekdays('08:00', '12:00').build() }));
    const applicable = findings.filter((f) => f.status !== 'not_applicable').map((f) => f.ruleId);
    expect(applicable).toEqual(['tandem.minor-mornings', 'tandem.seat-access', 'appointments.outside-opening-hours', 'appointments.by-arrangement', 'staff.continuity']);
  });

  it('evaluates only the requested rules', () => {
    const findings = evaluate(catalog, officeFacts('standalone'), { ruleIds: ['opening.afternoon', 'opening.weekly-minimum'] });
    expect(findings.map((f) => f.ruleId)).toEqual(['opening.weekly-minimum', 'opening.afternoon']);
  });

  it('carries citation, obligation and the parameter values into the finding', () => {
    const [finding] = evaluate(catalog, officeFacts('standalone', { openingWeek: aWeek().build() }), { ruleIds: ['opening.weekly-minimum'] });
    expect(finding.citation).toEqual({ section: '2', passage: 'Es ist eine Mindestöffnungszeit von 21,5 Stunden pro Woche zu gewährleisten.' });
    expect(finding.obligation).toBe('must');
    expect(finding.evidence.params).toEqual({ minimumHours: 21.5, creditHolidays: true });
  });

  it('gives an observation no verdict: "observed", whatever its check would say (obligation observe)', () => {
    // The weekly minimum as an observation: its check says "nicht erfüllt" for 20 h, and "erfüllt" for 22 h.
    const observed = { ...catalog, rules: catalog.rules.map((r) => (r.id === 'opening.weekly-minimum' ? { ...r, obligation: 'observe' as const } : r)) };
    const status = (week: ReturnType<ReturnType<typeof aWeek>['build']>) =>
      evaluate(observed, officeFacts('standalone', { openingWeek: week }), { ruleIds: ['opening.weekly-minimum'] })[0].status;
    expect(status(aWeek().openWeekdays('08:00', '12:00').build())).toBe('observed');
    expect(status(aWeek().openWeekdays('08:00', '12:24').build())).toBe('observed');
    expect(evaluate(catalog, officeFacts('standalone', { openingWeek: aWeek().openWeekdays('08:00', '12:00').build() }), { ruleIds: ['opening.weekly-minimum'] })[0].status).toBe('non_compliant');
    // Without data it still says so.
    expect(evaluate(observed, officeFacts('standalone'), { ruleIds: ['opening.weekly-minimum'] })[0].status).toBe('insufficient_data');
  });

  it('a well-run standalone office is compliant with every opening rule', () => {
    const week = aWeek().openWeekdays('08:00', '12:30').open('thu', '14:00', '18:00').build();
    const findings = evaluate(catalog, officeFacts('standalone', { openingWeek: week }), {
      ruleIds: catalog.rules.filter((r) => r.id.startsWith('opening.')).map((r) => r.id),
    });
    expect(findings.map((f) => [f.ruleId, f.status])).toEqual(findings.map((f) => [f.ruleId, 'compliant']));
  });
});

describe('rule selection follows what each check kind declares', () => {
  const catalog = realCatalog();
  const ids = (selection: Parameters<typeof selectRules>[1]) => selectRules(catalog, selection).map((r) => r.id);

  it('a schedule pre-check judges only the rules a schedule can answer', () => {
    expect(ids(JUDGEMENTS.scheduleCheck)).toEqual([
      'opening.weekly-minimum',
      'opening.every-weekday',
      'opening.every-morning',
      'opening.afternoon',
      'opening.afternoon-for-working-people',
      'tandem.minor-mornings',
      'tandem.seat-access',
    ]);
  });

  it('a real week judges every weekly office rule, the hotline included', () => {
    expect(ids(JUDGEMENTS.officeWeek)).toEqual([...ids(JUDGEMENTS.scheduleCheck), 'hotline.employer-service-hours', 'hotline.staff-availability', 'hotline.forwarding-share']);
  });

  it('a month judges the monthly rules on working time and the office registers', () => {
    expect(ids(JUDGEMENTS.officeMonth)).toEqual([
      'employer-service.time-share',
      'placement.one-to-one',
      'multiplier-teams.delegate',
      'employer-contact.fixed',
      'appointments.outside-opening-hours',
      'appointments.by-arrangement',
      'staff.continuity',
    ]);
  });

  it('the district rules are judged once a week or once a month over all offices', () => {
    expect(ids(JUDGEMENTS.districtWeek)).toEqual(['opening.district-core-hours']);
    expect(ids(JUDGEMENTS.districtMonth)).toEqual(['practice-meetings.regular', 'satisfaction.customer-survey', 'satisfaction.staff-survey']);
  });

  it('every rule falls into exactly one of the judgements', () => {
    const all = [JUDGEMENTS.officeWeek, JUDGEMENTS.officeMonth, JUDGEMENTS.districtWeek, JUDGEMENTS.districtMonth].flatMap(ids);
    expect([...all].sort()).toEqual(catalog.rules.map((r) => r.id).sort());
  });

  it('declares needs, cadence and scope of each rule', () => {
    expect(ruleTraits(catalog.rules.find((r) => r.id === 'hotline.staff-availability')!)).toEqual({ needs: ['hotline'], cadence: 'week', scope: 'office' });
    expect(ruleTraits(catalog.rules.find((r) => r.id === 'employer-service.time-share')!)).toEqual({ needs: ['time-records'], cadence: 'month', scope: 'office' });
    expect(ruleTraits(catalog.rules.find((r) => r.id === 'appointments.outside-opening-hours')!)).toEqual({ needs: ['schedule', 'appointments'], cadence: 'month', scope: 'office' });
  });
});

describe('messages people read', () => {
  it('name offices and seats by name and periods as people read them, never by id', () => {
    const catalog = realCatalog();
    const week = aWeek().startingOn('2026-10-05').open(['mon', 'wed'], '08:00', '12:00').build();
    const facts = {
      office: { id: 'sprockhoevel', name: 'Sprockhövel', role: 'tandem-minor' as const, seatId: 'gevelsberg', seatName: 'Gevelsberg' },
      openingWeek: week,
      seatOpeningWeek: aWeek().startingOn('2026-10-05').open(['mon', 'tue'], '08:00', '12:00').build(),
    };
    const findings = evaluate(catalog, facts, { period: '2026-W41' });
    const text = findings.map((f) => f.message).join(' ');
    expect(text).toContain('Regionalstellensitz Gevelsberg');
    expect(text).toContain('Regionalstelle Sprockhövel');
    expect(text).not.toMatch(/sprockhoevel|gevelsberg|2026-W41|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
