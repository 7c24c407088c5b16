import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service';
import { projectRoot } from '../common/project-root';
import { AuditService } from '../audits/audit.service';
import { EvidenceImportService } from '../evidence/evidence-import.service';
import { SchedulesService } from '../schedules/schedules.service';
import { DateTime } from 'luxon';
import { ZONE } from '../calendar';
import type { Principal } from '../auth/principal';
import { demoEvidence } from './demo-evidence';
import { SurveyDemoService } from '../surveys/survey-demo.service';

export const DEMO_TOKEN_LABEL = 'demo';

interface DemoSchedules {
  validFrom: string;
  schedules: Array<{ officeId: string; openingHours: string }>;
}

/**
 * Demo mode (DEMO_DATA, on by default for the embedded database): a fresh coordination token on every
 * start (tokens are stored as hashes, so an old one cannot be shown again; the previous demo token
 * is revoked) and, on a database without schedules, plausible data for every office so that a
 * newcomer sees real findings at once.
 */
@Injectable()
export class DemoDataService {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly tokens: TokenService,
    private readonly schedules: SchedulesService,
    private readonly evidence: EvidenceImportService,
    private readonly audits: AuditService,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly surveys: SurveyDemoService,
  ) {}

  async prepare(): Promise<{ coordinationToken: string }> {
    await this.tokens.revokeByLabel(DEMO_TOKEN_LABEL);
    const { id, token } = await this.tokens.create('coordination', [], DEMO_TOKEN_LABEL);
    const principal: Principal = { tokenId: id, role: 'coordination', officeIds: [] };
    const fresh = await this.seedSchedules(principal);
    if (fresh) await this.seedEvidenceAndAudit(principal);
    await this.surveys.seedIfEmpty(principal);
    return { coordinationToken: token };
  }

  /** Schedules for every office, only into a database that has none (true then). */
  private async seedSchedules(principal: Principal): Promise<boolean> {
    const [{ n }]: Array<{ n: number }> = await this.ds.query('SELECT count(*)::int AS n FROM schedule_version');
    if (n > 0) return false;
    const demo = JSON.parse(readFileSync(join(projectRoot(), 'config', 'demo-schedules.json'), 'utf8')) as DemoSchedules;
    for (const s of demo.schedules) {
      await this.schedules.submit(principal, { officeId: s.officeId, validFrom: demo.validFrom, openingHours: s.openingHours });
    }
    this.logger.log({ msg: 'demo schedules seeded', count: demo.schedules.length });
    return true;
  }

  /** Recent closures, hotline coverage and time records, then an audit so that the overview has a report. */
  private async seedEvidenceAndAudit(principal: Principal): Promise<void> {
    const now = DateTime.now().setZone(ZONE);
    const json = (body: unknown[]) => ({ contentType: 'application/json', body });
    for (const e of demoEvidence(now)) {
      if (e.closures.length) await this.evidence.importClosures(principal, e.officeId, json(e.closures));
      if (e.hotline.length) await this.evidence.importHotlineCoverage(principal, e.officeId, json(e.hotline));
      if (e.timeRecords.length) await this.evidence.importTimeRecords(principal, e.officeId, json(e.timeRecords));
    }
    const from = now.startOf('month').minus({ months: 1 }).toISODate()!;
    const to = now.minus({ days: 1 }).toISODate()!;
    const run = await this.audits.run({ trigger: 'manual', from, to, requestedBy: principal.tokenId });
    this.logger.log({ msg: 'demo evidence seeded and audited', runId: run?.id, from, to });
  }
}
