import type { ServiceProcess } from '../../bench/service-process';
import { hotlineCsv } from '../../bench/import-csv';
import { call, serviceTarget, sleep, type ServiceTarget } from './support/service-target';

/**
 * kill -9 of the service while it imports a maximum-size file (issue 10): whenever the kill lands
 * (reading, validating, half-way through writing), after the restart the file is stored entirely or
 * not at all, and the service works on.
 */
describe('kill -9 during an import', () => {
  let target: ServiceTarget;
  let service: ServiceProcess | undefined;
  const csv = hotlineCsv();

  beforeAll(async () => {
    target = await serviceTarget();
  });
  afterAll(async () => {
    await service?.kill();
    await target?.drop();
  });

  it.each([300, 2500])('stores all or nothing when killed %i ms into the upload', async (delay) => {
    service = await target.start();
    const office = `import-${delay}`;
    expect((await call(service, 'POST', '/api/v1/offices', { id: office, name: `Import ${delay}`, role: 'standalone' })).status).toBe(201);
    const upload = call(service, 'POST', `/api/v1/offices/${office}/hotline-coverage`, csv.text, { 'Content-Type': 'text/csv' }).catch(() => ({ status: 0, body: null }));
    await sleep(delay);
    await service.kill();
    const answered = await upload;
    service = await target.start();

    const stored = await call(service, 'GET', `/api/v1/offices/${office}/hotline-coverage?from=2026-01-01&to=2029-12-31`);
    expect(stored.status).toBe(200);
    // an answer that came before the kill says 201 with every row; otherwise none or all may be there
    if (answered.status === 201) expect(stored.body).toHaveLength(csv.rows);
    else expect([0, csv.rows]).toContain(stored.body.length);
    if (!target.embedded) {
      const [counts] = await target.query<{ records: number; imports: number }>(
        `SELECT (SELECT count(*)::int FROM hotline_coverage WHERE office_id = $1) AS records, (SELECT count(*)::int FROM evidence_import WHERE office_id = $1) AS imports`,
        [office],
      );
      expect(counts).toEqual(stored.body.length === 0 ? { records: 0, imports: 0 } : { records: csv.rows, imports: 1 });
    }
    // and the service works on
    const small = await call(service, 'POST', `/api/v1/offices/${office}/closures`, [{ date: '2026-12-24', reason: 'Heiligabend' }]);
    expect(small.status).toBe(201);
    await service.stop();
    service = undefined;
  });
});
