import { practiceMeetingKind } from '../../src/evidence/practice-meeting.kind';
import { validateRows } from '../../src/evidence/row-validation';
import { startTestApp, type TestApp } from '../support/test-app';
import { postJson, where, type Detail } from './evidence-requests';

/**
 * A practice meetings list names offices by id or name. Ids come first; a name counts only when
 * one office has it. Offices that share a name can still exist (created before names had to be
 * unique, migration 1764700000000), and a later one must never take an earlier one's entries.
 */
describe('offices named in the practice meetings register', () => {
  const meeting = (invited: string[], attended: string[] = []) => ({ date: '2026-04-14', audience: 'specialist_advice', invited, attended });
  // One meeting a day: rows of one file with the same date and audience would contradict each other.
  const read = (offices: Array<{ id: string; name: string }>, rows: object[]) =>
    validateRows(practiceMeetingKind(offices), rows.map((values, i) => ({ line: i + 1, values: { ...values, date: `2026-04-${10 + i}` } })));

  describe('resolving an entry', () => {
    const offices = [
      { id: 'hattingen', name: 'Hattingen' },
      { id: 'witten', name: 'Witten' },
      { id: 'zz-test', name: 'Hattingen' },
      { id: 'alt-a', name: 'Doppelt' },
      { id: 'alt-b', name: 'doppelt ' },
      { id: 'sprockhoevel', name: 'Sprockhövel' },
    ];

    it('takes an id before a name, whatever office comes later', () => {
      const { records, errors } = read(offices, [meeting(['hattingen', 'witten'], ['HATTINGEN']), meeting(['Hattingen', 'zz-test'])]);
      expect(errors).toEqual([]);
      expect(records.map((r) => [r.invited, r.attended])).toEqual([
        [['hattingen', 'witten'], ['hattingen']],
        [['hattingen', 'zz-test'], []],
      ]);
    });

    it('takes a name that one office has, in any case and Unicode form', () => {
      const { records, errors } = read(offices, [meeting(['Sprockho\u0308vel', 'WITTEN'])]);
      expect(errors).toEqual([]);
      expect(records[0].invited).toEqual(['sprockhoevel', 'witten']);
    });

    it('calls a name that several offices have ambiguous, by line and field, naming their ids', () => {
      const { records, errors } = read(offices, [meeting(['witten']), meeting(['witten', 'Doppelt']), meeting(['witten'], ['doppelt', 'Bochum'])]);
      expect(records).toHaveLength(1);
      expect(where(errors as Detail[])).toEqual(['2:invited', '3:attended']);
      expect(errors[0].message).toBe('nennt eine Regionalstelle, deren Name nicht eindeutig ist: „Doppelt“ (so heißen alt-a, alt-b); bitte die Kennung angeben');
      expect(errors[1].message).toMatch(/^nennt eine unbekannte Regionalstelle: „Bochum“; bekannt sind .*; nennt eine Regionalstelle, deren Name nicht eindeutig ist: „doppelt“ \(so heißen alt-a, alt-b\)/);
    });
  });

  describe('over HTTP, with offices that shared a name before the migration', () => {
    let t: TestApp;
    let coordination: string;

    beforeAll(async () => {
      t = await startTestApp();
      coordination = await t.token('coordination');
      // Data from before names had to be unique: written without the trigger that now refuses it.
      await t.dataSource.query('ALTER TABLE office DISABLE TRIGGER tr_office_name_keys');
      try {
        await t.dataSource.query(`INSERT INTO office (id, name, role) VALUES ('zz-test', 'Hattingen', 'standalone'), ('alt-a', 'Doppelt', 'standalone'), ('alt-b', 'Doppelt', 'standalone')`);
      } finally {
        await t.dataSource.query('ALTER TABLE office ENABLE TRIGGER tr_office_name_keys');
      }
    });
    afterAll(() => t?.close());

    it('stores the office whose id was given, not a later office of that name', async () => {
      await postJson(t, '/api/v1/practice-meetings', coordination, [meeting(['hattingen', 'witten'], ['hattingen'])]).expect(201);
      const [row] = await t.dataSource.query(`SELECT invited, attended FROM practice_meeting WHERE meeting_date = '2026-04-14'`);
      expect(row).toEqual({ invited: ['hattingen', 'witten'], attended: ['hattingen'] });
    });

    it('refuses the whole file for an ambiguous name, naming line and field, writing nothing', async () => {
      const before = [await t.count('practice_meeting'), await t.count('evidence_import')];
      const res = await postJson(t, '/api/v1/practice-meetings', coordination, [{ ...meeting(['witten']), date: '2026-05-05' }, { ...meeting(['Doppelt']), date: '2026-05-06' }]).expect(400);
      expect(where(res.body.details as Detail[])).toEqual(['2:invited']);
      expect(res.body.details[0].message).toContain('„Doppelt“ (so heißen alt-a, alt-b)');
      expect([await t.count('practice_meeting'), await t.count('evidence_import')]).toEqual(before);
    });
  });
});
