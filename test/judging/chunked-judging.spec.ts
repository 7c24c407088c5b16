import { AuditService } from '../../src/audits/audit.service';
import { AuditRunRepository } from '../../src/audits/audit-run.repository';
import { JudgingFactsRepository } from '../../src/judging/judging-facts.repository';
import { JudgingService } from '../../src/judging/judging.service';
import { seedNovember } from '../audits/audit-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * An audit judges offices in chunks; on a server the officer months of all offices come from one
 * statement while the weeks of the first chunks are judged ahead, and on both databases the next
 * chunk is read while this one is judged. However the work is cut, the findings, their order
 * included, must be the same as judging every office in one chunk.
 */
describe('chunked judging', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock: () => new Date('2026-12-02T10:00:00+01:00') });
    await seedNovember(t, await t.token('coordination'));
  });
  afterAll(() => t?.close());

  async function auditWith(officeDaysPerChunk: number, slowOfficerMonths = false) {
    const judging = t.app.get(JudgingService);
    const before = judging.officeDaysPerChunk;
    judging.officeDaysPerChunk = officeDaysPerChunk;
    // A slow read of the officer months: on a server the weeks of several chunks are judged ahead meanwhile.
    const facts = t.app.get(JudgingFactsRepository);
    const read = facts.officerMonths.bind(facts);
    const slow = slowOfficerMonths ? jest.spyOn(facts, 'officerMonths').mockImplementation(async (...args) => (await new Promise((r) => setTimeout(r, 300)), read(...args))) : undefined;
    try {
      const run = (await t.app.get(AuditService).run({ trigger: 'cli', from: '2026-11-01', to: '2026-11-30' }))!;
      return t.app.get(AuditRunRepository).findings(run.id, { limit: 100_000 });
    } finally {
      slow?.mockRestore();
      judging.officeDaysPerChunk = before;
    }
  }

  it('gives the same findings in the same order with one office per chunk as with all in one', async () => {
    const whole = await auditWith(1_000_000);
    const oneByOne = await auditWith(1);
    expect(oneByOne.length).toBeGreaterThan(100);
    expect(oneByOne).toEqual(whole);
    expect(await auditWith(1, true)).toEqual(whole);
    // The month was judged from the officer months (Witten's records), not as missing evidence.
    const share = whole.find((f) => f.officeId === 'witten' && f.periodKind === 'month' && f.ruleId === 'employer-service.time-share');
    expect(share).toMatchObject({ period: '2026-11' });
    expect(share!.status).not.toBe('insufficient_data');
    expect((share!.evidence as { recordCount?: number }).recordCount).toBe(12);
  });
});
