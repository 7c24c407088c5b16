import { TokenService } from '../../src/auth/token.service';
import { runCliCommand } from '../../src/cli/cli-commands';
import { seedNovember } from '../audits/audit-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The CLI's commands, run in-process against the real application (the CLI process and the service bridge call the same function). */
describe('CLI commands', () => {
  let t: TestApp;
  const cli = (...argv: string[]) => runCliCommand(t.app, argv);

  beforeAll(async () => {
    t = await startTestApp();
    await seedNovember(t, await t.token('coordination'));
  });
  afterAll(() => t?.close());

  it('says when the schema was already current', async () => {
    expect(await cli('migrate')).toEqual({ exitCode: 0, stdout: 'Datenbankschema ist aktuell; keine Migration ausstehend.\n', stderr: '' });
  });

  it('prints a created token alone on stdout', async () => {
    const res = await cli('token', 'create', '--role', 'regional', '--office', 'witten');
    expect(res.exitCode).toBe(0);
    expect(res.stdout).toMatch(/^smt_[A-Za-z0-9_-]{43}\n$/);
    expect(await t.app.get(TokenService).authenticate(res.stdout.trim())).toMatchObject({ role: 'regional', officeIds: ['witten'] });
  });

  it('refuses a token for an unknown office with a German message and exit code 2', async () => {
    const res = await cli('token', 'create', '--role', 'regional', '--office', 'atlantis');
    expect(res).toMatchObject({ exitCode: 2, stdout: '' });
    expect(res.stderr).toContain('„atlantis“ ist nicht bekannt');
    expect((await cli('token', 'create', '--role', 'admin')).exitCode).toBe(2);
    expect((await cli('token', 'create', '--bogus')).exitCode).toBe(2);
    expect((await cli('nonsense')).exitCode).toBe(2);
  });

  it('revokes a token by id', async () => {
    const created = await t.app.get(TokenService).create('coordination', []);
    expect((await cli('token', 'revoke', created.id)).exitCode).toBe(0);
    expect((await cli('token', 'revoke', created.id)).exitCode).toBe(1);
    expect((await cli('token', 'list')).stdout).toContain(`${created.id}\tcoordination`);
  });

  it('prints an audit as a German table and exits 1 when a must rule is violated', async () => {
    const res = await cli('audit', '--from', '2026-11-01', '--to', '2026-11-30');
    expect(res.exitCode).toBe(1);
    expect(res.stdout.split('\n')[0]).toMatch(/^Regionalstelle\s+Zeitraum\s+Standard\s+Verbindl\.\s+Status\s+Gemessen\s+Gefordert\s+Einheit$/);
    // Names, not codes (issue 13): office name, period as people say it, the rule's short title.
    expect(res.stdout).toMatch(/Herdecke\s+KW 45\/2026\s+Wochenstunden\s+Muss\s+NICHT ERFÜLLT\s+14\s+21,5\s+Std\./);
    expect(res.stdout).not.toMatch(/opening\.weekly-minimum|herdecke|2026-W45/);
    expect(res.stdout).toContain('Verstöße gegen Muss-Regeln');
    const [run] = await t.dataSource.query(`SELECT trigger, status FROM audit_run ORDER BY started_at DESC LIMIT 1`);
    expect(run).toEqual({ trigger: 'cli', status: 'succeeded' });
  });

  it('exits 0 when no must rule is violated, and prints JSON or CSV on request', async () => {
    const json = await cli('audit', '--from', '2026-11-01', '--to', '2026-11-30', '--office', 'witten', '--format', 'json');
    expect(json.exitCode).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(body.run.officeIds).toEqual(['witten']);
    // 4 weeks × 10 weekly rules + 7 monthly rules (two on working time, two on the registers of 4.1/4.2, three on the office registers).
    expect(body.findings).toHaveLength(4 * 10 + 7);
    const csv = await cli('audit', '--from', '2026-11-01', '--to', '2026-11-30', '--office', 'witten', '--format', 'csv');
    expect(csv.stdout.startsWith('\uFEFFRegionalstelle;Zeitraum;')).toBe(true);
  });

  it('rejects bad audit arguments', async () => {
    for (const args of [['--from', '2026-11-31', '--to', '2026-12-01'], ['--from', '2026-11-30', '--to', '2026-11-01'], ['--from', '2026-11-01', '--to', '2026-11-30', '--format', 'pdf']]) {
      const res = await cli('audit', ...args);
      expect({ args, exitCode: res.exitCode }).toEqual({ args, exitCode: 2 });
      expect(res.stderr).toMatch(/muss|darf/);
    }
  });
});
