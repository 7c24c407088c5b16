import { Test } from '@nestjs/testing';
import { CLOCK } from '../../src/common/clock';
import { JudgingService } from '../../src/judging/judging.service';
import { weekPeriod } from '../../src/judging/judgement-period';
import { OfficesService } from '../../src/offices/offices.service';
import { startTestApp, type TestApp } from '../support/test-app';

/** A week that has not ended yet is judged, but marked provisional: its remaining days count as closed. */
describe('provisional judgements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  async function completeOn(now: string, week: string): Promise<boolean> {
    const moduleRef = await Test.createTestingModule({
      providers: [
        JudgingService,
        { provide: CLOCK, useValue: () => new Date(now) },
        ...[OfficesService].map((s) => ({ provide: s, useValue: t.app.get(s) })),
      ],
    })
      .useMocker((token) => t.app.get(token as never, { strict: false }))
      .compile();
    const service = moduleRef.get(JudgingService);
    const office = await t.app.get(OfficesService).get('witten');
    return (await service.judge(office, weekPeriod(week))).complete;
  }

  it('is complete from the Monday after the week, Berlin time', async () => {
    expect(await completeOn('2026-11-22T22:59:00Z', '2026-W47')).toBe(false); // Sunday 23:59 in Berlin
    expect(await completeOn('2026-11-22T23:00:00Z', '2026-W47')).toBe(true); // Monday 00:00 in Berlin
  });
});
